import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { DomainError, memberStreamId } from '@payforward/contracts';
import { handleCommand, PostgresEventStore } from '@payforward/event-store';
import { checkPassword, memberDecider, registerMember, type RegisterMember } from '@payforward/identity-domain';
import { inTransaction, JwtTokens, PersonalDataCodec, PG_POOL } from '@payforward/platform';
import { PasswordHasher } from '../../auth/password.hasher.js';
import { findMemberById, projectMemberEvent } from '../members.read-model.js';
import { RegisterMemberCommand, type Authenticated } from './register-member.command.js';

/**
 * One transaction: reserve the e-mail (its primary key makes a second registration CONFLICT),
 * append MemberRegistered with its outbox row to a new stream (expected: no stream), store the
 * password hash beside it, and project the member into the read model. Any refusal rolls all
 * of it back, so a failed registration leaves nothing behind.
 */
@CommandHandler(RegisterMemberCommand)
export class RegisterMemberHandler implements ICommandHandler<RegisterMemberCommand> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly hasher: PasswordHasher,
    private readonly tokens: JwtTokens,
    private readonly personalData: PersonalDataCodec,
  ) {}

  async execute({ input, correlationId, options }: RegisterMemberCommand): Promise<Authenticated> {
    const memberId = uuidv7();
    const command: RegisterMember = {
      type: 'RegisterMember',
      data: {
        memberId,
        email: input.email,
        displayName: input.displayName,
        headline: input.headline,
        timezone: input.timezone,
        ...(options.admin ? { admin: true } : {}),
      },
    };
    // Every rule is checked before hashing, so refused input costs no argon2 work.
    checkPassword(input.password);
    const [registered] = registerMember(command, memberDecider.initialState());
    const passwordHash = await this.hasher.hash(input.password);

    const member = await inTransaction(this.pool, async (client) => {
      const reserved = await client.query({
        name: 'identity-reserve-email',
        text: 'INSERT INTO member_emails (email, member_id) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING',
        values: [registered!.data.email, memberId],
      });
      if (reserved.rowCount === 0) {
        throw new DomainError('CONFLICT', 'An account with this e-mail address already exists.', 'email');
      }
      const { events, nextExpectedVersion } = await handleCommand(
        // e-mail, name and headline are sealed with the new member's key (ADR 010): the key is made here, on the first write.
        new PostgresEventStore(client, { codec: this.personalData }),
        memberStreamId(memberId),
        memberDecider,
        command,
        { actor: options.actor ?? memberId, correlationId, causationId: null },
      );
      await client.query({
        name: 'identity-insert-credentials',
        text: 'INSERT INTO credentials (member_id, password_hash) VALUES ($1, $2)',
        values: [memberId, passwordHash],
      });
      const firstVersion = nextExpectedVersion - events.length + 1;
      const occurredAt = new Date();
      for (const [i, event] of events.entries()) {
        await projectMemberEvent(client, event, { version: firstVersion + i, occurredAt });
      }
      return findMemberById(client, memberId);
    });
    if (!member) throw new Error(`member ${memberId} missing from the read model right after registration`);
    const token = await this.tokens.issue({ memberId, roles: member.roles });
    return { token, member: { ...member, viewedBySelf: true } };
  }
}
