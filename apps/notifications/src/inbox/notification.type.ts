import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { NotificationCategory as Category } from '../rules/notification.rules.js';

export enum NotificationCategory {
  REQUESTS = 'REQUESTS',
  REMINDERS = 'REMINDERS',
  SESSIONS = 'SESSIONS',
  INTROS = 'INTROS',
  REPUTATION = 'REPUTATION',
  ADMIN = 'ADMIN',
}
registerEnumType(NotificationCategory, { name: 'NotificationCategory' });

// The rules' union and this enum must list the same values; this fails to compile otherwise.
const sameCategories: Record<Category, NotificationCategory> = NotificationCategory;
void sameCategories;

@ObjectType()
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationCategory)
  category!: NotificationCategory;

  @Field({ description: "A short sentence for the member, e.g. 'Sam asked you for an advice call.'" })
  text!: string;

  @Field(() => String, { nullable: true, description: 'Path in the web client the notification links to, e.g. /requests.' })
  link!: string | null;

  @Field()
  read!: boolean;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class NotificationConnection {
  @Field(() => [Notification])
  nodes!: Notification[];

  @Field(() => Int)
  totalCount!: number;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}
