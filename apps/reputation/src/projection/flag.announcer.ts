import type pg from 'pg';
import { reputationFlagStreamId, type EventEnvelope, type FlagRaisedEventData } from '@payforward/contracts';
import { PostgresEventStore } from '@payforward/event-store';
import { uuidV5, type ReputationFlag } from '@payforward/reputation-domain';

/**
 * Announces each newly raised flag once, as `FlagRaised` on its own stream, in the projection's
 * transaction (so the announcement exists exactly when the flag row does, and the relay
 * publishes it to `reputation.flags.v1`). Flag ids are stable across replays, so a flag that
 * comes back after a restart, a redelivery or its removal finds its stream and is not announced
 * again; the event id is derived from the flag id for the same reason. The stream is looked up
 * first because a failed append would abort the caller's transaction; the projection's write lock
 * makes the look-up and the append one step.
 */
export async function announceNewFlags(
  tx: pg.ClientBase,
  flags: readonly ReputationFlag[],
  cause: EventEnvelope,
  topicFor: (type: string) => string,
): Promise<string[]> {
  const open = flags.filter((f) => f.status === 'OPEN');
  if (open.length === 0) return [];
  const { rows } = await tx.query<{ stream_id: string }>({
    name: 'reputation-flag-streams',
    text: 'SELECT DISTINCT stream_id FROM es_events WHERE stream_id = ANY($1::text[])',
    values: [open.map((f) => reputationFlagStreamId(f.id))],
  });
  const announced = new Set(rows.map((r) => r.stream_id));
  const store = new PostgresEventStore(tx, { topicFor });
  const raised: string[] = [];
  for (const flag of open) {
    const streamId = reputationFlagStreamId(flag.id);
    if (announced.has(streamId)) continue;
    const data: FlagRaisedEventData = { flagId: flag.id, kind: flag.kind, memberIds: membersOf(flag), raisedAt: flag.raisedAt };
    await store.append(
      streamId,
      [
        {
          id: uuidV5(`flag-raised|${flag.id}`),
          type: 'FlagRaised',
          data,
          metadata: { actor: 'system:reputation-projection', correlationId: cause.metadata.correlationId, causationId: cause.id },
        },
      ],
      'no_stream',
    );
    raised.push(flag.id);
  }
  return raised;
}

/** The subject first, then the others the evidence names. */
const membersOf = (flag: ReputationFlag): string[] => [...new Set([flag.memberId, ...flag.evidence.memberIds])];
