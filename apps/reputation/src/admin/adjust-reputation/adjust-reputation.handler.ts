import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { DomainError, REPUTATION_ADMIN_STREAM_ID } from '@payforward/contracts';
import { CommandSessions } from '@payforward/event-store';
import { PG_POOL } from '@payforward/platform';
import { REPUTATION_SETTINGS, type ReputationSettings } from '../../reputation.settings.js';
import { findReputation, isUuid } from '../../reputation/reputation.read-model.js';
import type { Reputation } from '../../reputation/reputation.type.js';
import { requireStatement } from '../admin.auth.js';
import { waitUntilProjected } from '../admin-decisions.read-model.js';
import { adminStreamDecider } from '@payforward/reputation-domain';
import { AdjustReputationCommand } from './adjust-reputation.command.js';

const MAX_ADJUSTMENT = 1000;

@CommandHandler(AdjustReputationCommand)
export class AdjustReputationHandler implements ICommandHandler<AdjustReputationCommand> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(REPUTATION_SETTINGS) private readonly settings: ReputationSettings,
    private readonly sessions: CommandSessions,
  ) {}

  async execute({ memberId, points, reason, admin, correlationId }: AdjustReputationCommand): Promise<Reputation> {
    if (!Number.isInteger(points) || points === 0 || Math.abs(points) > MAX_ADJUSTMENT) {
      throw new DomainError('BAD_USER_INPUT', `points must be a whole number other than 0, between −${MAX_ADJUSTMENT} and ${MAX_ADJUSTMENT}.`, 'points');
    }
    const text = requireStatement(reason, 'reason');
    const before = isUuid(memberId) ? await findReputation(this.pool, memberId) : null;
    if (!before) throw new DomainError('NOT_FOUND', 'The reputation service does not know this member.', 'memberId');
    const command = { type: 'AdjustReputation', memberId: before.member.id, points, reason: text, adminId: admin.memberId, at: new Date().toISOString() } as const;
    const { eventIds } = await this.sessions.run({ actor: admin.memberId, correlationId, causationId: null }, (s) =>
      s.execute(REPUTATION_ADMIN_STREAM_ID, adminStreamDecider, command),
    );
    // Eventually consistent: once the projection applied it the answer includes it, otherwise the stored decision will follow.
    await waitUntilProjected(this.pool, this.settings.groupId, eventIds[0]!, this.settings.adminReadYourWritesMs);
    return (await findReputation(this.pool, before.member.id)) ?? before;
  }
}
