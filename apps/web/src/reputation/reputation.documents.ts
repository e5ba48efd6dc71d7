import { graphql } from '../gql';

export const LedgerLineFields = graphql(`
  fragment LedgerLine on LedgerEntry { id points ruleId ruleVersion sourceEventId reason occurredAt }
`);

export const ReputationDocument = graphql(`
  query Reputation($memberId: ID!, $first: Int, $after: String) {
    reputation(memberId: $memberId) {
      score level badges paidForwardCount
      member { id displayName headline }
      ledger(first: $first, after: $after) { totalCount endCursor hasNextPage nodes { ...LedgerLine } }
    }
  }
`);
