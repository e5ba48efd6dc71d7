import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { DomainError } from '@payforward/contracts';
import { PG_POOL } from '@payforward/platform';
import { findReputation, isUuid } from '../../reputation/reputation.read-model.js';
import type { Reputation } from '../../reputation/reputation.type.js';
import { requireStatement } from '../admin.auth.js';
import { AdminStreamWriter } from '../admin-stream.writer.js';
import { AdjustReputationCommand } from './adjust-reputation.command.js';

const MAX_ADJUSTMENT = 1000;

@CommandHandler(AdjustReputationCommand)
export class AdjustReputationHandler implements ICommandHandler<AdjustReputationCommand> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly writer: AdminStreamWriter,
  ) {}

  async execute({ memberId, points, reason, admin, correlationId }: AdjustReputationCommand): Promise<Reputation> {
    if (!Number.isInteger(points) || points === 0 || Math.abs(points) > MAX_ADJUSTMENT) {
      throw new DomainError('BAD_USER_INPUT', `points must be a whole number other than 0, between −${MAX_ADJUSTMENT} and ${MAX_ADJUSTMENT}.`, 'points');
    }
    const text = requireStatement(reason, 'reason');
    const before = isUuid(memberId) ? await findReputation(this.pool, memberId) : null;
    if (!before) throw new DomainError('NOT_FOUND', 'The reputation service does not know this member.', 'memberId');
    const eventId = await this.writer.decide(
      { type: 'AdjustReputation', memberId: before.member.id, points, reason: text, adminId: admin.memberId, at: new Date().toISOString() },
      admin,
      correlationId,
    );
    // Eventually consistent: once the projection applied it the answer includes it, otherwise the stored decision will follow.
    await this.writer.projected(eventId);
    return (await findReputation(this.pool, before.member.id)) ?? before;
  }
}
