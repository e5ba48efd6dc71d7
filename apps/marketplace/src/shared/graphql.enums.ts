import { registerEnumType } from '@nestjs/graphql';
import {
  CAPACITY_PERIODS,
  DECLINE_REASONS,
  HELP_KINDS,
  OFFER_STATUSES,
  PARTIES,
  REFERRAL_OUTCOMES,
  REQUEST_STATUSES,
} from '@payforward/contracts';

/**
 * The contract's enums, built from the same lists the events and the domain use, so a value
 * the API accepts is by construction one the events can carry.
 */
const enumOf = <T extends string>(values: readonly T[], name: string): Record<T, T> => {
  const object = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  registerEnumType(object, { name });
  return object;
};

export const HelpKindEnum = enumOf(HELP_KINDS, 'HelpKind');
export const CapacityPeriodEnum = enumOf(CAPACITY_PERIODS, 'CapacityPeriod');
export const OfferStatusEnum = enumOf(OFFER_STATUSES, 'OfferStatus');
export const RequestStatusEnum = enumOf(REQUEST_STATUSES, 'RequestStatus');
export const DeclineReasonEnum = enumOf(DECLINE_REASONS, 'DeclineReason');
export const ReferralOutcomeEnum = enumOf(REFERRAL_OUTCOMES, 'ReferralOutcome');
export const PartyEnum = enumOf(PARTIES, 'Party');
