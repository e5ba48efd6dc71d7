import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { PG_POOL } from '@payforward/platform';
import type { Member } from '../member.type.js';
import { findMemberById } from '../members.read-model.js';
import { GetMemberQuery } from './get-member.query.js';

@QueryHandler(GetMemberQuery)
export class GetMemberHandler implements IQueryHandler<GetMemberQuery> {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  execute({ memberId }: GetMemberQuery): Promise<Member | null> {
    return findMemberById(this.pool, memberId);
  }
}
