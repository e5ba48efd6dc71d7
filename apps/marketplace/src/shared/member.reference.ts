import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/**
 * Identity's Member as the marketplace sees it: only the key (Federation v1 `@extends` +
 * `@external`). Offers and requests return `{ id }`; the gateway asks identity for the rest,
 * so contact privacy is decided where the contact lives.
 */
@ObjectType('Member')
@Directive('@extends')
@Directive('@key(fields: "id")')
export class MemberReference {
  @Field(() => ID)
  @Directive('@external')
  id!: string;
}

export const memberRef = (id: string): MemberReference => ({ id });
