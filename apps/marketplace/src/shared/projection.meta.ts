/** Where an event sits, for projections: its stream, its version there, and when it was appended. */
export interface ProjectionMeta {
  streamId: string;
  version: number;
  occurredAt: Date;
}
