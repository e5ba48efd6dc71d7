export * from './offer/offer.state.js';
export * from './offer/offer.rules.js';
export * from './offer/offer.checks.js';
export * from './offer/publish-offer.js';
export * from './offer/update-offer.js';
export * from './offer/pause-offer.js';
export * from './offer/resume-offer.js';
export * from './offer/retire-offer.js';
export * from './offer/offer.decider.js';

export * from './availability/availability.state.js';
export * from './availability/set-availability.js';
export * from './availability/availability.time-zone.js';
export * from './availability/availability.rules.js';
export * from './availability/availability.decider.js';
export * from './availability/availability.slots.js';

export * from './capacity/capacity.period.js';
export * from './capacity/capacity.state.js';
export * from './capacity/reserve-capacity.js';
export * from './capacity/release-capacity.js';
export * from './capacity/capacity.decider.js';

export * from './seeker-pending/seeker-pending.state.js';
export * from './seeker-pending/take-pending-slot.js';
export * from './seeker-pending/free-pending-slot.js';
export * from './seeker-pending/seeker-pending.decider.js';

export * from './relationship/relationship.rules.js';
export * from './relationship/worked-together.state.js';
export * from './relationship/attest-worked-together.js';
export * from './relationship/confirm-worked-together.js';
export * from './relationship/worked-together.decider.js';
export * from './relationship/block-list.state.js';
export * from './relationship/block-seeker.js';
export * from './relationship/block-list.decider.js';

export * from './help-request/guidance.js';
export * from './help-request/submit-help-request.js';
export * from './help-request/accept-help-request.js';
export * from './help-request/decline-help-request.js';
export * from './help-request/withdraw-help-request.js';
export * from './help-request/expire-help-request.js';
export * from './help-request/complete-help-request.js';
export * from './help-request/report-no-show.js';
export * from './help-request/leave-feedback.js';
export * from './help-request/vouch.js';
export * from './help-request/report-referral-outcome.js';
export * from './help-request/respond-to-intro.js';
export * from './help-request/help-request.state.js';
export * from './help-request/help-request.rules.js';
export * from './help-request/help-request.decider.js';
