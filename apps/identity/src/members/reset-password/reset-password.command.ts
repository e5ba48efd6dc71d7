import { Command } from '@nestjs/cqrs';

/** The holder of a reset link's token sets a new password; every session of the member ends. */
export class ResetPasswordCommand extends Command<boolean> {
  constructor(
    readonly token: string,
    readonly newPassword: string,
    readonly correlationId: string,
  ) {
    super();
  }
}
