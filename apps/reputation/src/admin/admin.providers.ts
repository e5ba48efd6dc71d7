import type { Provider } from '@nestjs/common';
import { AdjustReputationHandler } from './adjust-reputation/adjust-reputation.handler.js';
import { AdjustReputationResolver } from './adjust-reputation/adjust-reputation.resolver.js';
import { ResolveFlagHandler } from './resolve-flag/resolve-flag.handler.js';
import { ResolveFlagResolver } from './resolve-flag/resolve-flag.resolver.js';

/** Admin review: each decision's resolver and handler (the admin stream's relay is added by the module when enabled). */
export const ADMIN_PROVIDERS: Provider[] = [ResolveFlagResolver, ResolveFlagHandler, AdjustReputationResolver, AdjustReputationHandler];
