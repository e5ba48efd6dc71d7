/**
 * The marketplace's GraphQL operations and offer inputs, shared by its integration specs (the
 * subgraph in-process) and the end-to-end specs (through the gateway): one text per operation.
 */
export const REQUEST_FIELDS = `id status message goal scheduledAt declineReason declineNote guidance vouchStatement referralOutcome
  createdAt updatedAt kind introConsent seeker { id } mentor { id } offer { id kind remainingCapacity }`;

export const MARKETPLACE_OPS = {
  publish: `mutation($input: PublishOfferInput!) {
    publishOffer(input: $input) { id kind title description topics capacity period durationMinutes remainingCapacity status minCompletedEngagements mentor { id } }
  }`,
  availability: 'mutation($input: AvailabilityInput!) { setAvailability(input: $input) { timezone windows { weekday start end } blackoutDates } }',
  request: `mutation($input: RequestHelpInput!) { requestHelp(input: $input) { ${REQUEST_FIELDS} } }`,
  accept: `mutation($id: ID!, $at: DateTime) { acceptRequest(id: $id, scheduledAt: $at) { ${REQUEST_FIELDS} } }`,
  decline: `mutation($id: ID!, $reason: DeclineReason!, $note: String) { declineRequest(id: $id, reason: $reason, note: $note) { ${REQUEST_FIELDS} } }`,
  withdraw: `mutation($id: ID!) { withdrawRequest(id: $id) { ${REQUEST_FIELDS} } }`,
  complete: `mutation($id: ID!) { completeRequest(id: $id) { ${REQUEST_FIELDS} } }`,
  noShow: `mutation($id: ID!, $absent: Party!) { reportNoShow(id: $id, absent: $absent) { ${REQUEST_FIELDS} } }`,
  feedback: `mutation($id: ID!, $rating: Int!, $note: String) { leaveFeedback(requestId: $id, rating: $rating, note: $note) { ${REQUEST_FIELDS} } }`,
  vouch: `mutation($id: ID!, $statement: String!) { vouch(requestId: $id, statement: $statement) { ${REQUEST_FIELDS} } }`,
  outcome: `mutation($id: ID!, $outcome: ReferralOutcome!) { reportReferralOutcome(requestId: $id, outcome: $outcome) { ${REQUEST_FIELDS} } }`,
  intro: `mutation($id: ID!, $consent: Boolean!) { respondToIntro(requestId: $id, consent: $consent) { ${REQUEST_FIELDS} } }`,
  helpRequest: `query($id: ID!) { helpRequest(id: $id) { ${REQUEST_FIELDS} } }`,
  relationship: `query($m: ID!, $s: ID!) { relationship(mentorId: $m, seekerId: $s) { mentor { id } seeker { id } completedEngagements workedTogether referralEligible } }`,
  dashboard: `{ mentorDashboard {
    offers { offer { id } used remaining periodStart periodEnd }
    pending { id createdAt } upcoming { id scheduledAt } availability { timezone windows { weekday start end } blackoutDates }
  } }`,
};

const OFFER_DEFAULTS: Record<string, Record<string, unknown>> = {
  ADVICE_CALL: { title: 'Backend career chat', topics: ['backend', 'career growth'], capacity: 3, period: 'WEEK', durationMinutes: 30 },
  MOCK_INTERVIEW: { title: 'System design mock interview', topics: ['system design'], capacity: 2, period: 'WEEK', durationMinutes: 60 },
  RESUME_REVIEW: { title: 'Résumé review for backend roles', topics: ['resume'], capacity: 5, period: 'MONTH' },
  INTRO: { title: 'Intros to engineering managers', topics: ['networking'], capacity: 2, period: 'MONTH' },
  REFERRAL: { title: 'Referral to my company', topics: ['referral'], capacity: 2, period: 'MONTH' },
};

/** A valid offer of `kind`, with `over` replacing any field. */
export const offerInput = (kind: string, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind,
  description: `A bounded ${kind.toLowerCase().replace('_', ' ')} offer for a spec.`,
  ...OFFER_DEFAULTS[kind],
  ...over,
});

/** Windows covering every day in the mentor's zone: any slot not crossing midnight is bookable. */
export const ALWAYS_AVAILABLE = { windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })), blackoutDates: [] };
