// The seed's plumbing: GraphQL over fetch, waiting for eventually consistent reads, progress
// lines, and finding a bookable slot in a mentor's weekly windows (plain Node, no dependencies).

export class GraphQLFailure extends Error {
  constructor(operation, errors) {
    super(`${operation}: ${errors.map((e) => `${e.extensions?.code ?? 'ERROR'}${e.extensions?.field ? ` (${e.extensions.field})` : ''}: ${e.message}`).join('; ')}`);
    this.errors = errors;
    this.code = errors[0]?.extensions?.code;
  }
}

export function client(endpoint) {
  /** Runs one operation; throws GraphQLFailure on any error so a broken step is never silent. */
  async function gql(query, variables = {}, token) {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status}, not JSON` }] }));
    const operation = /(?:query|mutation)\s*(?:\([^)]*\))?\s*\{\s*(\w+)/.exec(query)?.[1] ?? 'operation';
    if (body.errors?.length) throw new GraphQLFailure(operation, body.errors);
    return body.data;
  }
  return { gql };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Repeats `attempt` while it fails with a code in `retryOn` (reads and checks that depend on
 * projections catching up: the marketplace learns of new members and relationships from Kafka).
 */
export async function eventually(attempt, { retryOn = ['NOT_FOUND', 'BAD_USER_INPUT', 'RELATIONSHIP_REQUIRED'], timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 100; ; delay = Math.min(delay * 2, 1_000)) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof GraphQLFailure) || !retryOn.includes(error.code) || Date.now() > deadline) throw error;
      await sleep(delay);
    }
  }
}

/** Polls `probe` until it returns something truthy. */
export async function until(probe, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 100; ; delay = Math.min(delay * 2, 1_000)) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(delay);
  }
}

/** One progress line per phase, rewritten in place on a terminal: "  offers 12/40". */
export function progress(label, total) {
  let done = 0;
  const tty = process.stdout.isTTY;
  const write = (end = '') => process.stdout.write(`${tty ? '\r' : ''}    ${label.padEnd(22)} ${done}/${total}${end}`);
  if (tty) write();
  return {
    tick() {
      done += 1;
      if (tty) write();
    },
    end() {
      write('\n');
    },
  };
}

// --- slots ---------------------------------------------------------------------------------

const WEEKDAYS = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const minutes = (hhmm) => (hhmm === '24:00' ? 1440 : Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)));

function wallClock(instant, timeZone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { weekday: WEEKDAYS[parts.weekday], date: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/**
 * The first start at or after `from` (30-minute steps) where a `durationMinutes` session fits
 * inside one of the availability's weekly windows on the mentor's wall clock, off the blackout
 * dates, and clear of `busy` sessions [start, end) of the same mentor.
 */
export function nextFreeSlot(availability, durationMinutes, busy, from = new Date(Date.now() + 26 * 3_600_000)) {
  const step = 30 * 60_000;
  let t = Math.ceil(from.getTime() / step) * step;
  for (const limit = t + 14 * 86_400_000; t < limit; t += step) {
    const start = wallClock(new Date(t), availability.timezone);
    const end = wallClock(new Date(t + durationMinutes * 60_000), availability.timezone);
    if (availability.blackoutDates.includes(start.date)) continue;
    const endMinute = end.date === start.date ? end.minute : end.minute === 0 ? 1440 : -1;
    if (endMinute <= start.minute) continue;
    const fits = availability.windows.some((w) => w.weekday === start.weekday && minutes(w.start) <= start.minute && endMinute <= minutes(w.end));
    const clashes = busy.some(([s, e]) => t < e && s < t + durationMinutes * 60_000);
    if (fits && !clashes) {
      busy.push([t, t + durationMinutes * 60_000]);
      return new Date(t).toISOString();
    }
  }
  throw new Error(`no free ${durationMinutes}-minute slot in the next 14 days of ${JSON.stringify(availability.windows)}`);
}

/** A calendar date `days` from today (UTC), for blackout dates. */
export const dateInDays = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
