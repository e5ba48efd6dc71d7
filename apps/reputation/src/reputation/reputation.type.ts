import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';

/**
 * Identity's Member as this subgraph sees it: only the key (Federation v1 `@extends` +
 * `@external`); this subgraph adds `Member.reputation`.
 */
@ObjectType('Member')
@Directive('@extends')
@Directive('@key(fields: "id")')
export class MemberReference {
  @Field(() => ID)
  @Directive('@external')
  id!: string;
}

@ObjectType()
export class LedgerEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  points!: number;

  @Field()
  ruleId!: string;

  @Field(() => Int)
  ruleVersion!: number;

  @Field(() => ID)
  sourceEventId!: string;

  @Field()
  reason!: string;

  @Field()
  occurredAt!: Date;
}

@ObjectType()
export class LedgerConnection {
  @Field(() => [LedgerEntry])
  nodes!: LedgerEntry[];

  @Field(() => Int)
  totalCount!: number;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

@ObjectType()
export class Reputation {
  @Field(() => MemberReference)
  member!: MemberReference;

  @Field(() => Int)
  score!: number;

  @Field()
  level!: string;

  @Field(() => [String])
  badges!: string[];

  @Field(() => Int)
  paidForwardCount!: number;
}
