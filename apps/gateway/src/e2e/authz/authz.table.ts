import type { ErrorCode } from '@payforward/contracts';
import type { Who } from './authz.world.js';

/**
 * The expected authorization of every operation of the public API (DESIGN §5, api-contract.graphql).
 *
 * Columns — the data a cell names always belongs to the member `own`:
 * - anon:  no token;
 * - own:   `own` on their own data (for an operation that names no one's data: a member acting for themself);
 * - other: a signed-in member who is neither `own` nor a party to the data, on `own`'s data;
 * - admin: the admin on `own`'s data (for an operation that names no one's data: acting for themself).
 * A cell is 'allow' (served without error, with data), 'null' (served without error, the root field
 * null: a refusal by silence, allowed only where the table says so), 'empty' (likewise, an empty list
 * or a page without nodes), 'hidden' (served, but the personal
 * field is null), or the contract code of the refusal; null where the column does not apply (nothing of
 * anyone else's to name). A Subscription cell is judged on the first message after a change to the
 * caller's data (see authz.subscriptions.ts).
 * Refusals are checked before the state of the data: cells that may change data get fixtures of their own.
 */
export type Outcome = 'allow' | 'null' | 'empty' | 'hidden' | ErrorCode;
export type Cells = Record<Who, Outcome | null>;

const UNAUTHENTICATED = 'UNAUTHENTICATED';
const FORBIDDEN = 'FORBIDDEN';
const NOT_FOUND = 'NOT_FOUND';

/** Member-only, on one's own data; no column for someone else's. */
const SELF_SERVICE: Cells = { anon: UNAUTHENTICATED, own: 'allow', other: null, admin: 'allow' };
/** The caller's own list: `own` has entries (fixtures), the admin, acting for themself, none. */
const OWN_LIST: Cells = { ...SELF_SERVICE, admin: 'empty' };
/** The owner's (or party's) business only: admins do not act for members. */
const OWNER_ONLY: Cells = { anon: UNAUTHENTICATED, own: 'allow', other: FORBIDDEN, admin: FORBIDDEN };
/** Admin operations that name a member (own: a member naming themself, e.g. granting themself admin). */
const ADMIN_ON_MEMBER: Cells = { anon: UNAUTHENTICATED, own: FORBIDDEN, other: FORBIDDEN, admin: 'allow' };
/** Admin operations that name no member. */
const ADMIN_ONLY: Cells = { anon: UNAUTHENTICATED, own: FORBIDDEN, other: null, admin: 'allow' };
const PUBLIC: Cells = { anon: 'allow', own: 'allow', other: 'allow', admin: 'allow' };

// prettier-ignore
export const EXPECTED: Record<string, Cells> = {
  //                                anon               own              other            admin
  // The contract: "The signed-in member; null when anonymous" (the one cell where null is the answer).
  'Query.me':                     { anon: 'null',          own: 'allow',    other: null,       admin: 'allow' },
  'Query.member':                 PUBLIC,
  'Query.offers':                 PUBLIC,
  'Query.offer':                  PUBLIC,
  'Query.helpRequest':            { anon: UNAUTHENTICATED, own: 'allow',    other: FORBIDDEN,  admin: 'allow' },
  'Query.myRequests':             OWN_LIST,
  'Query.relationship':           { anon: UNAUTHENTICATED, own: 'allow',    other: FORBIDDEN,  admin: 'allow' },
  'Query.mentorDashboard':        SELF_SERVICE,
  // Always the caller's own list (no argument names anyone): the target's intros, the attestations naming them.
  'Query.introsAwaitingMe':       OWN_LIST,
  'Query.attestationsAwaitingMe': OWN_LIST,
  'Query.reputation':             PUBLIC,
  'Query.leaderboard':            { anon: 'allow',         own: 'allow',    other: null,       admin: 'allow' },
  'Query.reputationFlags':        ADMIN_ONLY,
  'Query.memberHistory':          ADMIN_ON_MEMBER,
  'Query.projections':            ADMIN_ONLY,
  // Admins only; a stack whose SMTP server accepts everything has none to show.
  'Query.failedMails':            { ...ADMIN_ONLY, admin: 'empty' },
  // Personal data inside a served type: the contact rule of the contract (other = a stranger to own).
  'Member.contact':               { anon: 'hidden',        own: 'allow',    other: 'hidden',   admin: 'allow' },

  'Mutation.register':            { anon: 'allow',         own: null,       other: null,       admin: null },
  // other: a member who signs in with own's e-mail without own's password.
  'Mutation.login':               { anon: 'allow',         own: 'allow',    other: UNAUTHENTICATED, admin: null },
  'Mutation.updateProfile':       SELF_SERVICE,
  // A member erases themself with their password; an admin erases others with eraseMember.
  'Mutation.eraseMe':             { anon: UNAUTHENTICATED, own: 'allow',    other: null,       admin: null },
  'Mutation.publishOffer':        SELF_SERVICE,
  'Mutation.updateOffer':         OWNER_ONLY,
  'Mutation.pauseOffer':          OWNER_ONLY,
  'Mutation.resumeOffer':         OWNER_ONLY,
  'Mutation.retireOffer':         OWNER_ONLY,
  'Mutation.setAvailability':     SELF_SERVICE,
  'Mutation.blockMember':         SELF_SERVICE,
  'Mutation.requestHelp':         SELF_SERVICE,
  'Mutation.acceptRequest':       OWNER_ONLY, // own = the request's mentor
  'Mutation.declineRequest':      OWNER_ONLY, // own = the request's mentor
  'Mutation.withdrawRequest':     OWNER_ONLY, // own = the request's seeker
  'Mutation.completeRequest':     OWNER_ONLY, // own = the request's mentor
  'Mutation.reportNoShow':        OWNER_ONLY, // own = a party (the mentor here)
  'Mutation.leaveFeedback':       OWNER_ONLY, // own = a party (the seeker here)
  'Mutation.vouch':               OWNER_ONLY, // own = the referral's mentor
  'Mutation.reportReferralOutcome': OWNER_ONLY, // own = the referral's seeker
  'Mutation.respondToIntro':      OWNER_ONLY, // own = the intro's target
  'Mutation.attestWorkedTogether': SELF_SERVICE,
  // own = the member an attestation names; no one else can confirm it for them.
  'Mutation.confirmWorkedTogether': { anon: UNAUTHENTICATED, own: 'allow', other: NOT_FOUND, admin: NOT_FOUND },
  'Mutation.grantAdmin':          ADMIN_ON_MEMBER,
  'Mutation.suspendMember':       ADMIN_ON_MEMBER,
  'Mutation.reinstateMember':     ADMIN_ON_MEMBER,
  'Mutation.eraseMember':         ADMIN_ON_MEMBER,
  'Mutation.dismissFlag':         ADMIN_ON_MEMBER, // own = the member the flag is about
  'Mutation.reverseFlag':         ADMIN_ON_MEMBER,
  'Mutation.adjustReputation':    ADMIN_ON_MEMBER,
  'Mutation.rebuildProjection':   ADMIN_ONLY,
  // The caller's own inbox only (no argument names anyone else's); the admin is a member too.
  'Query.notifications':          SELF_SERVICE,
  'Query.unreadNotificationCount': SELF_SERVICE,
  'Mutation.markNotificationsRead': SELF_SERVICE,
  // Account mails (ADR 019): the link's token is the credential, so nobody needs a session (the link may open anywhere).
  'Mutation.verifyEmail':         { anon: 'allow',         own: 'allow',    other: 'allow',    admin: null },
  // The member's own address only; the admin's is verified by nobody here, so they may ask too.
  'Mutation.resendVerificationEmail': SELF_SERVICE,
  // Always true, signed in or not, known address or not (no enumeration).
  'Mutation.requestPasswordReset': { anon: 'allow',        own: 'allow',    other: 'allow',    admin: 'allow' },
  'Mutation.resetPassword':       { anon: 'allow',         own: null,       other: null,       admin: null },
  // The caller's own calendar feed URL (nothing names anyone else's).
  'Mutation.rotateCalendarFeedToken': SELF_SERVICE,
  'Query.notificationPreferences': SELF_SERVICE,
  'Mutation.updateNotificationPreferences': SELF_SERVICE,

  // The signed-in member's own dashboard (nothing names anyone else's); the admin as a mentor too.
  'Subscription.mentorDashboardChanged': SELF_SERVICE,
  // Each member hears only of their own notifications (a fresh seeker asking the caller triggers one).
  'Subscription.notificationReceived': SELF_SERVICE,
};

export const WHO: readonly Who[] = ['anon', 'own', 'other', 'admin'];

/** The cells of the table that apply (not null). */
export const applicableCells = (table: Record<string, Cells>): number =>
  Object.values(table).reduce((n, cells) => n + WHO.filter((who) => cells[who] !== null).length, 0);
