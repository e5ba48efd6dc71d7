import { z } from 'zod';

/**
 * What the public GraphQL edge refuses before any subgraph is called (docs/adr/007-graphql-edge-limits.md).
 * Every number comes from the environment; the defaults fit the contract's deepest legitimate query
 * (depth 5) and GraphiQL's introspection query (about 180 tokens) with room to spare.
 */
export interface QueryLimits {
  /** Nesting of selection sets; fragments count at the depth they are spread. */
  depth: number;
  aliases: number;
  directives: number;
  /** Lexical tokens of one document: bounds parsing work before anything else runs. */
  tokens: number;
  /** graphql-armor's cost: 1 per scalar, 2 per object, ×1.5 per level, × the page size of every list. */
  cost: number;
  /** The page size assumed for a list field without a `first`/`last` argument (the subgraphs' default page is 20). */
  listSize: number;
  /** Operations in one batched request (a JSON array). */
  batch: number;
}

/** Root mutation fields that are rate-limited; each occurrence in a request counts, aliases and batches included. */
export type LimitedField = 'login' | 'register' | 'requestHelp' | 'requestPasswordReset' | 'resetPassword' | 'verifyEmail' | 'resendVerificationEmail';

export interface RateRule {
  field: LimitedField;
  /** `member` keys by the verified token's subject; requests without a valid token skip member rules. */
  per: 'ip' | 'member';
  points: number;
  durationSeconds: number;
  /** The variable that sets `points`, named in the refusal's log line. */
  env: string;
}

export interface EdgeConfig {
  production: boolean;
  limits: QueryLimits;
  rateLimits: RateRule[];
  /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed; empty: the socket's address is the client's. */
  trustedProxies: string[];
}

type Env = Record<string, string | undefined>;

export const QUERY_LIMIT_DEFAULTS: Record<keyof QueryLimits, [env: string, value: number]> = {
  depth: ['GRAPHQL_MAX_DEPTH', 6],
  aliases: ['GRAPHQL_MAX_ALIASES', 15],
  directives: ['GRAPHQL_MAX_DIRECTIVES', 10],
  tokens: ['GRAPHQL_MAX_TOKENS', 1000],
  cost: ['GRAPHQL_MAX_COST', 10_000],
  listSize: ['GRAPHQL_COST_LIST_SIZE', 20],
  batch: ['GRAPHQL_MAX_BATCH_OPERATIONS', 10],
};

const MINUTE = 60;
const HOUR = 3600;

export const RATE_LIMIT_DEFAULTS: readonly RateRule[] = [
  { field: 'login', per: 'ip', points: 10, durationSeconds: MINUTE, env: 'RATE_LIMIT_LOGIN_PER_MINUTE' },
  { field: 'register', per: 'ip', points: 5, durationSeconds: HOUR, env: 'RATE_LIMIT_REGISTER_PER_HOUR' },
  { field: 'requestHelp', per: 'member', points: 20, durationSeconds: HOUR, env: 'RATE_LIMIT_REQUEST_HELP_PER_HOUR' },
  // One address cycling through accounts (each registered within the register limit) still meets a ceiling.
  { field: 'requestHelp', per: 'ip', points: 100, durationSeconds: HOUR, env: 'RATE_LIMIT_REQUEST_HELP_PER_HOUR_PER_IP' },
  // Account mails (ADR 019): nobody mail-bombs an inbox through us, and tokens are not guessed by volume.
  { field: 'requestPasswordReset', per: 'ip', points: 5, durationSeconds: HOUR, env: 'RATE_LIMIT_PASSWORD_RESET_PER_HOUR' },
  { field: 'resetPassword', per: 'ip', points: 10, durationSeconds: HOUR, env: 'RATE_LIMIT_RESET_PASSWORD_PER_HOUR' },
  { field: 'verifyEmail', per: 'ip', points: 20, durationSeconds: HOUR, env: 'RATE_LIMIT_VERIFY_EMAIL_PER_HOUR' },
  { field: 'resendVerificationEmail', per: 'member', points: 5, durationSeconds: HOUR, env: 'RATE_LIMIT_VERIFICATION_EMAIL_PER_HOUR' },
];

const positive = z.coerce.number().int().min(1);

/** A set but invalid number fails the boot, like a missing JWT_SECRET: a typo must not silently lift a limit. */
function numberFrom(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const parsed = positive.safeParse(raw);
  if (!parsed.success) throw new Error(`${name} must be a whole number of at least 1, got "${raw}"`);
  return parsed.data;
}

export function loadEdgeConfig(env: Env = process.env): EdgeConfig {
  const limits = Object.fromEntries(
    Object.entries(QUERY_LIMIT_DEFAULTS).map(([key, [name, fallback]]) => [key, numberFrom(env, name, fallback)]),
  ) as unknown as QueryLimits;
  return {
    production: env.NODE_ENV === 'production',
    limits,
    rateLimits: RATE_LIMIT_DEFAULTS.map((rule) => ({ ...rule, points: numberFrom(env, rule.env, rule.points) })),
    trustedProxies: (env.GATEWAY_TRUSTED_PROXIES ?? '').split(',').map((p) => p.trim()).filter(Boolean),
  };
}
