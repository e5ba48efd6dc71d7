import { Query } from '@nestjs/cqrs';
import type { Party, RequestStatus } from '@payforward/contracts';
import type { Viewer } from '@payforward/platform';
import type { HelpRequest } from '../help-request.type.js';

export class GetHelpRequestQuery extends Query<HelpRequest> {
  constructor(
    readonly viewer: Viewer,
    readonly requestId: string,
  ) {
    super();
  }
}

export class MyRequestsQuery extends Query<HelpRequest[]> {
  constructor(
    readonly viewer: Viewer,
    readonly as: Party,
    readonly statuses: RequestStatus[] | null,
  ) {
    super();
  }
}
