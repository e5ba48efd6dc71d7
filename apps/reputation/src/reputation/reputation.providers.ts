import type { Provider } from '@nestjs/common';
import { GetLedgerHandler, GetReputationHandler } from './get-reputation/get-reputation.handler.js';
import { GetReputationResolver } from './get-reputation/get-reputation.resolver.js';
import { LeaderboardHandler } from './leaderboard/leaderboard.handler.js';
import { LeaderboardResolver } from './leaderboard/leaderboard.resolver.js';
import { MemberReputationResolver } from './member-reputation.resolver.js';
import { ReputationLoaders } from './reputation.loaders.js';

/** Reads of the reputation projection: each use case's resolver and handler. Resolver order is the schema's field order. */
export const REPUTATION_PROVIDERS: Provider[] = [
  ReputationLoaders,
  GetReputationResolver,
  GetReputationHandler,
  GetLedgerHandler,
  LeaderboardResolver,
  LeaderboardHandler,
  MemberReputationResolver,
];
