import type {
  HelpRequestAcceptedData,
  HelpRequestCompletedData,
  HelpRequestDeclinedData,
  HelpRequestExpiredData,
  HelpRequestSubmittedData,
  ReputationAdjustedEventData,
} from '@payforward/contracts';
import { RULEBOOK } from '@payforward/reputation-domain';
import { KIND_PHRASE, renderText, type NotificationDraft, type RuleEvent } from '../rules/notification.rules.js';
import type { EmailDraft } from './email-draft.js';

const signed = (points: number): string => (points > 0 ? `+${points}` : String(points));

/**
 * The e-mail twin of one in-app draft: which template and which vars (no names, no contact
 * details, no sealed texts: the other party stays an id, named from the mirror when the mail is
 * written). Every in-app trigger has one; preferences decide whether it goes at once, in the
 * digest or not at all. Pure.
 */
export function emailFor(event: RuleEvent & { id: string; occurredAt: string }, draft: NotificationDraft): EmailDraft | null {
  const base = { recipientId: draft.recipientId, category: draft.category, sourceEventId: event.id, subjectId: draft.subjectId, link: draft.link };
  switch (event.type) {
    case 'HelpRequestSubmitted': {
      const d = event.data as HelpRequestSubmittedData;
      return { ...base, kind: 'request-submitted', vars: { kind: KIND_PHRASE[d.kind], at: d.submittedAt, expiresAt: d.expiresAt } };
    }
    case 'HelpRequestAccepted': {
      const d = event.data as HelpRequestAcceptedData;
      if (draft.category === 'INTROS') return { ...base, kind: 'intro-consent', vars: {} };
      const vars: Record<string, string> = { kind: KIND_PHRASE[d.kind] };
      if (d.scheduledAt) vars.scheduledAt = d.scheduledAt;
      if (d.durationMinutes) vars.durationMinutes = String(d.durationMinutes);
      return { ...base, kind: 'request-accepted', vars };
    }
    case 'HelpRequestDeclined':
      return { ...base, kind: 'request-declined', vars: { guidance: (event.data as HelpRequestDeclinedData).guidance } };
    case 'HelpRequestExpired':
      return { ...base, kind: 'request-expired', vars: { guidance: (event.data as HelpRequestExpiredData).guidance } };
    case 'ReferralVouched':
      return { ...base, kind: 'referral-vouched', vars: {} };
    case 'HelpRequestCompleted': {
      const d = event.data as HelpRequestCompletedData;
      const rule = d.kind === 'INTRO' ? 'completion.intro' : d.kind === 'RESUME_REVIEW' ? 'completion.resume-review' : d.kind === 'MOCK_INTERVIEW' ? 'completion.mock-interview' : 'completion.advice-call';
      return { ...base, kind: 'paid-forward', vars: { kind: KIND_PHRASE[d.kind], points: signed(RULEBOOK[rule].points ?? 0) } };
    }
    case 'ReputationAdjusted':
      return { ...base, kind: 'reputation-adjusted', vars: { points: signed((event.data as ReputationAdjustedEventData).points) } };
    // Their in-app sentences name nobody (ADR 020): the mail says the same.
    case 'FlagRaised':
      return { ...base, kind: 'flag-raised', vars: { text: renderText(draft.template, null) } };
    case 'FlagDismissed':
    case 'FlagReversed':
      return { ...base, kind: 'flag-resolved', vars: { text: renderText(draft.template, null) } };
    default:
      return null;
  }
}
