import { Command } from '@nestjs/cqrs';
import type { Member } from '../member.type.js';
import type { RegisterInput } from './register.input.js';

export interface Authenticated {
  token: string;
  member: Member;
}

export class RegisterMemberCommand extends Command<Authenticated> {
  constructor(
    readonly input: RegisterInput,
    readonly correlationId: string,
  ) {
    super();
  }
}
