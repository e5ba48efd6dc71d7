import { Command } from '@nestjs/cqrs';

/** Anyone asks for a reset link for an address; the answer never says whether it has an account. */
export class RequestPasswordResetCommand extends Command<boolean> {
  constructor(
    readonly email: string,
    readonly correlationId: string,
  ) {
    super();
  }
}
