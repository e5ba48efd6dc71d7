import { buildAppendQuery, parseExpected } from './append.query.js';
import { slotFor } from './outbox.slot.js';

const metadata = { actor: 'system:test', correlationId: 'c-1', causationId: null };
const now = new Date('2026-11-25T10:00:00.000Z');
const topicFor = (type: string) => `topic-of-${type}`;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('parseExpected', () => {
  it.each([
    ['any', { exact: null, mustExist: false }],
    ['stream_exists', { exact: null, mustExist: true }],
    ['no_stream', { exact: 0, mustExist: false }],
    [0, { exact: 0, mustExist: false }],
    [7, { exact: 7, mustExist: false }],
  ] as const)('given %p, then the statement gets %p', (expected, params) => {
    expect(parseExpected(expected)).toEqual(params);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 60])('given %p, then it is refused', (expected) => {
    expect(() => parseExpected(expected)).toThrow(RangeError);
  });
});

describe('buildAppendQuery', () => {
  it('given one event without id or schema version, then it uses the typed statement with a UUIDv7 and the defaults', () => {
    const { eventIds, query } = buildAppendQuery('s-1', [{ type: 'MemberRegistered', data: { a: 1 }, metadata }], 3, false, topicFor, now);

    expect(eventIds[0]).toMatch(UUID_V7);
    expect(query.name).toBe('pf_es_append_one_v3');
    // MemberRegistered's contract is at schema version 1.
    expect(query.values).toEqual(['s-1', slotFor('s-1'), 3, false, eventIds[0], 'MemberRegistered', 1, '{"a":1}', JSON.stringify(metadata), '2026-11-25T10:00:00.000Z', 'topic-of-MemberRegistered']);
  });

  it('given a batch, then it sends one JSON array of envelopes without versions, and one topic per event', () => {
    const events = [
      { id: '0193A0B4-6F1E-7C3A-9D2E-1A2B3C4D5E6F', type: 'A', data: { n: 1 }, metadata, schemaVersion: 4 },
      { type: 'B', data: { n: 2 }, metadata, occurredAt: new Date('2026-01-01T00:00:00.000Z') },
    ];
    const { eventIds, query } = buildAppendQuery('s-2', events, null, true, topicFor, now);

    expect(query.name).toBe('pf_es_append_many_v3');
    expect(eventIds[0]).toBe('0193a0b4-6f1e-7c3a-9d2e-1a2b3c4d5e6f');
    expect(eventIds[1]).toMatch(UUID_V7);
    expect(query.values.slice(0, 4)).toEqual(['s-2', slotFor('s-2'), null, true]);
    expect(JSON.parse(query.values[4] as string)).toEqual([
      { id: eventIds[0], type: 'A', streamId: 's-2', occurredAt: '2026-11-25T10:00:00.000Z', schemaVersion: 4, metadata, data: { n: 1 } },
      { id: eventIds[1], type: 'B', streamId: 's-2', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1, metadata, data: { n: 2 } },
    ]);
    expect(query.values[5]).toEqual(['topic-of-A', 'topic-of-B']);
  });

  it('given internal events (no topic), then their topic parameter is null: the statement writes them no outbox row', () => {
    const internalTopic = (type: string) => (type === 'Internal' ? null : topicFor(type));
    const one = buildAppendQuery('s-4', [{ type: 'Internal', data: {}, metadata }], 0, false, internalTopic, now);
    expect(one.query.values[10]).toBeNull();
    const many = buildAppendQuery('s-4', [{ type: 'A', data: {}, metadata }, { type: 'Internal', data: {}, metadata }], 1, false, internalTopic, now);
    expect(many.query.values[5]).toEqual(['topic-of-A', null]);
  });

  it('given generated ids, then they increase in append order (UUIDv7 is time-ordered)', () => {
    const events = Array.from({ length: 20 }, (_, n) => ({ type: 'A', data: { n }, metadata }));
    const { eventIds } = buildAppendQuery('s-3', events, 0, false, topicFor, now);
    expect([...eventIds].sort()).toEqual(eventIds);
    expect(new Set(eventIds).size).toBe(20);
  });
});
