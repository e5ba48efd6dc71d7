import type { Provider } from '@nestjs/common';
import { GetFlagsHandler } from './get-flags/get-flags.handler.js';
import { GetFlagsResolver } from './get-flags/get-flags.resolver.js';

export const FLAGS_PROVIDERS: Provider[] = [GetFlagsResolver, GetFlagsHandler];
