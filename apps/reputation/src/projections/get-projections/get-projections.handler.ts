import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { PG_POOL } from '@payforward/platform';
import { ReputationConsumer } from '../../projection/reputation.consumer.js';
import { projectionStatus } from '../projection-status.read-model.js';
import type { ProjectionStatus } from '../projection-status.type.js';
import { GetProjectionsQuery } from './get-projections.query.js';

@QueryHandler(GetProjectionsQuery)
export class GetProjectionsHandler implements IQueryHandler<GetProjectionsQuery> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly consumer: ReputationConsumer,
  ) {}

  async execute(): Promise<ProjectionStatus[]> {
    return [await projectionStatus(this.pool, () => this.consumer.lag())];
  }
}
