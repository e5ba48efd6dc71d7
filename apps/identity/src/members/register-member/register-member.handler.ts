import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { memberStreamId } from '@payforward/contracts';
import { CommandSessions } from '@payforward/event-store';
import { checkPassword, memberDecider, registerMember, type RegisterMember } from '@payforward/identity-domain';
import { JwtTokens } from '@payforward/platform';
import { PasswordHasher } from '../../auth/password.hasher.js';
import { newAccountToken } from '../account-tokens/account-tokens.read-model.js';
import { reserveEmail, storeCredentials } from '../credentials.read-model.js';
import { findMemberById } from '../members.read-model.js';
import { RegisterMemberCommand, type Authenticated } from './register-member.command.js';

/**
 * One transaction: reserve the e-mail (its primary key makes a second registration CONFLICT),
 * append MemberRegistered and EmailVerificationRequested with their outbox rows to a new stream (expected: no stream), store the
 * password hash beside it, and project the member into the read model. Any refusal rolls all
 * of it back, so a failed registration leaves nothing behind.
 */
@CommandHandler(RegisterMemberCommand)
export class RegisterMemberHandler implements ICommandHandler<RegisterMemberCommand> {
  constructor(
    private readonly sessions: CommandSessions,
    private readonly hasher: PasswordHasher,
    private readonly tokens: JwtTokens,
  ) {}

  async execute({ input, correlationId, options }: RegisterMemberCommand): Promise<Authenticated> {
    const memberId = uuidv7();
    // Registration also asks for the address to be verified: the token of the link mailed to it (ADR 019).
    const verificationToken = newAccountToken();
    const command = (at: Date): RegisterMember => ({
      type: 'RegisterMember',
      data: {
        memberId,
        email: input.email,
        displayName: input.displayName,
        headline: input.headline,
        timezone: input.timezone,
        ...(options.admin ? { admin: true } : {}),
        verificationToken,
        at: at.toISOString(),
      },
    });
    // Every rule is checked before hashing, so refused input costs no argon2 work.
    checkPassword(input.password);
    const [registered] = registerMember(command(new Date()), memberDecider.initialState());
    const passwordHash = await this.hasher.hash(input.password);

    const metadata = { actor: options.actor ?? memberId, correlationId, causationId: null };
    const member = await this.sessions.run(metadata, async (s) => {
      await reserveEmail(s.tx, registered!.data.email, memberId);
      // e-mail, name and headline are sealed with the new member's key (ADR 010): the key is made here, on the first write.
      await s.execute(memberStreamId(memberId), memberDecider, command(s.now));
      await storeCredentials(s.tx, memberId, passwordHash);
      return findMemberById(s.tx, memberId);
    });
    if (!member) throw new Error(`member ${memberId} missing from the read model right after registration`);
    const token = await this.tokens.issue({ memberId, roles: member.roles });
    return { token, member: { ...member, viewedBySelf: true } };
  }
}
