import { ERASED_TEXT, PERSONAL_DATA, type PersonalField } from '@payforward/contracts';
import type { DataKeys } from './data-keys.js';
import { openValue, ownerOf, sealValue } from './sealed-value.js';

/** An event as the codec sees it: anything with a literal type and a data object (NewEvent, StoredEvent, envelopes). */
export interface EventLike {
  type: string;
  data: Record<string, unknown>;
}

/**
 * Seals the personal fields of events before they are stored or published, and opens them
 * when they are read back (write-side folds, consumers, projections, history). A field whose
 * key was erased opens as the catalog's placeholder ("Erased member", "[erased]" or null), so
 * every replay and rebuild after an erasure shows the member as erased, with nothing else changed.
 *
 * Fits the event store's codec (encode on append, decode on read) as is.
 */
export class PersonalDataCodec {
  constructor(
    readonly keys: DataKeys,
    private readonly catalog: Readonly<Record<string, readonly PersonalField[]>> = PERSONAL_DATA,
  ) {}

  /** Copies of the events with every personal field sealed under its writer's key; the inputs are left as they are. */
  async sealEvents<E extends EventLike>(events: readonly E[]): Promise<E[]> {
    return Promise.all(events.map((e) => this.sealEvent(e)));
  }

  async sealEvent<E extends EventLike>(event: E): Promise<E> {
    const fields = this.catalog[event.type];
    if (!fields) return event;
    const data = { ...event.data };
    for (const { field, owner } of fields) {
      const value = data[field];
      if (typeof value !== 'string' || ownerOf(value) !== null) continue; // null stays null; sealed stays sealed
      const memberId = owner(event.data);
      if (!memberId) continue;
      data[field] = sealValue(await this.keys.forWriting(memberId), memberId, value);
    }
    return { ...event, data };
  }

  /** Copies with every sealed field opened (or replaced by its placeholder when the key is gone); keys are fetched in one batch. */
  async unsealEvents<E extends EventLike>(events: readonly E[]): Promise<E[]> {
    const owners = new Set<string>();
    for (const event of events) for (const value of Object.values(event.data)) {
      const owner = ownerOf(value);
      if (owner) owners.add(owner);
    }
    if (owners.size === 0) return [...events];
    const keys = await this.keys.forReading(owners);
    return events.map((event) => this.open(event, keys));
  }

  async unsealEvent<E extends EventLike>(event: E): Promise<E> {
    return (await this.unsealEvents([event]))[0]!;
  }

  /** The data of one event, opened: for readers that hold type and data apart (e.g. a stored fact). */
  async unsealData(type: string, data: Record<string, unknown>): Promise<Record<string, unknown>> {
    return (await this.unsealEvent({ type, data })).data;
  }

  /** The event store's codec: seal on append, open on read. */
  encode = <E extends EventLike>(events: readonly E[]): Promise<E[]> => this.sealEvents(events);
  decode = <E extends EventLike>(events: readonly E[]): Promise<E[]> => this.unsealEvents(events);

  private open<E extends EventLike>(event: E, keys: ReadonlyMap<string, Buffer | null>): E {
    let data: Record<string, unknown> | null = null;
    for (const [field, value] of Object.entries(event.data)) {
      const owner = ownerOf(value);
      if (!owner) continue;
      data ??= { ...event.data };
      const key = keys.get(owner) ?? null;
      data[field] = key ? openValue(key, value as string) : this.placeholder(event.type, field);
    }
    return data ? { ...event, data } : event;
  }

  private placeholder(type: string, field: string): string | null {
    const known = this.catalog[type]?.find((f) => f.field === field);
    return known ? known.erased : ERASED_TEXT;
  }
}
