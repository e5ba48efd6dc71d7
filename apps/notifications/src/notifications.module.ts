import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { TOPICS } from '@payforward/contracts';
import {
  apiErrorFilterProvider,
  JwtTokens,
  LOGGER,
  subgraphServiceImports,
  subscriptionOnConnect,
  type JwtConfig,
  type ServiceConfig,
} from '@payforward/platform';
import { INBOX_DATABASE } from './inbox/inbox.notifier.js';
import { INBOX_PROVIDERS } from './inbox/inbox.providers.js';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from './notifications.settings.js';

export interface NotificationsModuleOptions {
  config: ServiceConfig;
  jwt: JwtConfig;
  logger: Logger;
  groupId?: string;
  /** Consumed topics (default: the contracts' registry); specs pass unique ones. */
  topics?: Partial<NotificationsSettings['topics']>;
  /** Run the consumer (default true). */
  consume?: boolean;
}

/**
 * The notifications service: consumes the other services' topics, decides who is told what
 * (notification.rules.ts), keeps each member's in-app inbox in its own database and serves it
 * as a GraphQL subgraph with the `notificationReceived` subscription. Writes no events.
 */
@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationsModuleOptions): DynamicModule {
    const { config, jwt, logger } = options;
    const settings: NotificationsSettings = {
      config,
      groupId: options.groupId ?? 'notifications.v1',
      topics: {
        identity: options.topics?.identity ?? TOPICS.identityMember,
        helpRequest: options.topics?.helpRequest ?? TOPICS.marketplaceHelpRequest,
        reputation: options.topics?.reputation ?? TOPICS.reputationAdmin,
        flags: options.topics?.flags ?? TOPICS.reputationFlags,
      },
      consume: options.consume ?? true,
    };
    return {
      module: NotificationsModule,
      imports: [
        ...subgraphServiceImports({
          config,
          logger,
          tokens: new JwtTokens(jwt),
          graphql: (auth) => ({ subscription: { onConnect: subscriptionOnConnect(auth) } }),
        }),
      ],
      providers: [
        { provide: LOGGER, useValue: logger },
        apiErrorFilterProvider,
        { provide: NOTIFICATIONS_SETTINGS, useValue: settings },
        { provide: INBOX_DATABASE, useValue: config.database },
        ...INBOX_PROVIDERS,
      ],
    };
  }
}
