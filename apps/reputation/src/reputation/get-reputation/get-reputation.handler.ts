import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { PG_POOL } from '@payforward/platform';
import { findReputation, ledgerPage } from '../reputation.read-model.js';
import type { LedgerConnection, Reputation } from '../reputation.type.js';
import { GetLedgerQuery, GetReputationQuery } from './get-reputation.query.js';

@QueryHandler(GetReputationQuery)
export class GetReputationHandler implements IQueryHandler<GetReputationQuery> {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  execute({ memberId }: GetReputationQuery): Promise<Reputation | null> {
    return findReputation(this.pool, memberId);
  }
}

@QueryHandler(GetLedgerQuery)
export class GetLedgerHandler implements IQueryHandler<GetLedgerQuery> {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  execute({ memberId, first, after }: GetLedgerQuery): Promise<LedgerConnection> {
    return ledgerPage(this.pool, memberId, first, after);
  }
}
