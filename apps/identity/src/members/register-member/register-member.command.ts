import { Command } from '@nestjs/cqrs';
import type { Member } from '../member.type.js';
import type { RegisterInput } from './register.input.js';

export interface Authenticated {
  token: string;
  member: Member;
}

export interface RegisterOptions {
  /** Registers with the ADMIN role: only the first-admin bootstrap passes it, never the API. */
  admin?: boolean;
  /** Who caused the event when it is not the new member themself (e.g. `system:admin-bootstrap`). */
  actor?: string;
}

export class RegisterMemberCommand extends Command<Authenticated> {
  constructor(
    readonly input: RegisterInput,
    readonly correlationId: string,
    readonly options: RegisterOptions = {},
  ) {
    super();
  }
}
