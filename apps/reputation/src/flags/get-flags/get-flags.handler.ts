import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { PG_POOL } from '@payforward/platform';
import type { ReputationFlagView } from '../flag.type.js';
import { findFlags, flagViews } from '../flags.read-model.js';
import { GetFlagsQuery } from './get-flags.query.js';

@QueryHandler(GetFlagsQuery)
export class GetFlagsHandler implements IQueryHandler<GetFlagsQuery> {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async execute({ status }: GetFlagsQuery): Promise<ReputationFlagView[]> {
    return flagViews(this.pool, await findFlags(this.pool, status));
  }
}
