import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { AuthzWorld, Person } from './authz.world.js';

/**
 * A Subscription cell of the matrix, over graphql-ws through the gateway: the caller subscribes,
 * then a fresh seeker asks for help on an offer (the caller's, or `own`'s for an anonymous caller)
 * until the first message arrives. That message is the cell's reply: an event (data), a refusal
 * (errors), or a completion without either. A subscription has no acknowledgement, hence the
 * repeated triggers; each waits on the delivery itself, bounded.
 */
export type SubscriptionReply = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

const ATTEMPTS = 5;
const WAIT_PER_ATTEMPT_MS = 10_000;

export async function subscriptionReply(w: AuthzWorld, document: string, caller: Person | null): Promise<SubscriptionReply> {
  const client = createClient({
    url: w.stack.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: caller ? { authorization: `Bearer ${caller.token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
  let settle!: (reply: SubscriptionReply) => void;
  const first = new Promise<SubscriptionReply>((resolve) => (settle = resolve));
  const unsubscribe = client.subscribe(
    { query: document },
    {
      next: (message) => settle({ data: message.data as Record<string, any> | null | undefined, errors: message.errors as SubscriptionReply['errors'] }),
      error: (error) => settle({ errors: errorsOf(error) }),
      complete: () => settle({ errors: [{ message: 'completed without a message', extensions: { code: 'COMPLETED' } }] }),
    },
  );
  // The trigger in flight is awaited before returning: no request outlives the cell.
  let trigger: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  try {
    const mentor = caller ?? w.own;
    const offerId = await w.once(`review:${mentor.id}`, () => w.offer(mentor, 'RESUME_REVIEW'));
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const asked = w.request(await w.member('Asker'), offerId);
      trigger = asked.catch(() => undefined);
      const waited = asked.then(() => new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), WAIT_PER_ATTEMPT_MS))));
      const reply = await Promise.race([first, waited]);
      clearTimeout(timer);
      if (reply) return reply;
    }
    return { errors: [{ message: `no message after ${ATTEMPTS} requests`, extensions: { code: 'NO_MESSAGE' } }] };
  } finally {
    unsubscribe();
    await trigger;
    clearTimeout(timer); // set once the last trigger's request was answered
    await client.dispose();
  }
}

function errorsOf(error: unknown): SubscriptionReply['errors'] {
  if (Array.isArray(error)) return error as SubscriptionReply['errors'];
  const event = error as { code?: number; reason?: string; message?: string };
  return [{ message: String(event.reason ?? event.message ?? error), extensions: { code: `CLOSED_${event.code ?? 'UNKNOWN'}` } }];
}
