import type { HelpKind } from '../gql/graphql';

/**
 * The shape of a good ask, checked before anything is sent. The server holds the same bounds
 * (REQUEST_RULES in libs/marketplace-domain; request-rules.test.ts keeps the two equal) and stays
 * the authority: these checks only spare the seeker a round trip and say what to improve.
 */
export const ASK_RULES = {
  message: { min: 50, max: 2000 },
  goal: { min: 10, max: 300 },
  context: { min: 30 },
  tried: { min: 10 },
} as const;

export interface AskDraft {
  goal: string;
  context: string;
  tried: string;
  /** INTRO only: the member the seeker hopes to meet. */
  introTargetId: string;
}

export type AskField = keyof AskDraft;
export type AskErrors = Partial<Record<AskField, string>>;

export const EMPTY_ASK: AskDraft = { goal: '', context: '', tried: '', introTargetId: '' };

/** The request's message: the context, then what the seeker already tried, as the mentor reads it. */
export function composeMessage(draft: AskDraft): string {
  const context = draft.context.trim();
  const tried = draft.tried.trim();
  return tried ? `${context}\n\nWhat I have tried so far: ${tried}` : context;
}

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

/** Everything wrong with the draft, one sentence per field; empty when it can be sent. */
export function validateAsk(draft: AskDraft, kind: HelpKind): AskErrors {
  const errors: AskErrors = {};
  const goal = draft.goal.trim();
  if (!goal) errors.goal = 'Say in one sentence what you hope to walk away with.';
  else if (goal.length < ASK_RULES.goal.min) errors.goal = `Give your goal a little more detail (at least ${ASK_RULES.goal.min} characters).`;
  else if (goal.length > ASK_RULES.goal.max) errors.goal = `Keep the goal to one sentence (at most ${ASK_RULES.goal.max} characters).`;

  const context = draft.context.trim();
  if (!context) errors.context = 'Tell the mentor where you are now: your role, your situation, what is at stake.';
  else if (context.length < ASK_RULES.context.min) errors.context = 'A little more context helps the mentor decide quickly (a sentence or two).';

  if (draft.tried.trim().length < ASK_RULES.tried.min) {
    errors.tried = 'Share what you already tried, even “nothing yet, I do not know where to start”.';
  }

  const message = composeMessage(draft);
  if (!errors.context && !errors.tried) {
    if (message.length < ASK_RULES.message.min) errors.context = `Together, context and what you tried need at least ${ASK_RULES.message.min} characters.`;
    else if (message.length > ASK_RULES.message.max) errors.context = `Please shorten your message to ${ASK_RULES.message.max} characters or fewer; mentors read many.`;
  }

  if (kind === 'INTRO' && !draft.introTargetId.trim()) errors.introTargetId = 'Name the member you hope to be introduced to (their member id).';
  return errors;
}

/** Length guidance under the message: a nudge, never a refusal. */
export function messageGuidance(draft: AskDraft): string {
  const message = composeMessage(draft);
  const n = words(message);
  const chars = `${message.length} / ${ASK_RULES.message.max} characters`;
  if (n === 0) return `Good asks are usually 60–200 words. ${chars}`;
  if (n < 60) return `${n} words: a bit more context makes it easy to say yes. ${chars}`;
  if (n <= 200) return `${n} words: a good length. ${chars}`;
  return `${n} words: mentors read many requests, so shorter is kinder. ${chars}`;
}
