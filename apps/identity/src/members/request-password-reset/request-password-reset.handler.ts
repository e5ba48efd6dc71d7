import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { memberStreamId } from '@payforward/contracts';
import { CommandSessions } from '@payforward/event-store';
import { memberDecider, normalizeEmail } from '@payforward/identity-domain';
import { PG_POOL } from '@payforward/platform';
import { credentialsByEmail } from '../credentials.read-model.js';
import { newAccountToken } from '../account-tokens/account-tokens.read-model.js';
import { RequestPasswordResetCommand } from './request-password-reset.command.js';

/** How long every answer takes at least (PASSWORD_RESET_RESPONSE_MS): known and unknown addresses look alike. */
export const PASSWORD_RESET_RESPONSE_MS = Symbol('PASSWORD_RESET_RESPONSE_MS');
export const DEFAULT_PASSWORD_RESET_RESPONSE_MS = 300;

export function passwordResetResponseMsOf(env: Record<string, string | undefined> = process.env): number {
  const raw = env.PASSWORD_RESET_RESPONSE_MS;
  const ms = raw === undefined || raw === '' ? DEFAULT_PASSWORD_RESET_RESPONSE_MS : Number(raw);
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`PASSWORD_RESET_RESPONSE_MS must be a whole number of milliseconds, got "${raw}"`);
  return ms;
}

/**
 * No enumeration (ADR 019): the answer is `true` for every well-formed address, and it comes
 * after the same floor whatever happened — a known address costs a lookup and one append (no
 * argon2 on either path), an unknown one only the lookup, and both wait out the floor. A
 * malformed address is refused as bad input: that says nothing about who has an account.
 */
@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordResetCommand> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly sessions: CommandSessions,
    @Optional() @Inject(PASSWORD_RESET_RESPONSE_MS) private readonly floorMs: number = DEFAULT_PASSWORD_RESET_RESPONSE_MS,
  ) {}

  async execute({ email, correlationId }: RequestPasswordResetCommand): Promise<boolean> {
    const started = Date.now();
    const address = normalizeEmail(email);
    const token = newAccountToken(); // drawn on both paths
    const account = await credentialsByEmail(this.pool, address);
    if (account) {
      const memberId = account.memberId;
      await this.sessions.run({ actor: memberId, correlationId, causationId: null }, async (s) => {
        // A suspended or erased member gets no mail (the decider records nothing), and the same answer.
        await s.execute(memberStreamId(memberId), memberDecider, { type: 'RequestPasswordReset', data: { memberId, token, at: s.now.toISOString() } });
      });
    }
    const wait = this.floorMs - (Date.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return true;
  }
}
