import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { errorSentence } from '../api/errors';
import { ActionProblem } from '../ui/states';
import { RotateCalendarFeedTokenDocument } from './settings.documents';

/**
 * The member's private iCalendar feed: the URL to paste into a calendar app, a copy button, and
 * "get a new link", which revokes the old one (after a confirmation, since subscribed calendars
 * stop updating).
 */
export function CalendarFeed({ url }: { url: string }) {
  const [current, setCurrent] = useState(url);
  const [note, setNote] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [{ fetching, error }, rotate] = useMutation(RotateCalendarFeedTokenDocument);
  const field = useRef<HTMLInputElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(current);
      setNote('Copied. Paste it into your calendar app as a subscription (“From URL”).');
    } catch {
      field.current?.select();
      setNote('Your browser did not let us copy: the link is selected, copy it with Ctrl+C or ⌘C.');
    }
  };

  const renew = async () => {
    const result = await rotate({});
    if (!result.data) return;
    setCurrent(result.data.rotateCalendarFeedToken.calendarFeedUrl);
    setConfirming(false);
    setNote('New link ready. The old one no longer works: subscribe to this one instead.');
  };

  return (
    <div className="card calendar-feed">
      <h2>Calendar feed</h2>
      <p>Your upcoming sessions, in any calendar app that subscribes to this link. Keep it private: anyone with the link sees your sessions.</p>
      <label htmlFor="calendar-feed-url">Your private calendar link</label>
      <input id="calendar-feed-url" ref={field} className="calendar-feed__url" readOnly value={current} onFocus={(e) => e.target.select()} />
      <div className="actions">
        <button type="button" className="button button--quiet" onClick={() => void copy()}>
          Copy link
        </button>
        {!confirming && (
          <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
            Get a new link…
          </button>
        )}
      </div>
      {confirming && (
        <div className="calendar-feed__confirm" role="group" aria-label="Get a new calendar link">
          <p>The current link stops working at once, and calendars subscribed to it stop updating. Get a new link?</p>
          <div className="actions">
            <button type="button" className="button" disabled={fetching} onClick={() => void renew()}>
              {fetching ? 'Getting a new link…' : 'Yes, get a new link'}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
              Keep the current link
            </button>
          </div>
        </div>
      )}
      <ActionProblem problem={errorSentence(error)} />
      {note && (
        <p className="saved" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
