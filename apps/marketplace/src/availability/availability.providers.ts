import type { Provider } from '@nestjs/common';
import { SetAvailabilityHandler } from './set-availability/set-availability.handler.js';
import { SetAvailabilityResolver } from './set-availability/set-availability.resolver.js';

/** Availability: each use case's resolver and handler. */
export const AVAILABILITY_PROVIDERS: Provider[] = [SetAvailabilityResolver, SetAvailabilityHandler];
