import type {
  HelpKind,
  HelpRequestAcceptedData,
  HelpRequestCompletedData,
  HelpRequestDeclinedData,
  HelpRequestExpiredData,
  HelpRequestSubmittedData,
  FlagRaisedEventData,
  FlagResolutionEventData,
  ReferralVouchedData,
  ReputationAdjustedEventData,
} from '@payforward/contracts';
import { RULEBOOK, type RuleId } from '@payforward/reputation-domain';

/** The contract's NotificationCategory. */
export const NOTIFICATION_CATEGORIES = ['REQUESTS', 'REMINDERS', 'SESSIONS', 'INTROS', 'REPUTATION', 'ADMIN'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** Where a template's other party goes; filled from the member mirror when the text is read. */
export const NAME = '{name}';

/**
 * What one event tells one member. `template` holds no name: the other party is `subjectId`,
 * rendered from the member mirror at read time, so erasing that member (the mirror's name
 * becomes the placeholder) leaves no plaintext name in anyone's inbox.
 */
export interface NotificationDraft {
  recipientId: string;
  category: NotificationCategory;
  template: string;
  subjectId: string | null;
  link: string | null;
}

/** What the rules may know beyond the event: the intro target named when the request was submitted. */
export interface RuleContext {
  introTargetId: string | null;
  /** For the review queue's arrivals: the admins (not erased, not suspended) when the flag is raised. */
  adminIds?: readonly string[];
}

export interface RuleEvent {
  type: string;
  data: unknown;
}

/** How a kind of help reads in a sentence (in-app texts and mails). */
export const KIND_PHRASE: Record<HelpKind, string> = {
  ADVICE_CALL: 'an advice call',
  RESUME_REVIEW: 'a résumé review',
  MOCK_INTERVIEW: 'a mock interview',
  INTRO: 'an introduction',
  REFERRAL: 'a referral',
};

const COMPLETION_RULE: Record<HelpKind, RuleId> = {
  ADVICE_CALL: 'completion.advice-call',
  RESUME_REVIEW: 'completion.resume-review',
  MOCK_INTERVIEW: 'completion.mock-interview',
  INTRO: 'completion.intro',
  REFERRAL: 'completion.referral',
};

const FLAG_KIND_PHRASE: Record<FlagRaisedEventData['kind'], string> = {
  RECIPROCAL_PAIR: 'two members who helped each other within a week',
  BURST: 'one mentor completing unusually many requests in a day',
};

const MENTOR_INBOX = '/dashboard';
const REVIEW_QUEUE = '/admin';
const SEEKER_INBOX = '/requests';
const REPUTATION_PAGE = '/reputation';

const signed = (points: number): string => (points > 0 ? `+${points}` : String(points));

/**
 * Event → who is told what, in-app. Pure: the consumer looks up the context and stores the
 * drafts. Texts carry display names only (never an e-mail or other contact detail) and the
 * seeker's message, goal and the mentor's notes are never quoted (they are sealed personal data).
 */
export function notificationsFor(event: RuleEvent, context: RuleContext = { introTargetId: null }): NotificationDraft[] {
  switch (event.type) {
    case 'HelpRequestSubmitted': {
      const d = event.data as HelpRequestSubmittedData;
      return [{ recipientId: d.mentorId, category: 'REQUESTS', template: `${NAME} asked you for ${KIND_PHRASE[d.kind]}.`, subjectId: d.seekerId, link: MENTOR_INBOX }];
    }
    case 'HelpRequestAccepted': {
      const d = event.data as HelpRequestAcceptedData;
      const drafts: NotificationDraft[] = [
        { recipientId: d.seekerId, category: 'REQUESTS', template: `${NAME} accepted your request for ${KIND_PHRASE[d.kind]}.`, subjectId: d.mentorId, link: SEEKER_INBOX },
      ];
      // Double opt-in: once the mentor agrees to introduce, the target is asked (introsAwaitingMe).
      if (d.kind === 'INTRO' && context.introTargetId) {
        drafts.push({
          recipientId: context.introTargetId,
          category: 'INTROS',
          template: `${NAME} would like to introduce someone to you. Will you agree to the introduction?`,
          subjectId: d.mentorId,
          link: SEEKER_INBOX,
        });
      }
      return drafts;
    }
    case 'HelpRequestDeclined': {
      const d = event.data as HelpRequestDeclinedData;
      return [{ recipientId: d.seekerId, category: 'REQUESTS', template: `${NAME} declined your request. ${d.guidance}`, subjectId: d.mentorId, link: SEEKER_INBOX }];
    }
    case 'HelpRequestExpired': {
      const d = event.data as HelpRequestExpiredData;
      return [{ recipientId: d.seekerId, category: 'REQUESTS', template: `Your request to ${NAME} expired without an answer. ${d.guidance}`, subjectId: d.mentorId, link: SEEKER_INBOX }];
    }
    case 'ReferralVouched': {
      const d = event.data as ReferralVouchedData;
      return [{ recipientId: d.seekerId, category: 'REQUESTS', template: `${NAME} vouched for you.`, subjectId: d.mentorId, link: SEEKER_INBOX }];
    }
    case 'HelpRequestCompleted': {
      const d = event.data as HelpRequestCompletedData;
      const points = RULEBOOK[COMPLETION_RULE[d.kind]].points ?? 0;
      // A referral's completion earns nothing (the vouch did): no "paid it forward" for it.
      if (points <= 0) return [];
      // The nominal points: the daily cap and 1/k decay may trim them, which the reputation page shows.
      return [
        {
          recipientId: d.mentorId,
          category: 'REPUTATION',
          template: `You paid it forward: ${KIND_PHRASE[d.kind]} with ${NAME} is complete (up to ${signed(points)} points).`,
          subjectId: d.seekerId,
          link: REPUTATION_PAGE,
        },
      ];
    }
    case 'ReputationAdjusted': {
      const d = event.data as ReputationAdjustedEventData;
      return [{ recipientId: d.memberId, category: 'REPUTATION', template: `An admin adjusted your reputation by ${signed(d.points)} points.`, subjectId: null, link: REPUTATION_PAGE }];
    }
    case 'FlagRaised': {
      const d = event.data as FlagRaisedEventData;
      // Admins see who in the queue itself; the notification names nobody.
      const template = `A new flag is waiting in the review queue: ${FLAG_KIND_PHRASE[d.kind] ?? 'activity to review'}.`;
      return (context.adminIds ?? []).map((recipientId) => ({ recipientId, category: 'ADMIN', template, subjectId: null, link: REVIEW_QUEUE }));
    }
    case 'FlagDismissed':
    case 'FlagReversed': {
      const d = event.data as FlagResolutionEventData;
      // The admin's note is about the member, not to them: the reputation page shows the outcome in their ledger.
      const outcome = event.type === 'FlagDismissed' ? 'left your points as they were' : 'reversed the points it named';
      const template = `An admin reviewed activity flagged for review on your account and ${outcome}.`;
      return [...new Set(d.memberIds ?? [])].map((recipientId) => ({ recipientId, category: 'REPUTATION', template, subjectId: null, link: REPUTATION_PAGE }));
    }
    default:
      return [];
  }
}

/** The sentence a member reads: the other party's current display name in place of the template's slot. */
export const renderText = (template: string, subjectName: string | null): string => template.split(NAME).join(subjectName ?? 'A member');
