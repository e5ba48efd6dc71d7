import type pg from 'pg';
import { viewerStandingOf, type BlockReason, type ViewerStanding } from './blocked-members.js';
import type { JwtTokens, Viewer } from './jwt.js';

/** Why credentials a request carried were refused: the token itself, or whose it is. */
/** `ended`: the token was issued before the member's password was reset (ADR 019). */
export type SessionRejection = 'expired' | 'invalid' | 'suspended' | 'erased' | 'ended';

/** A request's caller: a viewer, nobody (no credentials), or credentials that were refused. */
export interface Authentication {
  viewer: Viewer | null;
  rejection: SessionRejection | null;
}

const REJECTION_OF: Record<BlockReason, SessionRejection> = { SUSPENDED: 'suspended', ERASED: 'erased' };

/** BLOCKED_VIEWER_CACHE_MS: how long a "blocked or not" answer is reused (default 2 s; 0 = ask every time). */
export function blockedViewerCacheMsOf(env: Record<string, string | undefined> = process.env): number {
  const raw = env.BLOCKED_VIEWER_CACHE_MS;
  const ms = raw === undefined || raw === '' ? 2_000 : Number(raw);
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`BLOCKED_VIEWER_CACHE_MS must be a whole number of milliseconds, got "${raw}"`);
  return ms;
}

const MAX_CACHED = 10_000;

/**
 * `blocked_members` lookups, reused for `ttlMs`: a member's requests in a burst (and the
 * gateway's fan-out of one request to several fields) cost one query. A block takes effect at
 * most `ttlMs` after the service learned of it; `forget` makes it immediate in this process.
 */
export class BlockedViewerCache {
  private readonly entries = new Map<string, { until: number; standing: Promise<ViewerStanding> }>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async reasonFor(memberId: string): Promise<BlockReason | null> {
    return (await this.standingOf(memberId)).reason;
  }

  /** The block and the sessions' cutoff of a member (blocked_members and session_cutoffs), cached together. */
  standingOf(memberId: string): Promise<ViewerStanding> {
    if (this.ttlMs === 0) return viewerStandingOf(this.pool, memberId);
    const at = this.now();
    const cached = this.entries.get(memberId);
    if (cached && cached.until > at) return cached.standing;
    if (this.entries.size >= MAX_CACHED) this.entries.clear(); // bounded; a miss only costs a query
    const standing = viewerStandingOf(this.pool, memberId);
    this.entries.set(memberId, { until: at + this.ttlMs, standing });
    // A failed lookup is not remembered: the next request asks again.
    standing.catch(() => this.entries.delete(memberId));
    return standing;
  }

  /** After this process blocked or unblocked the member itself (identity): no stale answer. */
  forget(memberId: string): void {
    this.entries.delete(memberId);
  }
}

/**
 * Who is calling, decided the same way in every service: the bearer token must verify
 * (signature, issuer, expiry) and its member must not be blocked in this service's
 * `blocked_members`. Services verify tokens themselves rather than trusting the gateway or a
 * client-set id, so a request that reaches a subgraph directly gets no further.
 */
export class ViewerAuthenticator {
  constructor(
    private readonly tokens: JwtTokens,
    readonly blocked: BlockedViewerCache,
  ) {}

  async authenticate(header: string | string[] | undefined): Promise<Authentication> {
    const check = await this.tokens.checkAuthorizationHeader(header);
    if (check.kind === 'none') return { viewer: null, rejection: null };
    if (check.kind === 'rejected') return { viewer: null, rejection: check.reason };
    const { reason, sessionsEndedAt } = await this.blocked.standingOf(check.viewer.memberId);
    if (reason) return { viewer: null, rejection: REJECTION_OF[reason] };
    // Issued at or before a password reset: that session ended with the reset.
    if (sessionsEndedAt !== null && check.issuedAtMs <= sessionsEndedAt) return { viewer: null, rejection: 'ended' };
    return { viewer: check.viewer, rejection: null };
  }
}
