import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { DomainError } from '@payforward/contracts';
import { PG_POOL } from '@payforward/platform';
import { PROJECTION_NAME } from '../../projection/projection.tables.js';
import { ReputationConsumer } from '../../projection/reputation.consumer.js';
import { ProjectionRebuilder } from '../../rebuild/projection.rebuilder.js';
import { projectionStatus } from '../projection-status.read-model.js';
import type { ProjectionStatus } from '../projection-status.type.js';
import { RebuildProjectionCommand } from './rebuild-projection.command.js';

@CommandHandler(RebuildProjectionCommand)
export class RebuildProjectionHandler implements ICommandHandler<RebuildProjectionCommand> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly rebuilder: ProjectionRebuilder,
    private readonly consumer: ReputationConsumer,
  ) {}

  async execute({ name }: RebuildProjectionCommand): Promise<ProjectionStatus> {
    if (name !== PROJECTION_NAME) throw new DomainError('NOT_FOUND', `There is no projection named "${name}"; see the projections query.`, 'name');
    if (!(await this.rebuilder.start())) throw new DomainError('CONFLICT', 'A rebuild of this projection is already running.', 'name');
    return projectionStatus(this.pool, () => this.consumer.lag());
  }
}
