import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../shared/actor.js';

/** The signed-in mentor blocks a member from requesting their help. */
export class BlockMemberCommand extends Command<boolean> {
  constructor(
    readonly actor: Actor,
    readonly memberId: string,
  ) {
    super();
  }
}
