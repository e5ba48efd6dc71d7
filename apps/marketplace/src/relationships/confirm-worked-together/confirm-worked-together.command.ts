import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../shared/actor.js';
import type { Relationship } from '../relationship.type.js';

/** The signed-in member (as seeker) confirms `mentorId`'s attestation. */
export class ConfirmWorkedTogetherCommand extends Command<Relationship> {
  constructor(
    readonly actor: Actor,
    readonly mentorId: string,
  ) {
    super();
  }
}
