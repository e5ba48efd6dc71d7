import { graphql } from '../gql';

export const FlagsDocument = graphql(`
  query ReputationFlags($status: FlagStatus) {
    reputationFlags(status: $status) {
      id kind description evidence status raisedAt coveredPoints requestIds resolutionNote resolvedAt
      member { id displayName }
      members { id displayName }
      resolvedBy { id displayName }
    }
  }
`);

export const DismissDocument = graphql(`
  mutation DismissFlag($id: ID!, $note: String!) { dismissFlag(flagId: $id, note: $note) { id status resolutionNote } }
`);

export const ReverseDocument = graphql(`
  mutation ReverseFlag($id: ID!, $note: String!) { reverseFlag(flagId: $id, note: $note) { id status resolutionNote coveredPoints } }
`);

export const AdjustDocument = graphql(`
  mutation AdjustReputation($memberId: ID!, $points: Int!, $reason: String!) {
    adjustReputation(memberId: $memberId, points: $points, reason: $reason) { score }
  }
`);

export const HistoryDocument = graphql(`
  query MemberHistory($memberId: ID!) {
    memberHistory(memberId: $memberId) { id type streamId version occurredAt data }
  }
`);

export const ProjectionsDocument = graphql(`
  query Projections {
    projections { name lagEvents lastEventAt rebuilding rebuiltEvents rebuildTotalEvents rebuildStartedAt rebuildFinishedAt rebuildError }
  }
`);

export const RebuildDocument = graphql(`
  mutation RebuildProjection($name: String!) { rebuildProjection(name: $name) { name rebuilding } }
`);

export const LeaderboardDocument = graphql(`
  query Leaderboard($first: Int) { leaderboard(first: $first) { score level member { id displayName } } }
`);
