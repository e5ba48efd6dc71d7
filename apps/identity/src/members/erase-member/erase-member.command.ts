import { Command } from '@nestjs/cqrs';
import type { Viewer } from '@payforward/platform';

/** Who asks for the erasure: the member (re-entering their password) or an admin (with a reason). */
export type ErasureRequest = { by: 'SELF'; viewer: Viewer; password: string } | { by: 'ADMIN'; admin: Viewer; memberId: string; reason: string };

export class EraseMemberCommand extends Command<boolean> {
  constructor(
    readonly request: ErasureRequest,
    readonly correlationId: string,
  ) {
    super();
  }
}
