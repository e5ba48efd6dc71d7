import { Command } from '@nestjs/cqrs';
import type { Viewer } from '@payforward/platform';
import type { Member } from '../member.type.js';

/** The viewer's own profile; an absent argument (undefined) leaves its field as it is. */
export interface ProfileChanges {
  displayName?: string | null;
  headline?: string | null;
  timezone?: string | null;
}

export class UpdateProfileCommand extends Command<Member> {
  constructor(
    readonly viewer: Viewer,
    readonly changes: ProfileChanges,
    readonly correlationId: string,
  ) {
    super();
  }
}
