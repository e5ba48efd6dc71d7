import { randomBytes } from 'node:crypto';
import { ERASED_MEMBER_NAME, ERASED_TEXT, isSealedValue } from '@payforward/contracts';
import { DataKeys, ErasedMemberError } from './data-keys.js';
import { MasterKey } from './master-key.js';
import { MemoryKeyStore } from './memory-key-store.js';
import { PersonalDataCodec, type EventLike } from './personal-data.codec.js';

const dana = '0193a0b4-6f1e-7c3a-9d2e-00000000000d';
const sam = '0193a0b4-6f1e-7c3a-9d2e-000000000005';
const ids = { requestId: '0193a0b4-6f1e-7c3a-9d2e-0000000000a1', offerId: '0193a0b4-6f1e-7c3a-9d2e-0000000000b1', kind: 'ADVICE_CALL' };

const registered = {
  type: 'MemberRegistered',
  data: { memberId: dana, email: 'dana@example.com', displayName: 'Dana Lee', headline: null, timezone: 'Europe/Berlin', roles: ['MEMBER'] },
};
const submitted = {
  type: 'HelpRequestSubmitted',
  data: { ...ids, mentorId: sam, seekerId: dana, message: 'Dana here, hoping to move into platform engineering this year.', goal: 'A plan for the move' },
};
const feedback = (side: 'SEEKER' | 'MENTOR', note: string | null) => ({
  type: 'FeedbackLeft',
  data: { ...ids, mentorId: sam, seekerId: dana, side, rating: 5, note, leftAt: new Date(0).toISOString() },
});

function setup(clock = { now: 0 }) {
  const store = new MemoryKeyStore();
  const master = MasterKey.parse(randomBytes(32).toString('base64'));
  const keys = new DataKeys(store, master, { ttlMs: 1_000, clock: () => clock.now });
  return { store, keys, codec: new PersonalDataCodec(keys), master, clock };
}

describe('personal data codec', () => {
  it('given a registration, when sealed, then email, name and headline are sealed with the member key and the rest is untouched', async () => {
    const { codec } = setup();
    const withHeadline = { ...registered, data: { ...registered.data, headline: 'Staff engineer' } };
    const [sealed] = await codec.sealEvents([withHeadline]);
    for (const field of ['email', 'displayName', 'headline'] as const) {
      expect(isSealedValue(sealed!.data[field])).toBe(true);
      expect(sealed!.data[field]).toContain(dana);
    }
    expect(sealed!.data).toMatchObject({ memberId: dana, timezone: 'Europe/Berlin', roles: ['MEMBER'] });
    expect(withHeadline.data.displayName).toBe('Dana Lee'); // the caller's event keeps its plaintext
    expect(await codec.unsealEvent(sealed!)).toEqual(withHeadline);
  });

  it('given feedback, when sealed, then the note is sealed with the key of the side that wrote it, and a null note stays null', async () => {
    const { codec } = setup();
    const [bySeeker, byMentor, none] = await codec.sealEvents([feedback('SEEKER', 'Thanks!'), feedback('MENTOR', 'Great prep'), feedback('SEEKER', null)]);
    expect(bySeeker!.data.note).toContain(`:${dana}:`);
    expect(byMentor!.data.note).toContain(`:${sam}:`);
    expect(none!.data.note).toBeNull();
  });

  it('given an event type without personal data, when sealed and unsealed, then it is returned as it is', async () => {
    const { codec, store } = setup();
    const accepted = { type: 'HelpRequestAccepted', data: { ...ids, mentorId: sam, seekerId: dana, scheduledAt: null } };
    expect(await codec.sealEvent(accepted)).toBe(accepted);
    expect(await codec.unsealEvent(accepted)).toBe(accepted);
    expect(store.rows.size).toBe(0); // no key is made for a member who wrote nothing personal
  });

  it('given plaintext events stored before sealing existed, when unsealed, then they read as they are', async () => {
    const { codec } = setup();
    expect(await codec.unsealEvent(registered)).toEqual(registered);
  });

  it('given an erased member, when their events are replayed, then their fields read as placeholders and other members are untouched', async () => {
    const { codec, keys } = setup();
    const sealed = await codec.sealEvents<EventLike>([registered, submitted, feedback('MENTOR', 'Great prep'), feedback('SEEKER', 'Thanks, Dana')]);
    await keys.erase(dana);
    const [reg, sub, mentorNote, seekerNote] = await codec.unsealEvents(sealed);
    expect(reg!.data).toEqual({ ...registered.data, email: ERASED_TEXT, displayName: ERASED_MEMBER_NAME, headline: null });
    expect(sub!.data).toMatchObject({ message: ERASED_TEXT, goal: ERASED_TEXT, seekerId: dana, mentorId: sam });
    expect(mentorNote!.data.note).toBe('Great prep');
    expect(seekerNote!.data.note).toBeNull();
  });

  it('given an erased member, when something of theirs is sealed again, then it is refused (FORBIDDEN) and no new key appears', async () => {
    const { codec, keys, store } = setup();
    await codec.sealEvent(registered);
    await keys.erase(dana);
    await expect(codec.sealEvent(submitted)).rejects.toBeInstanceOf(ErasedMemberError);
    await expect(codec.sealEvent(submitted)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(store.rows.get(dana)).toMatchObject({ wrapped: null, masterKeyId: null });
  });

  it('given a key erased by another process, when this one hears MemberErased (forget), then its cached key is never used again', async () => {
    const a = setup();
    const b = new DataKeys(a.store, a.master, { ttlMs: 60_000 });
    const codecB = new PersonalDataCodec(b);
    const [sealed] = await a.codec.sealEvents([registered]);
    expect((await codecB.unsealEvent(sealed!)).data.displayName).toBe('Dana Lee'); // cached in b now
    await a.keys.erase(dana);
    expect((await codecB.unsealEvent(sealed!)).data.displayName).toBe('Dana Lee'); // b has not heard yet
    b.forget(dana);
    expect((await codecB.unsealEvent(sealed!)).data.displayName).toBe(ERASED_MEMBER_NAME);
    await expect(codecB.sealEvent(submitted)).rejects.toBeInstanceOf(ErasedMemberError);
  });

  it('given a cached key older than the time limit, when read again, then the store is asked (and sees the erasure)', async () => {
    const a = setup();
    const other = new DataKeys(a.store, a.master, { ttlMs: 1_000, clock: () => a.clock.now });
    const [sealed] = await a.codec.sealEvents([registered]);
    const codec = new PersonalDataCodec(other);
    await codec.unsealEvent(sealed!);
    await a.keys.erase(dana);
    a.clock.now += 999;
    expect((await codec.unsealEvent(sealed!)).data.displayName).toBe('Dana Lee');
    a.clock.now += 2;
    expect((await codec.unsealEvent(sealed!)).data.displayName).toBe(ERASED_MEMBER_NAME);
  });

  it('given many events of many members, when unsealed together, then the store is asked once', async () => {
    const { codec, store, master } = setup();
    const members = Array.from({ length: 20 }, (_, i) => `0193a0b4-6f1e-7c3a-9d2e-${String(i).padStart(12, '0')}`);
    const events = await codec.sealEvents(members.map((memberId) => ({ ...registered, data: { ...registered.data, memberId } })));
    const fresh = new PersonalDataCodec(new DataKeys(store, master));
    store.finds = 0;
    const opened = await fresh.unsealEvents(events);
    expect(store.finds).toBe(1);
    expect(opened.map((e) => e.data.displayName)).toEqual(members.map(() => 'Dana Lee'));
  });
});
