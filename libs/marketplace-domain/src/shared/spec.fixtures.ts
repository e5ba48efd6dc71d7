import { DomainError, EVENT_CATALOG, type DomainEvent, type ErrorCode } from '@payforward/contracts';

/** Test-only helpers shared by the marketplace specs (not exported from the library). */

/** Deterministic UUIDs that still pass the contracts' `z.uuid()` checks. */
export const uuid = (n: number): string => `0193a0b4-6f1e-7c3a-9d2e-${n.toString(16).padStart(12, '0')}`;

/** Asserts a refusal: a DomainError with this code and (when given) field and message. */
export function expectRefusal(error: unknown, code: ErrorCode, field?: string, message?: RegExp): void {
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject(field === undefined ? { code } : { code, field });
  if (message) expect((error as DomainError).message).toMatch(message);
}

/** Asserts that each event's data satisfies the payload schema its contract publishes. */
export function expectValidEvents(events: readonly DomainEvent[]): void {
  for (const event of events) {
    const contract = EVENT_CATALOG[event.type];
    expect(contract).toBeDefined();
    const parsed = contract!.schema.safeParse(event.data);
    if (!parsed.success) throw new Error(`${event.type} breaks its contract: ${JSON.stringify(parsed.error.issues)}`);
  }
}
