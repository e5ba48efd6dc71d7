import type { Provider } from '@nestjs/common';
import { AttestWorkedTogetherHandler } from './attest-worked-together/attest-worked-together.handler.js';
import { AttestWorkedTogetherResolver } from './attest-worked-together/attest-worked-together.resolver.js';
import { AttestationsAwaitingMeResolver } from './attestations-awaiting-me/attestations-awaiting-me.resolver.js';
import { BlockMemberHandler } from './block-member/block-member.handler.js';
import { BlockMemberResolver } from './block-member/block-member.resolver.js';
import { ConfirmWorkedTogetherHandler } from './confirm-worked-together/confirm-worked-together.handler.js';
import { ConfirmWorkedTogetherResolver } from './confirm-worked-together/confirm-worked-together.resolver.js';
import { GetRelationshipResolver } from './get-relationship/get-relationship.resolver.js';

/** Relationships and blocks: each use case's resolver and handler. Resolver order is the schema's field order. */
export const RELATIONSHIPS_PROVIDERS: Provider[] = [
  GetRelationshipResolver,
  AttestationsAwaitingMeResolver,
  BlockMemberResolver,
  BlockMemberHandler,
  AttestWorkedTogetherResolver,
  AttestWorkedTogetherHandler,
  ConfirmWorkedTogetherResolver,
  ConfirmWorkedTogetherHandler,
];
