import type {
  DeclineReason,
  HelpKind,
  HelpRequestEvent,
  Party,
  ReferralOutcome,
  RelationshipEvidence,
  RequestStatus,
} from '@payforward/contracts';

/** What the request is, fixed at submission. */
export interface HelpRequestDetails {
  requestId: string;
  offerId: string;
  mentorId: string;
  seekerId: string;
  kind: HelpKind;
  durationMinutes: number | null;
  introTargetId: string | null;
  referral: { minCompletedEngagements: number; workedTogetherOnly: boolean; evidence: RelationshipEvidence } | null;
  submittedAt: string;
  expiresAt: string;
}

export interface ExistingHelpRequest {
  status: RequestStatus;
  request: HelpRequestDetails;
  scheduledAt: string | null;
  capacityPeriodKey: string | null;
  declineReason: DeclineReason | null;
  guidance: string | null;
  vouchStatement: string | null;
  referralOutcome: ReferralOutcome | null;
  /** INTRO: null until the target answers. */
  introConsent: boolean | null;
  absent: Party | null;
  /** Rating left by each side, once. */
  feedback: Partial<Record<Party, number>>;
}

export type HelpRequestState = { status: 'NONE' } | ExistingHelpRequest;

export const initialHelpRequestState = (): HelpRequestState => ({ status: 'NONE' });

export function evolveHelpRequest(state: HelpRequestState, event: HelpRequestEvent): HelpRequestState {
  if (event.type === 'HelpRequestSubmitted') {
    const { message: _message, goal: _goal, ...request } = event.data;
    return {
      status: 'SUBMITTED',
      request,
      scheduledAt: null,
      capacityPeriodKey: null,
      declineReason: null,
      guidance: null,
      vouchStatement: null,
      referralOutcome: null,
      introConsent: null,
      absent: null,
      feedback: {},
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'HelpRequestAccepted':
      return { ...state, status: 'ACCEPTED', scheduledAt: event.data.scheduledAt, capacityPeriodKey: event.data.capacityPeriodKey };
    case 'HelpRequestDeclined':
      return { ...state, status: 'DECLINED', declineReason: event.data.reason, guidance: event.data.guidance };
    case 'HelpRequestWithdrawn':
      return { ...state, status: 'WITHDRAWN' };
    case 'HelpRequestExpired':
      return { ...state, status: 'EXPIRED', guidance: event.data.guidance };
    case 'HelpRequestCompleted':
      return { ...state, status: 'COMPLETED' };
    case 'NoShowReported':
      return { ...state, status: 'NO_SHOW', absent: event.data.absent };
    case 'FeedbackLeft':
      return { ...state, feedback: { ...state.feedback, [event.data.side]: event.data.rating } };
    case 'ReferralVouched':
      return { ...state, vouchStatement: event.data.statement };
    case 'ReferralOutcomeReported':
      return { ...state, referralOutcome: event.data.outcome };
    case 'IntroConsented':
      return { ...state, introConsent: true };
    case 'IntroDeclined':
      // The target's "no" ends the request kindly: DECLINED, with guidance for the seeker.
      return { ...state, status: 'DECLINED', introConsent: false, guidance: event.data.guidance };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
