import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { formErrors } from '../api/errors';
import { graphql } from '../gql';
import type { DashboardFieldsFragment } from '../gql/graphql';
import { Field, FormAlert } from '../ui/field';
import { formatDate } from '../ui/format';

const SetAvailabilityDocument = graphql(`
  mutation SetAvailability($input: AvailabilityInput!) {
    setAvailability(input: $input) { timezone windows { weekday start end } blackoutDates }
  }
`);

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

interface Row {
  key: number;
  weekday: number;
  start: string;
  end: string;
}

let nextKey = 1;
const rowOf = (w: { weekday: number; start: string; end: string }): Row => ({ key: nextKey++, ...w });

/** A window's problem as a sentence, or null. */
export function windowProblem(row: { start: string; end: string }): string | null {
  if (!TIME.test(row.start) || !TIME.test(row.end)) return 'Use 24-hour times like 09:00 and 17:30 (24:00 for midnight).';
  if (row.start >= row.end) return 'The window must end after it starts.';
  return null;
}

/** Weekly windows in the mentor's time zone, plus blackout dates; saved as a whole. */
export function AvailabilityEditor({ availability, fallbackZone }: { availability: DashboardFieldsFragment['availability']; fallbackZone: string }) {
  const [timezone, setTimezone] = useState(availability?.timezone ?? fallbackZone);
  const [rows, setRows] = useState<Row[]>(() => (availability?.windows ?? []).map(rowOf));
  const [blackouts, setBlackouts] = useState<string[]>(() => [...(availability?.blackoutDates ?? [])].sort());
  const [newBlackout, setNewBlackout] = useState('');
  const [showProblems, setShowProblems] = useState(false);
  const [{ fetching, error, data }, save] = useMutation(SetAvailabilityDocument);
  const [saved, setSaved] = useState(false);
  const errors = formErrors(error, ['timezone', 'start', 'end', 'weekday', 'windows', 'blackoutDates']);
  const windowsError = errors.fields.start ?? errors.fields.end ?? errors.fields.weekday ?? errors.fields.windows;

  const change = (key: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const addBlackout = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newBlackout) || blackouts.includes(newBlackout)) return;
    setBlackouts([...blackouts, newBlackout].sort());
    setNewBlackout('');
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (rows.some((r) => windowProblem(r))) return;
    const input = { timezone: timezone.trim(), windows: rows.map(({ weekday, start, end }) => ({ weekday, start, end })), blackoutDates: blackouts };
    const result = await save({ input });
    setSaved(!!result.data);
  };

  return (
    <form className="card form availability" onSubmit={submit} noValidate aria-label="Weekly availability">
      <Field label="Time zone" hint="Windows are read on this clock; seekers see times in their own." error={errors.fields.timezone}>
        <input value={timezone} onChange={(e) => setTimezone(e.target.value)} />
      </Field>
      <fieldset>
        <legend>Weekly windows</legend>
        {WEEKDAYS.map((name, i) => {
          const weekday = i + 1;
          const own = rows.filter((r) => r.weekday === weekday);
          return (
            <div key={name} className="weekday">
              <span className="weekday__name">{name}</span>
              <div className="weekday__windows">
                {own.length === 0 && <span className="muted small">Not available</span>}
                {own.map((row) => {
                  const problem = showProblems ? windowProblem(row) : null;
                  return (
                    <div key={row.key} className="window">
                      <label>
                        <span className="visually-hidden">{name} window starts</span>
                        <input className="time" value={row.start} onChange={(e) => change(row.key, { start: e.target.value })} inputMode="numeric" aria-invalid={problem ? true : undefined} />
                      </label>
                      <span aria-hidden="true">–</span>
                      <label>
                        <span className="visually-hidden">{name} window ends</span>
                        <input className="time" value={row.end} onChange={(e) => change(row.key, { end: e.target.value })} inputMode="numeric" aria-invalid={problem ? true : undefined} />
                      </label>
                      <button type="button" className="button button--link" onClick={() => setRows(rows.filter((r) => r.key !== row.key))}>
                        Remove<span className="visually-hidden"> {name} {row.start}–{row.end}</span>
                      </button>
                      {problem && (
                        <span className="field__error" role="alert">
                          {problem}
                        </span>
                      )}
                    </div>
                  );
                })}
              </div>
              <button type="button" className="button button--link" onClick={() => setRows([...rows, rowOf({ weekday, start: '09:00', end: '12:00' })])}>
                Add window<span className="visually-hidden"> on {name}</span>
              </button>
            </div>
          );
        })}
        {windowsError && (
          <p className="field__error" role="alert">
            {windowsError}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>Blackout dates</legend>
        <p className="muted small">Days off: no slot is offered on these dates, whatever the weekly windows say.</p>
        <ul className="chips">
          {blackouts.map((d) => (
            <li key={d}>
              {formatDate(`${d}T12:00:00Z`)}
              <button type="button" className="button button--link" onClick={() => setBlackouts(blackouts.filter((b) => b !== d))}>
                Remove<span className="visually-hidden"> {d}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="inline">
          <label>
            <span className="visually-hidden">Blackout date to add</span>
            <input type="date" value={newBlackout} onChange={(e) => setNewBlackout(e.target.value)} />
          </label>
          <button type="button" className="button button--quiet" onClick={addBlackout}>
            Add blackout date
          </button>
        </div>
        {errors.fields.blackoutDates && (
          <p className="field__error" role="alert">
            {errors.fields.blackoutDates}
          </p>
        )}
      </fieldset>
      <FormAlert messages={errors.general} />
      <button type="submit" className="button" disabled={fetching}>
        {fetching ? 'Saving…' : 'Save availability'}
      </button>
      {saved && data && (
        <span className="saved" role="status">
          Saved. Slots now follow these windows.
        </span>
      )}
    </form>
  );
}
