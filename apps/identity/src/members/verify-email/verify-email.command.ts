import { Command } from '@nestjs/cqrs';

/** Anyone holding a verification link's token verifies that member's address (no sign-in: the link may open anywhere). */
export class VerifyEmailCommand extends Command<boolean> {
  constructor(
    readonly token: string,
    readonly correlationId: string,
  ) {
    super();
  }
}
