import { DomainError } from '@payforward/contracts';
import { requireAdmin as requirePlatformAdmin, type Viewer } from '@payforward/platform';

/** Reputation review is for admins (the ADMIN role in the verified token): anonymous → UNAUTHENTICATED, others → FORBIDDEN. */
export const requireAdmin = (viewer: Viewer | null | undefined): Viewer => requirePlatformAdmin(viewer, 'review reputation');

/** A mandatory note or reason: trimmed, not blank, at most 1000 characters (what the event contract accepts). */
export function requireStatement(value: string, field: string): string {
  const text = value.trim();
  if (text.length === 0) throw new DomainError('BAD_USER_INPUT', `A ${field} is required: it is kept in the audit trail.`, field);
  if (text.length > 1000) throw new DomainError('BAD_USER_INPUT', `The ${field} can be at most 1000 characters.`, field);
  return text;
}
