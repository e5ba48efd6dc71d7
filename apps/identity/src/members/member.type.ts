import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum Role {
  MEMBER = 'MEMBER',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role' });

@ObjectType()
export class Contact {
  @Field()
  email!: string;
}

/** The member entity: identity owns it; other subgraphs extend it by `id` (Federation v1). */
@ObjectType()
@Directive('@key(fields: "id")')
export class Member {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => String, { nullable: true })
  headline!: string | null;

  @Field()
  timezone!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field()
  suspended!: boolean;

  @Field({ description: 'Whether the member confirmed their e-mail address through the link mailed to it. Nothing is gated by it yet.' })
  emailVerified!: boolean;

  /** Not a field: read by the `contact` resolver, which decides who may see it. */
  email!: string;

  /**
   * Not a field: set on the member of an AuthPayload. The caller just proved to be this member
   * (register/login), though the request carried no token yet, so they see their own contact.
   */
  viewedBySelf?: boolean;
}

@ObjectType()
export class AuthPayload {
  @Field()
  token!: string;

  @Field(() => Member)
  member!: Member;
}
