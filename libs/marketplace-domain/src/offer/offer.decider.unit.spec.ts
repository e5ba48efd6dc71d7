import type { OfferEvent } from '@payforward/contracts';
import { spec } from '@payforward/ddd';
import { expectRefusal, expectValidEvents, uuid } from '../shared/spec.fixtures.js';
import type { OfferCommand } from './offer.decider.js';
import type { PublishOffer } from './publish-offer.js';
import type { UpdateOffer } from './update-offer.js';
import { offerDecider } from './offer.decider.js';

const offerId = uuid(1);
const mentor = uuid(2);
const stranger = uuid(3);
const now = new Date('2026-11-25T10:00:00.000Z');
const at = now.toISOString();

const publish = (data: Partial<PublishOffer['data']> = {}): OfferCommand => ({
  type: 'PublishOffer',
  data: {
    offerId,
    actorId: mentor,
    kind: 'ADVICE_CALL',
    title: 'Career chat for backend engineers',
    description: 'Thirty honest minutes on growing from senior to staff engineer.',
    topics: ['Backend', 'career growth'],
    capacity: 3,
    period: 'WEEK',
    durationMinutes: 30,
    now,
    ...data,
  },
});

const published = (data: Partial<Extract<OfferEvent, { type: 'OfferPublished' }>['data']> = {}): OfferEvent => ({
  type: 'OfferPublished',
  data: {
    offerId,
    mentorId: mentor,
    kind: 'ADVICE_CALL',
    title: 'Career chat for backend engineers',
    description: 'Thirty honest minutes on growing from senior to staff engineer.',
    topics: ['backend', 'career growth'],
    capacity: 3,
    period: 'WEEK',
    durationMinutes: 30,
    minCompletedEngagements: null,
    workedTogetherOnly: false,
    publishedAt: at,
    ...data,
  },
});

const update = (data: Partial<UpdateOffer['data']>): OfferCommand => ({ type: 'UpdateOffer', data: { offerId, actorId: mentor, now, ...data } });
const pause = (actorId = mentor): OfferCommand => ({ type: 'PauseOffer', data: { offerId, actorId, now } });
const resume = (actorId = mentor): OfferCommand => ({ type: 'ResumeOffer', data: { offerId, actorId, now } });
const retire = (actorId = mentor): OfferCommand => ({ type: 'RetireOffer', data: { offerId, actorId, now } });
const paused: OfferEvent = { type: 'OfferPaused', data: { offerId, mentorId: mentor, pausedAt: at } };
const retired: OfferEvent = { type: 'OfferRetired', data: { offerId, mentorId: mentor, retiredAt: at } };

describe('offer decider: PublishOffer', () => {
  it('given no offer, when a mentor publishes a call, then OfferPublished with normalized topics', () => {
    const events = spec(offerDecider).given([]).when(publish()).events();
    expect(events).toEqual([published()]);
    expectValidEvents(events);
  });

  it('given topics with odd case, spacing and duplicates, when publishing, then they are trimmed, lower-cased and deduplicated', () => {
    const events = spec(offerDecider).given([]).when(publish({ topics: ['  System  Design ', 'system design', 'GO'] })).events();
    expect(events).toEqual([published({ topics: ['system design', 'go'] })]);
  });

  it('given surrounding spaces in title and description, when publishing, then both are trimmed', () => {
    const events = spec(offerDecider).given([]).when(publish({ title: '  Career chat for backend engineers  ' })).events();
    expect(events).toEqual([published()]);
  });

  it('given a résumé review with a duration, when publishing, then the duration is dropped (only calls have one)', () => {
    const events = spec(offerDecider).given([]).when(publish({ kind: 'RESUME_REVIEW', durationMinutes: 45 })).events();
    expect(events).toEqual([published({ kind: 'RESUME_REVIEW', durationMinutes: null })]);
  });

  it('given a mock interview, when publishing with a duration, then it keeps the duration', () => {
    const events = spec(offerDecider).given([]).when(publish({ kind: 'MOCK_INTERVIEW', durationMinutes: 90 })).events();
    expect(events).toEqual([published({ kind: 'MOCK_INTERVIEW', durationMinutes: 90 })]);
  });

  it('given a referral without a requirement, when publishing, then it requires one completed engagement', () => {
    const events = spec(offerDecider).given([]).when(publish({ kind: 'REFERRAL', durationMinutes: null })).events();
    expect(events).toEqual([published({ kind: 'REFERRAL', durationMinutes: null, minCompletedEngagements: 1 })]);
  });

  it('given a referral with a stricter requirement, when publishing, then it is recorded', () => {
    const events = spec(offerDecider)
      .given([])
      .when(publish({ kind: 'REFERRAL', minCompletedEngagements: 3, workedTogetherOnly: true }))
      .events();
    expect(events).toEqual([published({ kind: 'REFERRAL', durationMinutes: null, minCompletedEngagements: 3, workedTogetherOnly: true })]);
  });

  it('given a non-referral with referral conditions, when publishing, then they are ignored', () => {
    const events = spec(offerDecider).given([]).when(publish({ kind: 'INTRO', minCompletedEngagements: 5, workedTogetherOnly: true })).events();
    expect(events).toEqual([published({ kind: 'INTRO', durationMinutes: null })]);
  });

  it.each([
    ['a referral requirement of 0 (cannot switch the relationship off)', { kind: 'REFERRAL', minCompletedEngagements: 0 }, 'input.minCompletedEngagements'],
    ['a negative referral requirement', { kind: 'REFERRAL', minCompletedEngagements: -2 }, 'input.minCompletedEngagements'],
    ['a referral requirement over 20', { kind: 'REFERRAL', minCompletedEngagements: 21 }, 'input.minCompletedEngagements'],
    ['a fractional referral requirement', { kind: 'REFERRAL', minCompletedEngagements: 1.5 }, 'input.minCompletedEngagements'],
    ['a 4-character title', { title: 'Chat' }, 'input.title'],
    ['a blank title', { title: '      ' }, 'input.title'],
    ['a 101-character title', { title: 'x'.repeat(101) }, 'input.title'],
    ['a 19-character description', { description: 'x'.repeat(19) }, 'input.description'],
    ['a 2001-character description', { description: 'x'.repeat(2001) }, 'input.description'],
    ['no topics', { topics: [] }, 'input.topics'],
    ['11 topics', { topics: Array.from({ length: 11 }, (_, i) => `topic ${i}`) }, 'input.topics'],
    ['a 1-character topic', { topics: ['a'] }, 'input.topics'],
    ['a 41-character topic', { topics: ['x'.repeat(41)] }, 'input.topics'],
    ['capacity 0', { capacity: 0 }, 'input.capacity'],
    ['a negative capacity', { capacity: -3 }, 'input.capacity'],
    ['capacity 51', { capacity: 51 }, 'input.capacity'],
    ['a fractional capacity', { capacity: 2.5 }, 'input.capacity'],
    ['an unknown period', { period: 'DAY' }, 'input.period'],
    ['an unknown kind', { kind: 'COFFEE' }, 'input.kind'],
    ['a call without a duration', { durationMinutes: null }, 'input.durationMinutes'],
    ['a 10-minute call', { durationMinutes: 10 }, 'input.durationMinutes'],
    ['a 181-minute call', { durationMinutes: 181 }, 'input.durationMinutes'],
  ] as const)('given %s, when publishing, then BAD_USER_INPUT on the field', (_, data, field) => {
    const error = spec(offerDecider).given([]).when(publish(data as Partial<PublishOffer['data']>)).error();
    expectRefusal(error, 'BAD_USER_INPUT', field);
  });

  it('given 11 topics that normalize to 10, when publishing, then it is accepted', () => {
    const topics = [...Array.from({ length: 10 }, (_, i) => `topic ${i}`), 'TOPIC 0'];
    expect(spec(offerDecider).given([]).when(publish({ topics })).events()).toHaveLength(1);
  });

  it('given the offer exists, when publishing it again, then CONFLICT', () => {
    expectRefusal(spec(offerDecider).given([published()]).when(publish()).error(), 'CONFLICT', 'id');
  });
});

describe('offer decider: UpdateOffer', () => {
  it('given an offer, when the mentor changes capacity, period and topics, then OfferUpdated carries the whole offer', () => {
    const events = spec(offerDecider)
      .given([published()])
      .when(update({ capacity: 5, period: 'MONTH', topics: ['Staff Engineering'] }))
      .events();
    const { publishedAt: _p, ...details } = published().data as Extract<OfferEvent, { type: 'OfferPublished' }>['data'];
    expect(events).toEqual([{ type: 'OfferUpdated', data: { ...details, capacity: 5, period: 'MONTH', topics: ['staff engineering'], updatedAt: at } }]);
    expectValidEvents(events);
  });

  it('given an update that changes nothing, when applied, then no event is recorded', () => {
    expect(spec(offerDecider).given([published()]).when(update({ capacity: 3, title: ' Career chat for backend engineers ' })).events()).toEqual([]);
  });

  it('given a paused offer, when updated, then the update is recorded (paused offers stay editable)', () => {
    expect(spec(offerDecider).given([published(), paused]).when(update({ capacity: 1 })).events()).toHaveLength(1);
  });

  it('given a referral offer, when the mentor raises the requirement, then it is recorded', () => {
    const events = spec(offerDecider)
      .given([published({ kind: 'REFERRAL', durationMinutes: null, minCompletedEngagements: 1 })])
      .when(update({ minCompletedEngagements: 2 }))
      .events();
    expect(events[0]!.data).toMatchObject({ minCompletedEngagements: 2 });
  });

  it('given a referral offer, when an update tries to drop the requirement to 0, then BAD_USER_INPUT', () => {
    const error = spec(offerDecider)
      .given([published({ kind: 'REFERRAL', durationMinutes: null, minCompletedEngagements: 1 })])
      .when(update({ minCompletedEngagements: 0 }))
      .error();
    expectRefusal(error, 'BAD_USER_INPUT', 'input.minCompletedEngagements');
  });

  it.each([
    [{ capacity: -1 }, 'input.capacity'],
    [{ title: 'abc' }, 'input.title'],
    [{ topics: [] }, 'input.topics'],
    [{ durationMinutes: 500 }, 'input.durationMinutes'],
    [{ period: 'YEAR' }, 'input.period'],
  ] as const)('given an offer, when updated with %j, then BAD_USER_INPUT on %s', (data, field) => {
    expectRefusal(spec(offerDecider).given([published()]).when(update(data as Partial<UpdateOffer['data']>)).error(), 'BAD_USER_INPUT', field);
  });

  it('given no offer, when updating, then NOT_FOUND on id', () => {
    expectRefusal(spec(offerDecider).given([]).when(update({ capacity: 2 })).error(), 'NOT_FOUND', 'id');
  });

  it('given someone else’s offer, when updating, then FORBIDDEN', () => {
    expectRefusal(spec(offerDecider).given([published()]).when(update({ actorId: stranger, capacity: 2 })).error(), 'FORBIDDEN', 'id');
  });

  it('given a retired offer, when updating, then CONFLICT', () => {
    expectRefusal(spec(offerDecider).given([published(), retired]).when(update({ capacity: 2 })).error(), 'CONFLICT', 'id');
  });
});

describe('offer decider: pause, resume, retire', () => {
  it('given an active offer, when paused, then OfferPaused', () => {
    expect(spec(offerDecider).given([published()]).when(pause()).events()).toEqual([paused]);
  });

  it('given a paused offer, when resumed, then OfferResumed', () => {
    expect(spec(offerDecider).given([published(), paused]).when(resume()).events()).toEqual([
      { type: 'OfferResumed', data: { offerId, mentorId: mentor, resumedAt: at } },
    ]);
  });

  it.each([
    ['an active offer', [published()]],
    ['a paused offer', [published(), paused]],
  ])('given %s, when retired, then OfferRetired', (_, given) => {
    const events = spec(offerDecider).given(given).when(retire()).events();
    expect(events).toEqual([retired]);
    expectValidEvents(events);
  });

  it('given a paused offer, when paused again, then CONFLICT', () => {
    expectRefusal(spec(offerDecider).given([published(), paused]).when(pause()).error(), 'CONFLICT', 'id');
  });

  it('given an active offer, when resumed, then CONFLICT', () => {
    expectRefusal(spec(offerDecider).given([published()]).when(resume()).error(), 'CONFLICT', 'id');
  });

  it.each([
    ['pause', pause()],
    ['resume', resume()],
    ['retire', retire()],
    ['update', update({ capacity: 9 })],
  ])('given a retired offer, when asked to %s, then CONFLICT: nothing happens after RETIRED', (_, command) => {
    expectRefusal(spec(offerDecider).given([published(), retired]).when(command).error(), 'CONFLICT', 'id', /retired/);
  });

  it.each([
    ['pause', pause(stranger)],
    ['resume', resume(stranger)],
    ['retire', retire(stranger)],
  ])('given someone else’s offer, when a stranger tries to %s it, then FORBIDDEN', (_, command) => {
    expectRefusal(spec(offerDecider).given([published(), paused]).when(command).error(), 'FORBIDDEN', 'id');
  });

  it.each([
    ['pause', pause()],
    ['resume', resume()],
    ['retire', retire()],
  ])('given no offer, when asked to %s, then NOT_FOUND', (_, command) => {
    expectRefusal(spec(offerDecider).given([]).when(command).error(), 'NOT_FOUND', 'id');
  });
});
