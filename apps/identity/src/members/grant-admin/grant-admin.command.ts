import { Command } from '@nestjs/cqrs';
import type { Viewer } from '@payforward/platform';
import type { Member } from '../member.type.js';

export class GrantAdminCommand extends Command<Member> {
  constructor(
    readonly admin: Viewer,
    readonly memberId: string,
    readonly correlationId: string,
  ) {
    super();
  }
}
