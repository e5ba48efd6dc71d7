import { EVENT_CATALOG, isIntegrationEvent } from './catalog.js';

/** ADR 012: which events leave their service. Consumers' own specs check they need only integration events. */
describe('integration and internal events', () => {
  it('every contract says whether it is an integration event', () => {
    for (const [type, contract] of Object.entries(EVENT_CATALOG)) expect([type, typeof contract.integration]).toEqual([type, 'boolean']);
  });

  it('the internal events are the marketplace consistency-boundary bookkeeping: pending slots and the capacity ledger', () => {
    const internal = Object.keys(EVENT_CATALOG).filter((type) => !isIntegrationEvent(type));
    expect(internal.sort()).toEqual(['CapacityReleased', 'CapacityReserved', 'PendingSlotFreed', 'PendingSlotTaken']);
  });

  it('a type without a contract (a spec’s own) is published, as before the flag', () => {
    expect(isIntegrationEvent('ThingHappened')).toBe(true);
  });
});
