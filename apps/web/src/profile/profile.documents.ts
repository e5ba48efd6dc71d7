import { graphql } from '../gql';

/** Returns the Member with its id, so urql refetches `me` (the top bar's name) by itself. */
export const UpdateProfileDocument = graphql(`
  mutation UpdateProfile($displayName: String, $headline: String, $timezone: String) {
    updateProfile(displayName: $displayName, headline: $headline, timezone: $timezone) { id displayName headline timezone }
  }
`);

export const EraseMeDocument = graphql(`
  mutation EraseMe($password: String!) { eraseMe(password: $password) }
`);
