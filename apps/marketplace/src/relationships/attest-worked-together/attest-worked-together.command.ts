import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../shared/actor.js';
import type { Relationship } from '../relationship.type.js';

/** The signed-in member (as mentor) states they worked with `memberId`. */
export class AttestWorkedTogetherCommand extends Command<Relationship> {
  constructor(
    readonly actor: Actor,
    readonly memberId: string,
    readonly context: string,
  ) {
    super();
  }
}
