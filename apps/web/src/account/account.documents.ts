import { graphql } from '../gql';

export const VerifyEmailDocument = graphql(`
  mutation VerifyEmail($token: String!) { verifyEmail(token: $token) }
`);

export const ResendVerificationEmailDocument = graphql(`
  mutation ResendVerificationEmail { resendVerificationEmail }
`);

export const RequestPasswordResetDocument = graphql(`
  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }
`);

export const ResetPasswordDocument = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }
`);

/** Its own query, not part of the session's `me`: the badge may fail alone without signing anyone out. */
export const EmailVerifiedDocument = graphql(`
  query EmailVerified {
    me { id emailVerified }
  }
`);
