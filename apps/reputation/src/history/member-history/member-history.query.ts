import { Query } from '@nestjs/cqrs';
import type { EventRecord } from '../event-record.type.js';

/** Every event that concerns a member, across services, oldest first. */
export class MemberHistoryQuery extends Query<EventRecord[]> {
  constructor(readonly memberId: string) {
    super();
  }
}
