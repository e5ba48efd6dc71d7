import { badInput } from '@payforward/contracts';

/**
 * Small input checks shared by the deciders. Every refusal names the GraphQL input path of
 * the offending field, so the API can surface it as `extensions.field` unchanged.
 */

/** Trims, then enforces length bounds (counted in characters after trimming). */
export function boundedText(value: unknown, field: string, label: string, min: number, max: number): string {
  if (typeof value !== 'string') throw badInput(field, `${label} is required.`);
  const text = value.trim();
  if (text.length < min) throw badInput(field, `${label} must be at least ${min} characters (it has ${text.length}).`);
  if (text.length > max) throw badInput(field, `${label} must be at most ${max} characters (it has ${text.length}).`);
  return text;
}

/** An optional free-text note: blank means none; otherwise at most `max` characters. */
export function optionalNote(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw badInput(field, 'The note must be text.');
  const text = value.trim();
  if (text.length > max) throw badInput(field, `The note must be at most ${max} characters (it has ${text.length}).`);
  return text.length === 0 ? null : text;
}

export function boundedInteger(value: unknown, field: string, label: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw badInput(field, `${label} must be a whole number.`);
  if (value < min || value > max) throw badInput(field, `${label} must be between ${min} and ${max}.`);
  return value;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, label: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw badInput(field, `${label} must be one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

/** The domain never reads the clock: time arrives on the command, so tests can move it. */
export function iso(instant: Date): string {
  return instant.toISOString();
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
