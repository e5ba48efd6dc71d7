import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { DomainError, REPUTATION_ADMIN_STREAM_ID } from '@payforward/contracts';
import { CommandSessions } from '@payforward/event-store';
import { PG_POOL } from '@payforward/platform';
import { REPUTATION_SETTINGS, type ReputationSettings } from '../../reputation.settings.js';
import { FlagStatus, type ReputationFlagView } from '../../flags/flag.type.js';
import { findFlag, flagViews } from '../../flags/flags.read-model.js';
import { isUuid } from '../../reputation/reputation.read-model.js';
import { requireStatement } from '../admin.auth.js';
import { waitUntilProjected } from '../admin-decisions.read-model.js';
import { adminStreamDecider } from '@payforward/reputation-domain';
import { ResolveFlagCommand } from './resolve-flag.command.js';

/**
 * Checks the flag against the read model (it exists and is OPEN), appends the decision to the
 * admin stream (which refuses a second decision on the same flag even before the projection
 * shows the first), then answers with the flag once the projection applied the decision.
 */
@CommandHandler(ResolveFlagCommand)
export class ResolveFlagHandler implements ICommandHandler<ResolveFlagCommand> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(REPUTATION_SETTINGS) private readonly settings: ReputationSettings,
    private readonly sessions: CommandSessions,
  ) {}

  async execute({ decision, flagId, note, admin, correlationId }: ResolveFlagCommand): Promise<ReputationFlagView> {
    const text = requireStatement(note, 'note');
    const flag = isUuid(flagId) ? await findFlag(this.pool, flagId.toLowerCase()) : null;
    if (!flag) throw new DomainError('NOT_FOUND', 'There is no such flag.', 'flagId');
    if (flag.status !== FlagStatus.OPEN) throw new DomainError('CONFLICT', `This flag was already ${flag.status.toLowerCase()}; the first decision stands.`, 'flagId');
    const at = new Date().toISOString();
    const command = { type: 'ResolveFlag', decision, flagId: flag.id, memberIds: flag.member_ids, adminId: admin.memberId, note: text, at } as const;
    // Every decision shares the admin stream, so concurrent admins may race for its next version: retried, re-decided.
    const { eventIds } = await this.sessions.run({ actor: admin.memberId, correlationId, causationId: null }, (s) =>
      s.execute(REPUTATION_ADMIN_STREAM_ID, adminStreamDecider, command),
    );
    const projected = await waitUntilProjected(this.pool, this.settings.groupId, eventIds[0]!, this.settings.adminReadYourWritesMs);
    const [view] = await flagViews(this.pool, [(await findFlag(this.pool, flag.id)) ?? flag]);
    // Not applied yet (the broker is slow): the decision is stored, so answer with it.
    if (!projected) return { ...view!, status: FlagStatus[decision], resolvedBy: { id: admin.memberId }, resolutionNote: text, resolvedAt: new Date(at) };
    return view!;
  }
}
