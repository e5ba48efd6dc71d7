import { useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { formErrors } from '../api/errors';
import { Field, FormAlert } from '../ui/field';
import { deviceTimeZone, knownTimeZones, PROFILE_RULES, profileChanges, validateProfile, type ProfileDraft, type ProfileErrors } from './profile-rules';
import { UpdateProfileDocument } from './profile.documents';

const FIELDS = ['displayName', 'headline', 'timezone'] as const;

interface Props {
  me: { displayName: string; headline?: string | null; timezone: string };
}

/** Name, headline and time zone: checked here first, then by identity, whose refusals show next to their field. */
export function ProfileForm({ me }: Props) {
  const [draft, setDraft] = useState<ProfileDraft>({ displayName: me.displayName, headline: me.headline ?? '', timezone: me.timezone });
  const [shown, setShown] = useState<ProfileErrors>({});
  const [saved, setSaved] = useState(false);
  const [{ fetching, error }, update] = useMutation(UpdateProfileDocument);
  const server = formErrors(error, FIELDS);
  const zones = useMemo(knownTimeZones, []);
  const zoneListId = useId();
  const device = deviceTimeZone();
  const errorOf = (field: keyof ProfileDraft) => shown[field] ?? server.fields[field];

  const change = (key: keyof ProfileDraft, value: string) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    setSaved(false);
    // A flagged field clears as soon as it is good: no nagging while typing.
    if (shown[key]) setShown({ ...shown, [key]: validateProfile(next)[key] });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = validateProfile(draft);
    setShown(problems);
    if (Object.keys(problems).length > 0) return;
    const result = await update(profileChanges(draft));
    if (result.data) setSaved(true);
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="profile-heading">
      <h2 id="profile-heading">Your profile</h2>
      <Field label="Display name" hint="How mentors and seekers see you." error={errorOf('displayName')} counter={`${draft.displayName.trim().length} / ${PROFILE_RULES.displayName.max}`}>
        <input autoComplete="name" value={draft.displayName} onChange={(e) => change('displayName', e.target.value)} />
      </Field>
      <Field
        label="Headline (optional)"
        hint="One line about you, e.g. “Backend engineer, 6 years in fintech”. Leave it empty to remove it."
        error={errorOf('headline')}
        counter={`${draft.headline.trim().length} / ${PROFILE_RULES.headline.max}`}
      >
        <input value={draft.headline} onChange={(e) => change('headline', e.target.value)} />
      </Field>
      <Field
        label="Time zone"
        hint="Dates and sessions are shown in this time zone. Your weekly availability keeps the zone you set on the mentor dashboard."
        error={errorOf('timezone')}
      >
        <input value={draft.timezone} onChange={(e) => change('timezone', e.target.value)} list={zones.length ? zoneListId : undefined} autoComplete="off" />
      </Field>
      {zones.length > 0 && (
        <datalist id={zoneListId}>
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      )}
      {draft.timezone.trim() !== device && (
        <button type="button" className="button button--link" onClick={() => change('timezone', device)}>
          Use this device’s time zone ({device})
        </button>
      )}
      <FormAlert messages={server.general} />
      <button type="submit" className="button" disabled={fetching}>
        {fetching ? 'Saving…' : 'Save profile'}
      </button>
      {saved && (
        <p className="alert alert--success" role="status">
          Saved. Other members see your new details from now on.
        </p>
      )}
    </form>
  );
}
