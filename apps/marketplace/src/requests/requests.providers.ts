import type { Provider } from '@nestjs/common';
import { AcceptRequestHandler } from './accept-request/accept-request.handler.js';
import { AcceptRequestResolver } from './accept-request/accept-request.resolver.js';
import { CompleteRequestHandler } from './complete-request/complete-request.handler.js';
import { CompleteRequestResolver } from './complete-request/complete-request.resolver.js';
import { DeclineRequestHandler } from './decline-request/decline-request.handler.js';
import { DeclineRequestResolver } from './decline-request/decline-request.resolver.js';
import { ExpireHelpRequestHandler } from './expire-request/expire-request.handler.js';
import { ExpiryScheduler } from './expire-request/expiry.scheduler.js';
import { GetHelpRequestHandler, MyRequestsHandler } from './get-requests/get-requests.handler.js';
import { GetRequestsResolver } from './get-requests/get-requests.resolver.js';
import { HelpRequestActions } from './help-request.actions.js';
import { HelpRequestFieldsResolver } from './help-request.resolver.js';
import { IntrosAwaitingMeHandler } from './intros-awaiting-me/intros-awaiting-me.handler.js';
import { IntrosAwaitingMeResolver } from './intros-awaiting-me/intros-awaiting-me.resolver.js';
import { LeaveFeedbackHandler } from './leave-feedback/leave-feedback.handler.js';
import { LeaveFeedbackResolver } from './leave-feedback/leave-feedback.resolver.js';
import { ReportNoShowHandler } from './report-no-show/report-no-show.handler.js';
import { ReportNoShowResolver } from './report-no-show/report-no-show.resolver.js';
import { ReportReferralOutcomeHandler } from './report-referral-outcome/report-referral-outcome.handler.js';
import { ReportReferralOutcomeResolver } from './report-referral-outcome/report-referral-outcome.resolver.js';
import { RequestHelpHandler } from './request-help/request-help.handler.js';
import { RequestHelpResolver } from './request-help/request-help.resolver.js';
import { RespondToIntroHandler } from './respond-to-intro/respond-to-intro.handler.js';
import { RespondToIntroResolver } from './respond-to-intro/respond-to-intro.resolver.js';
import { VouchHandler } from './vouch/vouch.handler.js';
import { VouchResolver } from './vouch/vouch.resolver.js';
import { WithdrawRequestHandler } from './withdraw-request/withdraw-request.handler.js';
import { WithdrawRequestResolver } from './withdraw-request/withdraw-request.resolver.js';

/** Help requests: each use case's resolver and handler, and the expiry scan (EXPIRY_SETTINGS comes from the module's options). Resolver order is the schema's field order. */
export const REQUESTS_PROVIDERS: Provider[] = [
  GetRequestsResolver,
  GetHelpRequestHandler,
  MyRequestsHandler,
  IntrosAwaitingMeResolver,
  IntrosAwaitingMeHandler,
  HelpRequestFieldsResolver,
  HelpRequestActions,
  RequestHelpResolver,
  RequestHelpHandler,
  AcceptRequestResolver,
  AcceptRequestHandler,
  DeclineRequestResolver,
  DeclineRequestHandler,
  WithdrawRequestResolver,
  WithdrawRequestHandler,
  CompleteRequestResolver,
  CompleteRequestHandler,
  ReportNoShowResolver,
  ReportNoShowHandler,
  LeaveFeedbackResolver,
  LeaveFeedbackHandler,
  VouchResolver,
  VouchHandler,
  ReportReferralOutcomeResolver,
  ReportReferralOutcomeHandler,
  RespondToIntroResolver,
  RespondToIntroHandler,
  ExpireHelpRequestHandler,
  ExpiryScheduler,
];
