import type { BlockListEvent, HelpRequestEvent, WorkedTogetherEvent } from '@payforward/contracts';
import { spec } from '@payforward/ddd';
import { expectRefusal, expectValidEvents, uuid } from '../shared/spec.fixtures.js';
import { blockListDecider } from './block-list.decider.js';
import { isBlocked } from './block-list.state.js';
import { referralEligible, relationshipEvidenceFrom } from './relationship.rules.js';
import { workedTogetherDecider, type WorkedTogetherCommand } from './worked-together.decider.js';
import { workedTogetherConfirmed } from './worked-together.state.js';

const mentorId = uuid(50);
const seekerId = uuid(51);
const other = uuid(52);
const now = new Date('2026-11-25T10:00:00.000Z');
const at = now.toISOString();

describe('referralEligible (DESIGN §2.4)', () => {
  const evidence = (completed: number, worked = false) => ({ completedEngagementsWithGoodRating: completed, workedTogetherConfirmed: worked });

  it.each([
    ['no relationship at all', evidence(0), 1, false],
    ['one well-rated completed engagement', evidence(1), 1, true],
    ['one engagement when the mentor requires two', evidence(1), 2, false],
    ['two engagements when the mentor requires two', evidence(2), 2, true],
    ['a confirmed worked-together attestation', evidence(0, true), 1, true],
    ['a confirmed attestation even when more engagements are required', evidence(0, true), 5, true],
    ['a requirement of 0 (cannot turn the rule off)', evidence(0), 0, false],
    ['a negative requirement (cannot turn the rule off)', evidence(0), -3, false],
  ])('%s → %s', (_, given, min, expected) => {
    expect(referralEligible(given, min)).toBe(expected);
  });

  it('given no evidence, then never eligible', () => {
    expect(referralEligible(null)).toBe(false);
    expect(referralEligible(undefined, 1)).toBe(false);
  });

  it('given a worked-together-only mentor, then engagements alone are not enough', () => {
    expect(referralEligible(evidence(5), 1, { workedTogetherOnly: true })).toBe(false);
    expect(referralEligible(evidence(0, true), 1, { workedTogetherOnly: true })).toBe(true);
  });
});

describe('relationshipEvidenceFrom (the read model’s reference fold)', () => {
  const ids = (requestId: string, m = mentorId, s = seekerId) => ({ requestId, offerId: uuid(60), mentorId: m, seekerId: s, kind: 'ADVICE_CALL' as const });
  const completed = (r: string, m = mentorId, s = seekerId): HelpRequestEvent => ({ type: 'HelpRequestCompleted', data: { ...ids(r, m, s), scheduledAt: null, completedAt: at } });
  const rated = (r: string, rating: number, side: 'SEEKER' | 'MENTOR' = 'SEEKER'): HelpRequestEvent => ({
    type: 'FeedbackLeft',
    data: { ...ids(r), side, rating, note: null, leftAt: at },
  });

  it('counts completed engagements of the pair that either side rated 4 or more, in any order', () => {
    const events = [rated(uuid(1), 5), completed(uuid(1)), completed(uuid(2)), rated(uuid(2), 3), rated(uuid(2), 4, 'MENTOR'), completed(uuid(3)), rated(uuid(3), 2)];
    expect(relationshipEvidenceFrom(events, mentorId, seekerId)).toEqual({ completedEngagementsWithGoodRating: 2, workedTogetherConfirmed: false });
  });

  it('ignores the reverse direction and other pairs', () => {
    const events = [completed(uuid(1), seekerId, mentorId), completed(uuid(2), mentorId, other)];
    expect(relationshipEvidenceFrom(events, mentorId, seekerId).completedEngagementsWithGoodRating).toBe(0);
  });

  it('counts an attestation only once the seeker confirmed it', () => {
    const attested: WorkedTogetherEvent = { type: 'WorkedTogetherAttested', data: { mentorId, seekerId, context: 'Two years on the payments team', attestedAt: at } };
    const confirmed: WorkedTogetherEvent = { type: 'WorkedTogetherConfirmed', data: { mentorId, seekerId, confirmedAt: at } };
    expect(relationshipEvidenceFrom([attested], mentorId, seekerId).workedTogetherConfirmed).toBe(false);
    expect(relationshipEvidenceFrom([attested, confirmed], mentorId, seekerId).workedTogetherConfirmed).toBe(true);
  });
});

describe('worked-together decider', () => {
  const attest = (data: Partial<Extract<WorkedTogetherCommand, { type: 'AttestWorkedTogether' }>['data']> = {}): WorkedTogetherCommand => ({
    type: 'AttestWorkedTogether',
    data: { mentorId, seekerId, context: '  Two years on the payments team  ', now, ...data },
  });
  const confirm = (data: Partial<Extract<WorkedTogetherCommand, { type: 'ConfirmWorkedTogether' }>['data']> = {}): WorkedTogetherCommand => ({
    type: 'ConfirmWorkedTogether',
    data: { mentorId, seekerId, now, ...data },
  });
  const attested: WorkedTogetherEvent = { type: 'WorkedTogetherAttested', data: { mentorId, seekerId, context: 'Two years on the payments team', attestedAt: at } };
  const confirmed: WorkedTogetherEvent = { type: 'WorkedTogetherConfirmed', data: { mentorId, seekerId, confirmedAt: at } };

  it('given nothing, when the mentor attests, then WorkedTogetherAttested with the trimmed context', () => {
    const events = spec(workedTogetherDecider).given([]).when(attest()).events();
    expect(events).toEqual([attested]);
    expectValidEvents(events);
  });

  it('given an attestation, when the seeker confirms, then WorkedTogetherConfirmed and the pair counts as having worked together', () => {
    const events = spec(workedTogetherDecider).given([attested]).when(confirm()).events();
    expect(events).toEqual([confirmed]);
    expect(workedTogetherConfirmed([attested, ...events].reduce(workedTogetherDecider.evolve, workedTogetherDecider.initialState()))).toBe(true);
  });

  it('given an attestation alone, then it does not count yet', () => {
    expect(workedTogetherConfirmed(workedTogetherDecider.evolve(workedTogetherDecider.initialState(), attested))).toBe(false);
  });

  it('given an attestation, when attested again or confirmed again, then nothing new is recorded', () => {
    expect(spec(workedTogetherDecider).given([attested]).when(attest({ context: 'A different story entirely' })).events()).toEqual([]);
    expect(spec(workedTogetherDecider).given([attested, confirmed]).when(confirm()).events()).toEqual([]);
  });

  it('given a member attesting themselves, then BAD_USER_INPUT on memberId', () => {
    expectRefusal(spec(workedTogetherDecider).given([]).when(attest({ seekerId: mentorId })).error(), 'BAD_USER_INPUT', 'memberId');
  });

  it('given a member confirming themselves, then BAD_USER_INPUT on mentorId', () => {
    expectRefusal(spec(workedTogetherDecider).given([]).when(confirm({ seekerId: mentorId })).error(), 'BAD_USER_INPUT', 'mentorId');
  });

  it.each([
    ['9 characters', 'Too short'],
    ['501 characters', 'x'.repeat(501)],
  ])('given a context of %s, when attesting, then BAD_USER_INPUT on context', (_, context) => {
    expectRefusal(spec(workedTogetherDecider).given([]).when(attest({ context })).error(), 'BAD_USER_INPUT', 'context');
  });

  it('given no attestation, when the seeker confirms, then NOT_FOUND on mentorId', () => {
    expectRefusal(spec(workedTogetherDecider).given([]).when(confirm()).error(), 'NOT_FOUND', 'mentorId');
  });
});

describe('block list decider', () => {
  const block = (seeker = seekerId) => ({ type: 'BlockSeeker' as const, data: { mentorId, seekerId: seeker, now } });
  const blocked: BlockListEvent = { type: 'SeekerBlocked', data: { mentorId, seekerId, blockedAt: at } };

  it('given nobody blocked, when the mentor blocks a member, then SeekerBlocked', () => {
    const events = spec(blockListDecider).given([]).when(block()).events();
    expect(events).toEqual([blocked]);
    expectValidEvents(events);
    expect(isBlocked(blockListDecider.evolve(blockListDecider.initialState(), blocked), seekerId)).toBe(true);
  });

  it('given the member is blocked, when blocked again, then nothing is recorded', () => {
    expect(spec(blockListDecider).given([blocked]).when(block()).events()).toEqual([]);
  });

  it('given a mentor blocking themselves, then BAD_USER_INPUT on memberId', () => {
    expectRefusal(spec(blockListDecider).given([]).when(block(mentorId)).error(), 'BAD_USER_INPUT', 'memberId');
  });
});
