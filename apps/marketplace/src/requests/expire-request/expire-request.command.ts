import { Command } from '@nestjs/cqrs';

/** Sent by the expiry scan, never by a member. Answers whether this run expired the request. */
export class ExpireHelpRequestCommand extends Command<boolean> {
  constructor(
    readonly requestId: string,
    readonly correlationId: string,
  ) {
    super();
  }
}
