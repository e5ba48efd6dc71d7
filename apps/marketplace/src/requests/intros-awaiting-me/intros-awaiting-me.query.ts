import { Query } from '@nestjs/cqrs';
import type { Viewer } from '@payforward/platform';
import type { HelpRequest } from '../help-request.type.js';

/** The viewer as an introduction's target: the accepted intros waiting for their yes or no. */
export class IntrosAwaitingMeQuery extends Query<HelpRequest[]> {
  constructor(readonly viewer: Viewer) {
    super();
  }
}
