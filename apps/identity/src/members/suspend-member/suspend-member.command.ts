import { Command } from '@nestjs/cqrs';
import type { Viewer } from '@payforward/platform';
import type { Member } from '../member.type.js';

export class SuspendMemberCommand extends Command<Member> {
  constructor(
    readonly admin: Viewer,
    readonly memberId: string,
    readonly reason: string,
    readonly forFraud: boolean,
    readonly correlationId: string,
  ) {
    super();
  }
}
