/**
 * Rulebook v1 (DESIGN §2.6) as data: every point in a ledger names one of these rules and its
 * version, and the README table is rendered from this file, so code and docs cannot drift.
 * Changing a number means a new `version` of that rule, never an edit in place.
 */
export interface Rule {
  id: RuleId;
  version: number;
  /** Nominal points; `null` when the amount comes from the source (adjustments, reversals). */
  points: number | null;
  /** Counts towards the daily cap on points from help. */
  capped: boolean;
  /** Earns 1/k for the k-th completion between the same pair within the decay window. */
  decays: boolean;
  /** `false` for the zero-point rules: they are decisions, but write no ledger entry. */
  createsEntry: boolean;
  description: string;
}

export const RULE_IDS = [
  'completion.advice-call',
  'completion.resume-review',
  'completion.mock-interview',
  'completion.intro',
  'completion.rated-bonus',
  'referral.vouched',
  'referral.hired',
  'pay-forward.forwarder',
  'pay-forward.ripple',
  'feedback.left',
  'no-show.seeker',
  'no-show.mentor',
  'completion.referral',
  'request.declined',
  'request.expired',
  'request.withdrawn',
  'intro.declined',
  'admin.adjustment',
  'reversal.suspension',
  'reversal.flag',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

const rule = (id: RuleId, points: number | null, description: string, traits: Partial<Pick<Rule, 'capped' | 'decays' | 'createsEntry'>> = {}): Rule => ({
  id,
  version: 1,
  points,
  capped: false,
  decays: false,
  createsEntry: true,
  ...traits,
  description,
});
const help = { capped: true } as const;
const completion = { capped: true, decays: true } as const;
const noEntry = { createsEntry: false } as const;

export const RULEBOOK: Readonly<Record<RuleId, Rule>> = {
  'completion.advice-call': rule('completion.advice-call', 10, 'Mentor completed an advice call.', completion),
  'completion.resume-review': rule('completion.resume-review', 10, 'Mentor completed a résumé review.', completion),
  'completion.mock-interview': rule('completion.mock-interview', 10, 'Mentor completed a mock interview.', completion),
  'completion.intro': rule('completion.intro', 15, 'Mentor completed a double-opt-in introduction (the target consented).', completion),
  'completion.rated-bonus': rule(
    'completion.rated-bonus',
    5,
    'Mentor bonus when the seeker rates a completed advice call, résumé review or mock interview 4 or 5; arrives with the feedback and decays like its completion.',
    completion,
  ),
  'referral.vouched': rule(
    'referral.vouched',
    20,
    'Mentor vouched for a grounded referral (a good-rated completed engagement or a confirmed worked-together attestation). Not decayed: a referral rests on earlier help by design.',
    help,
  ),
  'referral.hired': rule('referral.hired', 30, 'Seeker reported HIRED on a vouched referral (on top of the vouch).', help),
  'pay-forward.forwarder': rule(
    'pay-forward.forwarder',
    25,
    'A member helped as a seeker in the last 12 months completed help as a mentor for someone who never helped them; once per distinct seeker.',
    help,
  ),
  'pay-forward.ripple': rule('pay-forward.ripple', 5, 'To each mentor who helped that member in those 12 months, per pay-forward.', help),
  'feedback.left': rule('feedback.left', 2, 'Closing the loop: the seeker left feedback on a completed request.'),
  'no-show.seeker': rule('no-show.seeker', -5, 'The seeker did not show up.'),
  'no-show.mentor': rule('no-show.mentor', -10, 'The mentor did not show up.'),
  'completion.referral': rule('completion.referral', 0, 'A referral completing earns nothing more: the vouch carries its points.', noEntry),
  'request.declined': rule('request.declined', 0, 'Declining (including refusing a referral) never costs anything.', noEntry),
  'request.expired': rule('request.expired', 0, 'An unanswered request expiring costs nobody anything.', noEntry),
  'request.withdrawn': rule('request.withdrawn', 0, 'The seeker withdrawing costs nobody anything.', noEntry),
  'intro.declined': rule('intro.declined', 0, 'The intro target saying no costs nobody anything.', noEntry),
  'admin.adjustment': rule('admin.adjustment', null, 'An admin adjusted the score, with a mandatory reason.'),
  'reversal.suspension': rule(
    'reversal.suspension',
    null,
    'Reverses the points a member earned with someone later suspended for fraud (including ripples and pay-forwards that depended on them).',
  ),
  'reversal.flag': rule('reversal.flag', null, 'An admin reversed a flag: reverses exactly the positive points from the flagged requests.'),
};

/** Anti-gaming and pay-it-forward parameters (DESIGN §2.6). */
export const LIMITS = {
  /** Positive points from capped rules per member per UTC day. */
  dailyHelpCap: 100,
  /** The k-th completion between the same two members within this many days earns 1/k. */
  pairDecayDays: 90,
  /** A helps B and B helps A within this many days: a reciprocal-pair flag. */
  reciprocalDays: 7,
  /** More than this many completions by one mentor in one UTC day: a burst flag. */
  burstCompletionsPerDay: 5,
  /** How far back "was helped as a seeker" looks for paying forward and ripples. */
  payForwardMonths: 12,
  /** A seeker rating at or above this earns the mentor the rated bonus. */
  bonusRating: 4,
} as const;

/** Levels by score, highest first; a negative score is still a Newcomer. */
export const LEVELS = [
  { name: 'Mentor', minScore: 200 },
  { name: 'Helper', minScore: 50 },
  { name: 'Newcomer', minScore: Number.NEGATIVE_INFINITY },
] as const;
export type Level = (typeof LEVELS)[number]['name'];

/** Badges count acts that stand (not reversed, not voided), whatever points they ended up earning. */
export const BADGES = [
  { name: 'Connector', description: 'completed at least 5 double-opt-in introductions', completedIntros: 5 },
  { name: 'Forwarder', description: 'paid it forward at least 3 times', paidForward: 3 },
] as const;
export type Badge = (typeof BADGES)[number]['name'];
