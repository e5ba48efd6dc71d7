import { Command } from '@nestjs/cqrs';
import type { Viewer } from '@payforward/platform';

/** The signed-in member asks for a new verification link; it supersedes the earlier one. */
export class ResendVerificationEmailCommand extends Command<boolean> {
  constructor(
    readonly viewer: Viewer,
    readonly correlationId: string,
  ) {
    super();
  }
}
