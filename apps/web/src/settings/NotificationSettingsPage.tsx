import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { formErrors } from '../api/errors';
import { Link } from '../app/router';
import type { NotificationCategory, NotificationChannelSetting, PreferencesFieldsFragment } from '../gql/graphql';
import { useSession } from '../session/session';
import { Field, FormAlert } from '../ui/field';
import { LoadError, Loading } from '../ui/states';
import { CalendarFeed } from './CalendarFeed';
import { CHANNEL_LABELS, CHANNELS, formFrom, inputFrom, quietHoursProblems, rowsOf, type SettingsForm } from './notification-settings';
import { NotificationPreferencesDocument, UpdateNotificationPreferencesDocument } from './settings.documents';

/** /settings/notifications: e-mail per category, quiet hours, and the private calendar feed. */
export function NotificationSettingsPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: NotificationPreferencesDocument });
  const prefs = data?.notificationPreferences;
  return (
    <section className="settings">
      <h1 tabIndex={-1}>Notification settings</h1>
      <p className="lead">In-app notifications always arrive. Choose which ones also come by e-mail, and when.</p>
      {!prefs && error && <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!prefs && !error && fetching && <Loading what="your notification settings" />}
      {prefs && (
        <>
          <PreferencesForm initial={prefs} />
          <CalendarFeed url={prefs.calendarFeedUrl} />
        </>
      )}
      <p>
        <Link to="/notifications">Back to your notifications</Link>
      </p>
    </section>
  );
}

function PreferencesForm({ initial }: { initial: PreferencesFieldsFragment }) {
  const { me, isAdmin } = useSession();
  // The form starts from the server's picture once; later refetches must not undo unsaved choices.
  const [form, setForm] = useState<SettingsForm>(() => formFrom(initial));
  const [shown, setShown] = useState(false);
  const [saved, setSaved] = useState(false);
  const [{ fetching, error }, update] = useMutation(UpdateNotificationPreferencesDocument);
  const local = shown ? quietHoursProblems(form) : {};
  const server = formErrors(error, ['quietHoursStart', 'quietHoursEnd', 'preferences']);
  const edit = (next: SettingsForm) => {
    setForm(next);
    setSaved(false);
  };
  const choose = (category: NotificationCategory, email: NotificationChannelSetting) => edit({ ...form, email: { ...form.email, [category]: email } });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setShown(true);
    if (Object.keys(quietHoursProblems(form)).length > 0) return;
    const result = await update({ input: inputFrom(form) });
    if (result.data) setSaved(true);
  };

  return (
    <form className="card form settings__form" onSubmit={submit} noValidate>
      <h2>E-mail</h2>
      {rowsOf(initial, isAdmin).map(({ category, label, hint }) => (
        <fieldset key={category} className="channel-choice">
          <legend>{label}</legend>
          {hint && <p className="field__hint">{hint}</p>}
          <div className="channel-choice__options">
            {CHANNELS.map((channel) => (
              <label key={channel} className="channel-choice__option">
                <input
                  type="radio"
                  name={`email-${category}`}
                  value={channel}
                  checked={form.email[category] === channel}
                  onChange={() => choose(category, channel)}
                />
                {CHANNEL_LABELS[channel]}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {server.fields.preferences && <p className="field__error">{server.fields.preferences}</p>}

      <h2>Quiet hours</h2>
      <p className="field__hint">
        In your time zone ({me?.timezone ?? 'your profile’s'}). E-mail waits until they end; in-app notifications still arrive. Leave both empty for none.
      </p>
      <div className="inline">
        <Field label="Quiet hours start" error={local.quietHoursStart ?? server.fields.quietHoursStart}>
          <input type="time" className="time" value={form.quietHoursStart} onChange={(e) => edit({ ...form, quietHoursStart: e.target.value })} />
        </Field>
        <Field label="Quiet hours end" error={local.quietHoursEnd ?? server.fields.quietHoursEnd}>
          <input type="time" className="time" value={form.quietHoursEnd} onChange={(e) => edit({ ...form, quietHoursEnd: e.target.value })} />
        </Field>
      </div>
      <FormAlert messages={server.general} />
      <div className="actions">
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? 'Saving…' : 'Save settings'}
        </button>
        {saved && (
          <span className="saved" role="status">
            Saved. We follow these settings from now on.
          </span>
        )}
      </div>
    </form>
  );
}
