import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class ProjectionStatus {
  @Field()
  name!: string;

  @Field(() => Int, { description: 'Events the live consumer group has not applied yet, plus, during a rebuild, the stored facts not yet replayed into the new tables.' })
  lagEvents!: number;

  @Field(() => Date, { nullable: true, description: 'Event time of the newest event applied.' })
  lastEventAt!: Date | null;

  @Field()
  rebuilding!: boolean;

  @Field(() => Int, { description: 'The current or last rebuild: facts replayed into the new tables so far.' })
  rebuiltEvents!: number;

  @Field(() => Int, { description: 'The current or last rebuild: facts in its snapshot.' })
  rebuildTotalEvents!: number;

  @Field(() => Date, { nullable: true })
  rebuildStartedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  rebuildFinishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last rebuild failed (the live tables stayed), if it did.' })
  rebuildError!: string | null;
}
