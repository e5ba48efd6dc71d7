import { Query } from '@nestjs/cqrs';
import type { LedgerConnection, Reputation } from '../reputation.type.js';

export class GetReputationQuery extends Query<Reputation | null> {
  constructor(readonly memberId: string) {
    super();
  }
}

export class GetLedgerQuery extends Query<LedgerConnection> {
  constructor(
    readonly memberId: string,
    readonly first: number,
    readonly after: { occurredAt: string; id: string } | null,
  ) {
    super();
  }
}
