import { Query } from '@nestjs/cqrs';
import type { ProjectionStatus } from '../projection-status.type.js';

/** The status of every projection this service keeps (one: "reputation"). */
export class GetProjectionsQuery extends Query<ProjectionStatus[]> {}
