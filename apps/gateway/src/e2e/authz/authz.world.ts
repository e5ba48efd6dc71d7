import { waitFor, type Stack } from '@payforward/testing';
import { act, GOAL, loginAdmin, MESSAGE, ok, OPS, offerInput, PASSWORD, register, type Member } from '../marketplace.fixtures.js';

/**
 * The people and the data of the authorization matrix, made through the gateway: `own` owns the
 * data every cell names, `other` is a member who does not, `admin` is the bootstrapped admin.
 * The world also remembers whose contact each member may see (DESIGN §2.1: the counterpart of
 * an accepted request, the other side of a consented intro), so every response can be scanned.
 */
export type Who = 'anon' | 'own' | 'other' | 'admin';

export interface Person extends Member {
  name: string;
  password: string;
  admin: boolean;
}

const WAIT = { timeoutMs: 45_000, intervalMs: 150 };

export class AuthzWorld {
  own!: Person;
  other!: Person;
  admin!: Person;
  /** Everyone registered by the spec, by e-mail: the contact scan looks for these addresses. */
  readonly people = new Map<string, Person>();
  private readonly grants = new Set<string>();
  private readonly memo = new Map<string, Promise<unknown>>();
  private names = 0;

  constructor(readonly stack: Stack) {}

  async init(): Promise<void> {
    const admin = await loginAdmin(this.stack);
    this.admin = { ...admin, name: 'Admin', password: this.stack.admin.password, admin: true };
    this.people.set(admin.email, this.admin);
    this.own = await this.member('Olive');
    this.other = await this.member('Oscar');
  }

  person(who: Who): Person | null {
    return who === 'anon' ? null : this[who];
  }

  /** A fresh member: a counterpart for a fixture, or a throwaway for a cell that consumes one (erase, suspend). */
  async member(prefix = 'Member'): Promise<Person> {
    const name = `${prefix}${++this.names}`;
    const m = await register(this.stack, name);
    const person = { ...m, name, password: PASSWORD, admin: false };
    this.people.set(m.email, person);
    return person;
  }

  /** Fixtures shared by the cells of one row (refusals change nothing, so they run first on the same data). */
  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as Promise<T>;
  }

  // --- contact visibility -------------------------------------------------------------------

  grant(a: Person, b: Person): void {
    this.grants.add(`${a.id}|${b.id}`).add(`${b.id}|${a.id}`);
  }

  /** May `viewer` (null: anonymous) see the contact of member `subjectId`? */
  entitled(viewer: Person | null, subjectId: string): boolean {
    if (!viewer) return false;
    return viewer.admin || viewer.id === subjectId || this.grants.has(`${viewer.id}|${subjectId}`);
  }

  // --- marketplace fixtures (the marketplace learns of new members through Kafka: retried) -------

  async offer(mentor: Person, kind: string, over: Record<string, unknown> = {}): Promise<string> {
    const input = offerInput(kind, { capacity: 50, period: 'MONTH', ...over });
    return waitFor(async () => ok(await this.stack.gql(OPS.publish, { input }, mentor.token)).publishOffer.id as string, { ...WAIT, what: `${mentor.name}'s ${kind} offer` });
  }

  /** A SUBMITTED request; `introTargetId` for INTRO offers. */
  async request(seeker: Person, offerId: string, over: Record<string, unknown> = {}): Promise<string> {
    const input = { offerId, message: MESSAGE, goal: GOAL, ...over };
    return waitFor(async () => ok(await this.stack.gql(OPS.request, { input }, seeker.token)).requestHelp.id as string, { ...WAIT, what: `${seeker.name}'s request` });
  }

  async accept(mentor: Person, seeker: Person, requestId: string): Promise<void> {
    await act(this.stack, OPS.accept, { id: requestId, at: null }, mentor);
    this.grant(mentor, seeker);
  }

  /** A résumé review of `mentor` for `seeker`, accepted; completed and rated when asked. */
  async engagement(mentor: Person, seeker: Person, { complete = false, rating }: { complete?: boolean; rating?: number } = {}): Promise<string> {
    const offerId = await this.once(`review:${mentor.id}`, () => this.offer(mentor, 'RESUME_REVIEW'));
    const id = await this.request(seeker, offerId);
    await this.accept(mentor, seeker, id);
    if (complete || rating) await act(this.stack, OPS.complete, { id }, mentor);
    if (rating) await act(this.stack, OPS.feedback, { id, rating, note: 'Concrete and kind.' }, seeker);
    return id;
  }

  /** An ACCEPTED referral of `mentor` for `seeker`, grounded in a review rated 5; vouched when asked. */
  async referral(mentor: Person, seeker: Person, { vouched = false } = {}): Promise<string> {
    await this.engagement(mentor, seeker, { rating: 5 });
    await waitFor(async () => ok(await this.stack.gql(OPS.relationship, { m: mentor.id, s: seeker.id }, seeker.token)).relationship?.referralEligible === true, {
      ...WAIT,
      what: 'the relationship read model',
    });
    const offerId = await this.once(`referral:${mentor.id}`, () => this.offer(mentor, 'REFERRAL'));
    const id = await this.request(seeker, offerId, { goal: 'A referral for the backend role.' });
    await this.accept(mentor, seeker, id);
    if (vouched) await act(this.stack, OPS.vouch, { id, statement: `I reviewed ${seeker.name}'s work in depth; careful, tested code.` }, mentor);
    return id;
  }

  /** An ACCEPTED intro by a fresh mentor of a fresh seeker to `target`, waiting for the target's answer. */
  async introTo(target: Person): Promise<{ id: string; seeker: Person }> {
    const [mentor, seeker] = [await this.member('Mentor'), await this.member('Seeker')];
    const offerId = await this.offer(mentor, 'INTRO');
    const id = await this.request(seeker, offerId, { introTargetId: target.id });
    await this.accept(mentor, seeker, id);
    return { id, seeker };
  }

  /** A fresh mentor who attested working with `seeker` (the seeker has not confirmed). */
  async attestedBy(seeker: Person): Promise<Person> {
    const mentor = await this.member('Colleague');
    await waitFor(
      async () => ok(await this.stack.gql(ATTEST, { id: seeker.id, c: 'Built the payments service together.' }, mentor.token)),
      { ...WAIT, what: 'the attestation' },
    );
    return mentor;
  }

  /**
   * A fresh member the marketplace already knows (it learns of members through Kafka), for cells
   * that name one: a bystander blocking them succeeds only once the marketplace has them.
   */
  async marketplaceMember(prefix: string): Promise<Person> {
    const [member, bystander] = [await this.member(prefix), await this.once('bystander', () => this.member('Bystander'))];
    await waitFor(async () => ok(await this.stack.gql(BLOCK, { id: member.id }, bystander.token)), { ...WAIT, what: `the marketplace to know ${member.name}` });
    return member;
  }

  // --- reputation fixtures --------------------------------------------------------------------

  /**
   * An OPEN reciprocal-pair flag on `member`: a fresh partner helps them, then they help the
   * partner back within 7 days (the flag names the mentor of the closing completion).
   */
  async flagOn(member: Person): Promise<string> {
    const partner = await this.member('Partner');
    await this.engagement(partner, member, { complete: true });
    await this.engagement(member, partner, { complete: true });
    const flags = 'query { reputationFlags(status: OPEN) { id member { id } evidence } }';
    return waitFor(
      async () => {
        const list = ok(await this.stack.gql(flags, {}, this.admin.token)).reputationFlags as { id: string; member: { id: string }; evidence: string[] }[];
        return list.find((f) => f.member.id === member.id && f.evidence.some((line) => line.includes(`helped ${partner.name} (`)))?.id;
      },
      { ...WAIT, what: `a reciprocal flag on ${member.name}` },
    );
  }

  /** Waits until the reputation projection knows `member` (adjustments need it). */
  async known(member: Person): Promise<void> {
    await waitFor(async () => ok(await this.stack.gql('query($id: ID!) { reputation(memberId: $id) { score } }', { id: member.id })).reputation != null, {
      ...WAIT,
      what: `${member.name} in the reputation projection`,
    });
  }

  /** Waits until `member` has an unread notification: a fresh seeker asks them for a résumé review. */
  async notified(member: Person): Promise<void> {
    const offerId = await this.once(`review:${member.id}`, () => this.offer(member, 'RESUME_REVIEW'));
    await this.request(await this.member('Notifier'), offerId);
    await waitFor(async () => ok(await this.stack.gql('{ unreadNotificationCount }', {}, member.token)).unreadNotificationCount > 0, {
      ...WAIT,
      what: `a notification for ${member.name}`,
    });
  }
}

const BLOCK = 'mutation($id: ID!) { blockMember(memberId: $id) }';
const ATTEST = 'mutation($id: ID!, $c: String!) { attestWorkedTogether(memberId: $id, context: $c) { workedTogether } }';
