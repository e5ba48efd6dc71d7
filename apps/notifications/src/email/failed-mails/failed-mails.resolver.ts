import { Inject } from '@nestjs/common';
import { Args, Field, GraphQLISODateTime, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type pg from 'pg';
import { DomainError } from '@payforward/contracts';
import { CurrentViewer, PG_POOL, requireAdmin, type Viewer } from '@payforward/platform';

@ObjectType('FailedMail', { description: 'A mail the SMTP server refused for good (5xx): kept for an admin, never retried.' })
export class FailedMailType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The member it was for (their address is never shown).' })
  recipientId!: string | null;

  @Field()
  subject!: string;

  @Field(() => String, { nullable: true, description: "The server's answer." })
  lastError!: string | null;

  @Field(() => Int)
  attempts!: number;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

/** Admins only: the newest permanently refused mails, so someone looks at them (issue 11 §8). */
@Resolver()
export class FailedMailsResolver {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  @Query(() => [FailedMailType], { description: 'Admins only: mails the SMTP server refused for good, newest first (first: 1–100, default 20).' })
  async failedMails(@CurrentViewer() viewer: Viewer | null, @Args('first', { type: () => Int, nullable: true }) first?: number | null): Promise<FailedMailType[]> {
    requireAdmin(viewer, 'see failed mails');
    const limit = first ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new DomainError('BAD_USER_INPUT', 'first must be between 1 and 100.', 'first');
    const { rows } = await this.pool.query<{ id: string; recipient_id: string | null; subject: string; last_error: string | null; attempts: number; created_at: Date }>({
      name: 'notifications-failed-mails',
      text: `SELECT o.id, m.member_id AS recipient_id, o.subject, o.last_error, o.attempts, o.created_at
               FROM mail_outbox o LEFT JOIN mail_mentions m ON m.outbox_id = o.id AND m.role = 'recipient'
              WHERE o.status = 'failed' ORDER BY o.created_at DESC, o.id DESC LIMIT $1`,
      values: [limit],
    });
    return rows.map((r) => ({ id: r.id, recipientId: r.recipient_id, subject: r.subject, lastError: r.last_error, attempts: r.attempts, createdAt: r.created_at }));
  }
}
