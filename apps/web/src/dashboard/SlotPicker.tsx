import { useMemo } from 'react';
import { Field } from '../ui/field';
import { freeSlots, type AvailabilityLike, type Slot } from './slots';

const DAYS_AHEAD = 14;

interface Props {
  availability: AvailabilityLike | null | undefined;
  durationMinutes: number;
  busy: readonly Slot[];
  value: string;
  onChange(iso: string): void;
  error?: string | null;
  now?: Date;
}

/** A native select of the mentor's free slots for the next 14 days, grouped by day (keyboard-friendly by nature). */
export function SlotPicker({ availability, durationMinutes, busy, value, onChange, error, now }: Props) {
  const groups = useMemo(() => {
    const from = now ?? new Date();
    const slots = freeSlots(availability, from, new Date(from.getTime() + DAYS_AHEAD * 86_400_000), durationMinutes, busy);
    const zone = availability?.timezone;
    const day = new Intl.DateTimeFormat(undefined, { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long' });
    const time = new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: '2-digit', minute: '2-digit' });
    const byDay = new Map<string, { iso: string; label: string }[]>();
    for (const slot of slots) {
      const key = day.format(slot.start);
      byDay.set(key, [...(byDay.get(key) ?? []), { iso: slot.start.toISOString(), label: `${time.format(slot.start)}–${time.format(slot.end)}` }]);
    }
    return [...byDay.entries()];
  }, [availability, durationMinutes, busy, now]);

  if (!availability) return <p className="alert alert--info">Set your weekly availability below first: the slot picker offers only times inside it.</p>;
  if (groups.length === 0) {
    return <p className="alert alert--info">No free {durationMinutes}-minute slot in the next 14 days. Add availability below, or decline with “No capacity”.</p>;
  }
  return (
    <Field label={`Time slot (${availability.timezone})`} hint={`Free ${durationMinutes}-minute slots in your availability, next 14 days.`} error={error}>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose a time…</option>
        {groups.map(([dayLabel, slots]) => (
          <optgroup key={dayLabel} label={dayLabel}>
            {slots.map((s) => (
              <option key={s.iso} value={s.iso}>
                {dayLabel}, {s.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </Field>
  );
}
