import { Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentViewer, requireViewer, type Viewer } from '@payforward/platform';
import { HelpRequest } from '../help-request.type.js';
import { IntrosAwaitingMeQuery } from './intros-awaiting-me.query.js';

@Resolver(() => HelpRequest)
export class IntrosAwaitingMeResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => [HelpRequest], {
    description: 'INTRO: the accepted introductions whose target is the signed-in member and that wait for their answer (respondToIntro), oldest first.',
  })
  introsAwaitingMe(@CurrentViewer() viewer: Viewer | null): Promise<HelpRequest[]> {
    return this.queries.execute(new IntrosAwaitingMeQuery(requireViewer(viewer, 'see introductions waiting for you')));
  }
}
