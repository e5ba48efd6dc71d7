import { Query } from '@nestjs/cqrs';
import type { Member } from '../member.type.js';

export class GetMemberQuery extends Query<Member | null> {
  constructor(readonly memberId: string) {
    super();
  }
}
