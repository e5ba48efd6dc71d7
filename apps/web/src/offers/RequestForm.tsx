import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { formErrors } from '../api/errors';
import { graphql } from '../gql';
import type { HelpKind } from '../gql/graphql';
import { Field, FormAlert } from '../ui/field';
import { ASK_RULES, composeMessage, EMPTY_ASK, messageGuidance, validateAsk, type AskDraft, type AskErrors } from './request-rules';

export const RequestHelpDocument = graphql(`
  mutation RequestHelp($input: RequestHelpInput!) {
    requestHelp(input: $input) { id status }
  }
`);

interface Props {
  offerId: string;
  kind: HelpKind;
  mentorName: string;
  onSent(requestId: string): void;
}

/** The server names `message`; the seeker wrote it as context + what they tried. */
const SERVER_FIELDS: Record<string, keyof AskDraft> = { goal: 'goal', message: 'context', introTargetId: 'introTargetId' };

/** Teaches a good ask: a goal, context, what was tried, with length guidance as you type. */
export function RequestForm({ offerId, kind, mentorName, onSent }: Props) {
  const [draft, setDraft] = useState<AskDraft>(EMPTY_ASK);
  const [shown, setShown] = useState<AskErrors>({});
  const [{ fetching, error }, requestHelp] = useMutation(RequestHelpDocument);
  const server = formErrors(error, Object.keys(SERVER_FIELDS));
  const serverField = (field: keyof AskDraft) =>
    Object.entries(SERVER_FIELDS).find(([from, to]) => to === field && server.fields[from])?.[0];
  const errorOf = (field: keyof AskDraft) => shown[field] ?? (serverField(field) ? server.fields[serverField(field)!] : undefined);

  const set = (key: keyof AskDraft) => (e: { target: { value: string } }) => {
    const next = { ...draft, [key]: e.target.value };
    setDraft(next);
    // Once a field was flagged, it clears as soon as it is good: no nagging while typing.
    if (shown[key]) setShown({ ...shown, [key]: validateAsk(next, kind)[key] });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = validateAsk(draft, kind);
    setShown(problems);
    if (Object.keys(problems).length > 0) return;
    const input = {
      offerId,
      goal: draft.goal.trim(),
      message: composeMessage(draft),
      ...(kind === 'INTRO' ? { introTargetId: draft.introTargetId.trim() } : {}),
    };
    const result = await requestHelp({ input });
    if (result.data) onSent(result.data.requestHelp.id);
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-label={`Ask ${mentorName} for help`}>
      <h2>Ask {mentorName}</h2>
      <p className="muted">
        A good ask is easy to say yes to: what you want to walk away with, where you are, and what you already tried.
      </p>
      <Field
        label="Your goal"
        hint="One sentence: what would make this worth both your time?"
        error={errorOf('goal')}
        counter={`${draft.goal.trim().length} / ${ASK_RULES.goal.max}`}
      >
        <input value={draft.goal} onChange={set('goal')} maxLength={ASK_RULES.goal.max + 50} placeholder="A preparation plan for my first system design interview" />
      </Field>
      <Field label="Context" hint="Who you are and where you stand: your role, your situation, your timeline." error={errorOf('context')}>
        <textarea rows={5} value={draft.context} onChange={set('context')} />
      </Field>
      <Field label="What you already tried" hint="Books, courses, people you asked, what worked and what did not." error={errorOf('tried')} counter={messageGuidance(draft)}>
        <textarea rows={3} value={draft.tried} onChange={set('tried')} />
      </Field>
      {kind === 'INTRO' && (
        <Field
          label="Who you hope to meet (member id)"
          hint="An introduction is double opt-in: the mentor asks them first, and contacts are shared only if they agree."
          error={errorOf('introTargetId')}
        >
          <input value={draft.introTargetId} onChange={set('introTargetId')} />
        </Field>
      )}
      <FormAlert messages={server.general} />
      <button type="submit" className="button" disabled={fetching}>
        {fetching ? 'Sending…' : 'Send request'}
      </button>
      <p className="muted small">You can have up to 3 requests waiting at a time, one per mentor. Unanswered requests expire after 7 days, with no penalty to anyone.</p>
    </form>
  );
}
