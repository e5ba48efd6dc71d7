import { DomainError } from '@payforward/contracts';
import type { GraphQLError } from 'graphql';
import { apiError } from '../graphql/api-errors.js';
import type { Viewer } from './jwt.js';
import type { SessionRejection } from './viewer-authenticator.js';

/**
 * Authorization in one place for every service: who may call at all (a viewer), who may run
 * admin operations (the ADMIN role of the verified token), and what a caller whose credentials
 * were refused hears. Ownership ("only the offer's mentor") stays in the command handlers,
 * which know who owns what.
 */

export const isAdmin = (viewer: Viewer): boolean => viewer.roles.includes('ADMIN');

/** Member operations need a verified token: anonymous → UNAUTHENTICATED. */
export function requireViewer(viewer: Viewer | null | undefined, action = 'do this'): Viewer {
  if (!viewer) throw new DomainError('UNAUTHENTICATED', `Sign in to ${action}.`);
  return viewer;
}

/** Admin operations: anonymous → UNAUTHENTICATED, a member without the ADMIN role → FORBIDDEN. */
export function requireAdmin(viewer: Viewer | null | undefined, action = 'do this'): Viewer {
  if (!viewer) throw new DomainError('UNAUTHENTICATED', `Sign in as an admin to ${action}.`);
  if (!isAdmin(viewer)) throw new DomainError('FORBIDDEN', `Only admins can ${action}.`);
  return viewer;
}

const SESSION_ENDED: Record<SessionRejection, string> = {
  expired: 'Your session has expired. Sign in again.',
  invalid: 'Your sign-in token is not valid. Sign in again.',
  suspended: 'Your session has ended: this account is suspended.',
  erased: 'Your session has ended: this account was erased.',
  ended: 'Your session has ended: the password was reset. Sign in again.',
};

/**
 * The refusal for a request whose credentials were rejected, as a GraphQLError carrying its
 * code (Mercurius passes a refused subscription's error on without the error formatter).
 */
export const sessionEnded = (rejection: SessionRejection): GraphQLError => apiError('UNAUTHENTICATED', SESSION_ENDED[rejection]);
