import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { DomainError } from '@payforward/contracts';
import { normalizeEmail } from '@payforward/identity-domain';
import { blockReasonOf, JwtTokens, PG_POOL } from '@payforward/platform';
import { PasswordHasher } from '../../auth/password.hasher.js';
import { credentialsByEmail } from '../credentials.read-model.js';
import { findMemberById } from '../members.read-model.js';
import type { Authenticated } from '../register-member/register-member.command.js';
import { LoginQuery } from './login.query.js';

/** The one answer to every failed login: it never tells whether the e-mail has an account. */
const refused = () => new DomainError('UNAUTHENTICATED', 'Incorrect e-mail address or password.');

@QueryHandler(LoginQuery)
export class LoginHandler implements IQueryHandler<LoginQuery> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly hasher: PasswordHasher,
    private readonly tokens: JwtTokens,
  ) {}

  async execute({ email, password }: LoginQuery): Promise<Authenticated> {
    const credentials = await this.credentialsOf(email);
    // Unknown e-mails are verified against a decoy hash: same work, same answer.
    const valid = await this.hasher.verify(credentials?.passwordHash ?? null, password);
    if (!credentials || !valid) throw refused();
    const member = await findMemberById(this.pool, credentials.memberId);
    // A suspended (or erased) account gets the same answer as a wrong password, after the same
    // work: a distinct answer would confirm to whoever tries a leaked password list that this
    // password is right (and likely reused elsewhere). Support explains suspensions, not login.
    if (!member || member.suspended || (await blockReasonOf(this.pool, member.id))) throw refused();
    const token = await this.tokens.issue({ memberId: member.id, roles: member.roles });
    return { token, member: { ...member, viewedBySelf: true } };
  }

  private async credentialsOf(rawEmail: string): Promise<{ memberId: string; passwordHash: string } | null> {
    let email: string;
    try {
      email = normalizeEmail(rawEmail);
    } catch {
      return null; // a malformed address has no account; refusing it differently would be a hint
    }
    return credentialsByEmail(this.pool, email);
  }
}
