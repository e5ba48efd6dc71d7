import { DomainError, type CapacityEvent } from '@payforward/contracts';
import { iso } from '../shared/input.rules.js';
import type { CapacityLedgerState } from './capacity.state.js';

/** Takes a unit of the period's capacity for an accepted request. */
export interface ReserveCapacity {
  type: 'ReserveCapacity';
  data: {
    offerId: string;
    periodKey: string;
    requestId: string;
    /** The offer's capacity now (capacity lowered mid-period is honoured from then on). */
    capacity: number;
    /** WEEK or MONTH, only to word the refusal. */
    period?: 'WEEK' | 'MONTH';
    now: Date;
  };
}

export function reserveCapacity({ data }: ReserveCapacity, state: CapacityLedgerState): CapacityEvent[] {
  // A retried accept of the same request must not take a second unit.
  if (state.reserved.includes(data.requestId)) return [];
  if (state.reserved.length >= data.capacity) {
    const period = data.period === 'MONTH' ? 'month' : data.period === 'WEEK' ? 'week' : 'period';
    throw new DomainError(
      'CAPACITY_EXHAUSTED',
      `This offer has no capacity left this ${period} (${state.reserved.length} of ${data.capacity} used). The request stays pending; decline it kindly or accept it when capacity renews.`,
      'id',
    );
  }
  const { offerId, periodKey, requestId, capacity } = data;
  return [{ type: 'CapacityReserved', data: { offerId, periodKey, requestId, capacity, used: state.reserved.length + 1, reservedAt: iso(data.now) } }];
}

