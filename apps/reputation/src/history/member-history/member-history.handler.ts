import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import type { EventEnvelope } from '@payforward/contracts';
import { PersonalDataCodec, PG_POOL } from '@payforward/platform';
import type { EventRecord } from '../event-record.type.js';
import { MemberHistoryQuery } from './member-history.query.js';

/**
 * From the facts the service consumed (identity, marketplace help requests, the admin
 * stream): events naming the member, and admin decisions on flags involving them (a flag
 * decision names only the flag, so its members come from the flag).
 */
@QueryHandler(MemberHistoryQuery)
export class MemberHistoryHandler implements IQueryHandler<MemberHistoryQuery> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly personalData: PersonalDataCodec,
  ) {}

  async execute({ memberId }: MemberHistoryQuery): Promise<EventRecord[]> {
    const { rows } = await this.pool.query<{ envelope: EventEnvelope }>({
      name: 'reputation-member-history',
      text: `SELECT envelope FROM reputation_facts
              WHERE member_ids @> ARRAY[$1::uuid]
                 OR (type IN ('FlagDismissed', 'FlagReversed')
                     AND envelope->'data'->>'flagId' IN (SELECT id::text FROM reputation_flags WHERE member_ids @> ARRAY[$1::uuid]))
              ORDER BY occurred_at, event_id`,
      values: [memberId],
    });
    // Facts keep personal fields sealed (ADR 010): opened for the admin, placeholders for an erased member.
    const events = await this.personalData.unsealEvents(rows.map((row) => row.envelope));
    return events.map((e) => ({
      id: e.id,
      type: e.type,
      streamId: e.streamId,
      version: e.version,
      occurredAt: new Date(e.occurredAt),
      data: JSON.stringify(e.data),
    }));
  }
}
