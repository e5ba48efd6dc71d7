// The marketplace workloads, shared by both contenders so they do exactly the same thing; only
// the way a command reaches the marketplace differs (HTTP through the gateway, or CommandBus).
import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';

/** A member as a contender knows it: an id, and for the gateway a bearer token signed for it. */
export interface BenchMember {
  id: string;
  token: string;
}

/** What a contender must provide: the three operations, with the outcome the caller sees. */
export interface MarketplaceApi {
  member(): Promise<BenchMember>;
  /** A RESUME_REVIEW offer (no scheduling on accept) with this capacity per period; its id. */
  publishOffer(mentor: BenchMember, capacity: number, period: 'WEEK' | 'MONTH'): Promise<string>;
  /** requestHelp; the new request's id. */
  requestHelp(seeker: BenchMember, offerId: string): Promise<string>;
  /** acceptRequest; the request's status after it (ACCEPTED), or a refusal. */
  acceptRequest(mentor: BenchMember, requestId: string): Promise<AcceptOutcome>;
}

export type AcceptOutcome = { status: string } | { refused: string };

export const MESSAGE = 'Hi! I am moving from QA into backend engineering and would value an hour on how to plan the switch.';
export const GOAL = 'A concrete plan for my next three months.';

/** The largest capacity an offer may have (OFFER_RULES.capacity.max). */
export const MAX_CAPACITY = 50;

export const offerInput = (capacity: number, period: 'WEEK' | 'MONTH') => ({
  kind: 'RESUME_REVIEW',
  title: 'Résumé review for backend roles',
  description: 'A bounded résumé review offer for the marketplace benchmark.',
  topics: ['resume', 'backend'],
  capacity,
  period,
});

export interface PairsOptions {
  clients: number;
  seconds: number;
  warmup: number;
  /** Called when the measured window opens and closes (the orchestrator samples CPU then). */
  phase?: (phase: 'measuring' | 'measured') => void;
}

export interface PairsResult {
  pairs: number;
  seconds: number;
  pairsPerSec: number;
  /** Latency of one request + accept, in the measured window. */
  p50Ms: number;
  p95Ms: number;
  offers: number;
  /** Offers published during the run because a client used up its provisioned ones (0 expected). */
  topUps: number;
}

/** Requests + accepts per second a client could plausibly reach; only sizes the offers provisioned up front. */
const PROVISION_FOR_PAIRS_PER_SEC = 800;
const SEEKERS_PER_CLIENT = 32;

/**
 * `clients` loops, each working its own mentors (one offer of capacity 50 per month each) and
 * its own seekers: request help from the current offer, then the mentor accepts it, which frees
 * the seeker's pending slot — so neither the pending limits (3 per seeker, 1 per mentor) nor
 * capacity ever refuses, and no two clients touch the same stream. Offers are published before
 * the clock starts, enough for the expected number of accepts.
 */
export async function runPairs(api: MarketplaceApi, opts: PairsOptions): Promise<PairsResult> {
  const offersPerClient = Math.ceil((PROVISION_FOR_PAIRS_PER_SEC * (opts.warmup + opts.seconds)) / opts.clients / MAX_CAPACITY) + 1;
  let topUps = 0;
  const newOffer = async () => {
    const mentor = await api.member();
    return { mentor, offerId: await api.publishOffer(mentor, MAX_CAPACITY, 'MONTH'), used: 0 };
  };
  const clients = await Promise.all(
    Array.from({ length: opts.clients }, async () => {
      const offers = [];
      for (let i = 0; i < offersPerClient; i++) offers.push(await newOffer());
      const seekers = [];
      for (let i = 0; i < SEEKERS_PER_CLIENT; i++) seekers.push(await api.member());
      return { offers, seekers };
    }),
  );

  let measuring = false;
  let stop = false;
  let pairs = 0;
  const latencies: number[] = [];
  const loop = async ({ offers, seekers }: (typeof clients)[number]): Promise<void> => {
    let current = 0;
    for (let n = 0; !stop; n++) {
      while (current < offers.length && offers[current]!.used >= MAX_CAPACITY) current++;
      if (current === offers.length) {
        offers.push(await newOffer());
        topUps++;
      }
      const offer = offers[current]!;
      const seeker = seekers[n % seekers.length]!;
      const t0 = performance.now();
      const requestId = await api.requestHelp(seeker, offer.offerId);
      const outcome = await api.acceptRequest(offer.mentor, requestId);
      if (!('status' in outcome) || outcome.status !== 'ACCEPTED') throw new Error(`accept of ${requestId} on ${offer.offerId}: ${JSON.stringify(outcome)}`);
      offer.used++;
      if (measuring && !stop) {
        pairs++;
        latencies.push(performance.now() - t0);
      }
    }
  };

  const loops = clients.map(loop);
  // A failing client fails the run at once instead of after the window.
  const failed = Promise.all(loops).then(() => undefined);
  await Promise.race([sleep(opts.warmup * 1000), failed]);
  measuring = true;
  opts.phase?.('measuring');
  const started = performance.now();
  await Promise.race([sleep(opts.seconds * 1000), failed]);
  stop = true;
  const seconds = (performance.now() - started) / 1000;
  opts.phase?.('measured');
  await failed;
  latencies.sort((a, b) => a - b);
  return {
    pairs,
    seconds,
    pairsPerSec: pairs / seconds,
    p50Ms: quantile(latencies, 0.5),
    p95Ms: quantile(latencies, 0.95),
    offers: clients.reduce((n, c) => n + c.offers.length, 0),
    topUps,
  };
}

export interface RaceOptions {
  offers: number;
  requests: number;
  capacity: number;
  /** How many requests are submitted at once while setting a race up (the setup is not a race). */
  setupConcurrency: number;
  /** Accepted requests of an offer as the database has them, for the sanity check. */
  acceptedInDatabase(offerId: string): Promise<number>;
}

export interface RaceResult {
  decisions: number;
  seconds: number;
  decisionsPerSec: number;
  offers: number;
  capacity: number;
  requests: number;
  /** Per offer: accepted according to the command results. */
  accepted: number[];
  /** Per offer: ACCEPTED rows in help_requests. */
  acceptedInDatabase: number[];
  refused: number;
  /** Neither accepted nor CAPACITY_EXHAUSTED (0 expected), with the first reason seen. */
  other: number;
  firstOther?: string;
}

/**
 * For each of `offers` offers (capacity `capacity` per week): `requests` seekers submit one
 * request each, then — the race — the mentor accepts all of them at once. Decisions (accepted
 * or refused) per second of race time; only the races are timed, one offer after the other.
 */
export async function runRace(api: MarketplaceApi, opts: RaceOptions): Promise<RaceResult> {
  let raceMs = 0;
  let refused = 0;
  let other = 0;
  let firstOther: string | undefined;
  const accepted: number[] = [];
  const acceptedInDatabase: number[] = [];
  for (let o = 0; o < opts.offers; o++) {
    const mentor = await api.member();
    const offerId = await api.publishOffer(mentor, opts.capacity, 'WEEK');
    const seekers = await Promise.all(Array.from({ length: opts.requests }, () => api.member()));
    const requestIds: string[] = [];
    for (let i = 0; i < seekers.length; i += opts.setupConcurrency) {
      requestIds.push(...(await Promise.all(seekers.slice(i, i + opts.setupConcurrency).map((s) => api.requestHelp(s, offerId)))));
    }

    const t0 = performance.now();
    const outcomes = await Promise.all(
      requestIds.map((id) => api.acceptRequest(mentor, id).catch((error: unknown): AcceptOutcome => ({ refused: `ERROR ${String(error)}` }))),
    );
    raceMs += performance.now() - t0;

    let ok = 0;
    for (const outcome of outcomes) {
      if ('status' in outcome && outcome.status === 'ACCEPTED') ok++;
      else if ('refused' in outcome && outcome.refused === 'CAPACITY_EXHAUSTED') refused++;
      else {
        other++;
        firstOther ??= JSON.stringify(outcome);
      }
    }
    accepted.push(ok);
    acceptedInDatabase.push(await opts.acceptedInDatabase(offerId));
  }
  const decisions = opts.offers * opts.requests;
  const seconds = raceMs / 1000;
  return {
    decisions,
    seconds,
    decisionsPerSec: decisions / seconds,
    offers: opts.offers,
    capacity: opts.capacity,
    requests: opts.requests,
    accepted,
    acceptedInDatabase,
    refused,
    other,
    ...(firstOther ? { firstOther } : {}),
  };
}

export const newMemberId = (): string => uuidv7();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
