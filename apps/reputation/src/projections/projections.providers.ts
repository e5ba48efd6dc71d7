import type { Provider } from '@nestjs/common';
import { GetProjectionsHandler } from './get-projections/get-projections.handler.js';
import { GetProjectionsResolver } from './get-projections/get-projections.resolver.js';
import { RebuildProjectionHandler } from './rebuild-projection/rebuild-projection.handler.js';
import { RebuildProjectionResolver } from './rebuild-projection/rebuild-projection.resolver.js';

export const PROJECTIONS_PROVIDERS: Provider[] = [GetProjectionsResolver, GetProjectionsHandler, RebuildProjectionResolver, RebuildProjectionHandler];
