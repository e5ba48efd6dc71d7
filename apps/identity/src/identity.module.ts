import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import {
  apiErrorFilterProvider,
  commandSessionsProvider,
  JwtTokens,
  LOGGER,
  subgraphServiceImports,
  type JwtConfig,
  ViewerAuthenticator,
  type ServiceConfig,
  type WriteSideOptions,
  WRITE_SIDE,
} from '@payforward/platform';
import { PasswordHasher } from './auth/password.hasher.js';
import { JWT_CONFIG, tokensProvider } from './auth/tokens.provider.js';
import { ContactGrantsConsumer, CONTACT_GRANTS_SETTINGS, DEFAULT_CONTACT_GRANTS, type ContactGrantsSettings } from './contact-grants/contact-grants.consumer.js';
import { ADMIN_BOOTSTRAP, type AdminBootstrapSettings } from './members/bootstrap-admin/admin-bootstrap.config.js';
import { AdminBootstrapService } from './members/bootstrap-admin/admin-bootstrap.service.js';
import { EraseMemberHandler } from './members/erase-member/erase-member.handler.js';
import { EraseMemberResolver } from './members/erase-member/erase-member.resolver.js';
import { GetMemberHandler } from './members/get-member/get-member.handler.js';
import { MemberLoaders } from './members/get-member/member.loaders.js';
import { MembersResolver } from './members/get-member/members.resolver.js';
import { LoginHandler } from './members/login/login.handler.js';
import { LoginResolver } from './members/login/login.resolver.js';
import { GrantAdminHandler } from './members/grant-admin/grant-admin.handler.js';
import { GrantAdminResolver } from './members/grant-admin/grant-admin.resolver.js';
import { memberProjector } from './members/member.projection.js';
import { RegisterMemberHandler } from './members/register-member/register-member.handler.js';
import { RegisterMemberResolver } from './members/register-member/register-member.resolver.js';
import { ReinstateMemberHandler } from './members/reinstate-member/reinstate-member.handler.js';
import { ReinstateMemberResolver } from './members/reinstate-member/reinstate-member.resolver.js';
import { SuspendMemberHandler } from './members/suspend-member/suspend-member.handler.js';
import { SuspendMemberResolver } from './members/suspend-member/suspend-member.resolver.js';
import { UpdateProfileHandler } from './members/update-profile/update-profile.handler.js';
import { UpdateProfileResolver } from './members/update-profile/update-profile.resolver.js';
import { OutboxRelayService, SERVICE_CONFIG } from './outbox/outbox-relay.service.js';
import { RequestPasswordResetHandler, PASSWORD_RESET_RESPONSE_MS, passwordResetResponseMsOf } from './members/request-password-reset/request-password-reset.handler.js';
import { RequestPasswordResetResolver } from './members/request-password-reset/request-password-reset.resolver.js';
import { ResendVerificationEmailHandler } from './members/resend-verification-email/resend-verification-email.handler.js';
import { ResendVerificationEmailResolver } from './members/resend-verification-email/resend-verification-email.resolver.js';
import { ResetPasswordHandler } from './members/reset-password/reset-password.handler.js';
import { ResetPasswordResolver } from './members/reset-password/reset-password.resolver.js';
import { VerifyEmailHandler } from './members/verify-email/verify-email.handler.js';
import { VerifyEmailResolver } from './members/verify-email/verify-email.resolver.js';

export interface IdentityModuleOptions {
  config: ServiceConfig;
  jwt: JwtConfig;
  logger: Logger;
  /** Run the outbox relay in this process (default true; specs of the write path alone turn it off). */
  relay?: boolean;
  /** The contact-grants consumer (default: group identity.contact-grants.v1 on the help-request topic); false = none. */
  contactGrants?: ContactGrantsSettings | false;
  /** The first admin to ensure at start (PAYFORWARD_ADMIN_*); null = none. */
  adminBootstrap?: AdminBootstrapSettings | null;
  /** The floor of every requestPasswordReset answer (default PASSWORD_RESET_RESPONSE_MS, 300 ms). */
  passwordResetResponseMs?: number;
}

const handlers = [
  RegisterMemberHandler,
  LoginHandler,
  GetMemberHandler,
  UpdateProfileHandler,
  GrantAdminHandler,
  SuspendMemberHandler,
  ReinstateMemberHandler,
  EraseMemberHandler,
  VerifyEmailHandler,
  ResendVerificationEmailHandler,
  RequestPasswordResetHandler,
  ResetPasswordHandler,
];
const resolvers = [
  RegisterMemberResolver,
  LoginResolver,
  MembersResolver,
  UpdateProfileResolver,
  GrantAdminResolver,
  SuspendMemberResolver,
  ReinstateMemberResolver,
  EraseMemberResolver,
  VerifyEmailResolver,
  ResendVerificationEmailResolver,
  RequestPasswordResetResolver,
  ResetPasswordResolver,
];

/** The identity service: members and authentication, a GraphQL subgraph owning the Member entity. */
@Module({})
export class IdentityModule {
  static forRoot({
    config,
    jwt,
    logger,
    relay = true,
    contactGrants = DEFAULT_CONTACT_GRANTS,
    adminBootstrap = null,
    passwordResetResponseMs = passwordResetResponseMsOf(),
  }: IdentityModuleOptions): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        ...subgraphServiceImports({ config, logger, tokens: new JwtTokens(jwt) }),
      ],
      providers: [
        { provide: LOGGER, useValue: logger },
        apiErrorFilterProvider,
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: JWT_CONFIG, useValue: jwt },
        tokensProvider,
        PasswordHasher,
        MemberLoaders,
        {
          provide: WRITE_SIDE,
          inject: [ViewerAuthenticator],
          // Personal fields are sealed with the member's key on append and opened on read (ADR 010).
          useFactory: (auth: ViewerAuthenticator): WriteSideOptions => ({ projector: memberProjector(auth), sealPersonalData: true }),
        },
        commandSessionsProvider,
        ...handlers,
        ...resolvers,
        { provide: ADMIN_BOOTSTRAP, useValue: adminBootstrap },
        { provide: PASSWORD_RESET_RESPONSE_MS, useValue: passwordResetResponseMs },
        AdminBootstrapService,
        ...(relay ? [OutboxRelayService] : []),
        ...(contactGrants ? [{ provide: CONTACT_GRANTS_SETTINGS, useValue: contactGrants }, ContactGrantsConsumer] : []),
      ],
    };
  }
}
