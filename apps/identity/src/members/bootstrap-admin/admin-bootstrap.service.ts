import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type pg from 'pg';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import { DomainError } from '@payforward/contracts';
import { normalizeEmail } from '@payforward/identity-domain';
import { LOGGER, PG_POOL } from '@payforward/platform';
import { RegisterMemberCommand } from '../register-member/register-member.command.js';
import { RegisterMemberHandler } from '../register-member/register-member.handler.js';
import { ADMIN_BOOTSTRAP, type AdminBootstrapSettings } from './admin-bootstrap.config.js';

export type AdminBootstrapOutcome = 'created' | 'exists' | 'exists-without-admin-role';

const ATTEMPTS = 8;

/**
 * Ensures the first admin exists before identity serves requests (DESIGN §4). It registers
 * through the same event-sourced path as everyone (MemberRegistered with roles MEMBER + ADMIN,
 * published to Kafka, so reputation and the rest see the member too). Idempotent: an existing
 * e-mail is left alone, and two instances starting at once race on the e-mail reservation's
 * primary key, so exactly one registers and the other sees CONFLICT.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  constructor(
    @Inject(ADMIN_BOOTSTRAP) private readonly settings: AdminBootstrapSettings | null,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    // The handler itself rather than the CommandBus: handlers are registered on the bus in
    // another module's bootstrap hook, whose order relative to this one is not guaranteed.
    private readonly register: RegisterMemberHandler,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings) return;
    // Blocking the start on purpose: whoever sees identity healthy can log in as the admin.
    for (let attempt = 1, delayMs = 500; ; attempt++, delayMs = Math.min(delayMs * 2, 5_000)) {
      try {
        await this.ensureAdmin(this.settings);
        return;
      } catch (error) {
        if (error instanceof DomainError) {
          // Bad settings (an invalid e-mail, a short password) never heal by retrying.
          throw new Error(`first-admin bootstrap refused PAYFORWARD_ADMIN_* settings (${error.field ?? error.code}): ${error.message}`);
        }
        if (attempt >= ATTEMPTS) throw error;
        this.logger.warn({ err: error, attempt, retryInMs: delayMs }, 'first-admin bootstrap failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }

  async ensureAdmin({ email: rawEmail, password, displayName }: AdminBootstrapSettings): Promise<AdminBootstrapOutcome> {
    const email = normalizeEmail(rawEmail);
    // Looked up first, so a restart costs one query and no argon2 hash.
    let existing = await this.rolesOf(email);
    if (!existing) {
      try {
        const { member } = await this.register.execute(
          new RegisterMemberCommand(
            { email, password, displayName, headline: 'Payforward administrator', timezone: 'UTC' },
            `admin-bootstrap-${randomUUID()}`,
            { admin: true, actor: 'system:admin-bootstrap' },
          ),
        );
        this.logger.info({ memberId: member.id }, 'first admin registered');
        return 'created';
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
        existing = await this.rolesOf(email); // another instance registered it a moment ago
      }
    }
    if (existing?.roles.includes('ADMIN')) {
      this.logger.info({ memberId: existing.memberId }, 'first admin already present');
      return 'exists';
    }
    // Promoting an existing member is grantAdmin's job (an audited admin operation), not a boot side effect.
    this.logger.warn({ memberId: existing?.memberId }, 'PAYFORWARD_ADMIN_EMAIL belongs to a member without the ADMIN role; left unchanged');
    return 'exists-without-admin-role';
  }

  private async rolesOf(email: string): Promise<{ memberId: string; roles: string[] } | null> {
    const { rows } = await this.pool.query<{ id: string; roles: string[] }>({
      name: 'identity-admin-bootstrap-lookup',
      text: 'SELECT m.id, m.roles FROM member_emails e JOIN members m ON m.id = e.member_id WHERE e.email = $1',
      values: [email],
    });
    return rows[0] ? { memberId: rows[0].id, roles: rows[0].roles } : null;
  }
}
