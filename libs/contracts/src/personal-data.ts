import { z } from 'zod';

/**
 * Personal data in events (ADR 010): names, e-mail addresses, headlines and free text a member
 * wrote travel sealed with that member's data key, so erasing the key (crypto-shredding) makes
 * every copy unreadable — the event store, the outbox, the Kafka topics, backups of them.
 *
 * A sealed value is a string `pf:enc:v1:<memberId>:<iv>:<ciphertext+tag>` (base64url): it
 * names whose key opens it, so a reader needs no table to unseal it. The contracts only say
 * which fields are sealed, whose key seals them and what a reader sees once the key is gone;
 * the cryptography lives in libs/crypto-shredding.
 */
export const SEALED_PREFIX = 'pf:enc:v1:';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const SEALED_VALUE_PATTERN = new RegExp(`^pf:enc:v1:(${UUID}):([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22,})$`);

export const isSealedValue = (value: unknown): value is string => typeof value === 'string' && SEALED_VALUE_PATTERN.test(value);

/** On the wire a sealed field is the sealed string; the plaintext rules apply before sealing (in the domain). */
export const sealedValue = z.string().regex(SEALED_VALUE_PATTERN, 'not a sealed value');

/** A field that travels sealed: consumers accept the sealed form, and the plaintext (older events, specs) too. */
export const sealable = <T extends z.ZodType<string>>(plaintext: T) => z.union([sealedValue, plaintext]);

/** What a member reads as once erased: the name others see in every read model, replay and rebuild. */
export const ERASED_MEMBER_NAME = 'Erased member';
/** What a required text written by an erased member reads as. */
export const ERASED_TEXT = '[erased]';

export interface PersonalField {
  field: string;
  /** The member whose key seals it: who wrote it. Null (e.g. no admin on a self-service event) leaves the field as it is. */
  owner: (data: Record<string, unknown>) => string | null;
  /** What a reader gets once that key is erased: a placeholder where the schema wants a value, null where it allows none. */
  erased: string | null;
}

const by =
  (idField: string) =>
  (data: Record<string, unknown>): string | null =>
    typeof data[idField] === 'string' ? (data[idField] as string) : null;

const field = (name: string, owner: PersonalField['owner'], erased: string | null): PersonalField => ({ field: name, owner, erased });

/**
 * Every event type that carries personal data, with the fields to seal. Not listed, not sealed:
 * ids, enums, numbers, times, and texts the system writes (guidance). Texts admins write about
 * a member (suspension reasons, adjustments, flag notes) are not the member's words and stay
 * readable; the erasure reason is sealed with the admin's key. See the README "Erasure".
 */
export const PERSONAL_DATA: Readonly<Record<string, readonly PersonalField[]>> = {
  MemberRegistered: [
    field('email', by('memberId'), ERASED_TEXT),
    field('displayName', by('memberId'), ERASED_MEMBER_NAME),
    field('headline', by('memberId'), null),
  ],
  MemberProfileUpdated: [field('displayName', by('memberId'), ERASED_MEMBER_NAME), field('headline', by('memberId'), null)],
  MemberErased: [field('reason', by('adminId'), ERASED_TEXT)],
  // The one-time token is a secret, not personal data, but it travels like the address: unreadable once erased.
  EmailVerificationRequested: [field('email', by('memberId'), ERASED_TEXT), field('token', by('memberId'), ERASED_TEXT)],
  PasswordResetRequested: [field('email', by('memberId'), ERASED_TEXT), field('token', by('memberId'), ERASED_TEXT)],
  OfferPublished: [field('title', by('mentorId'), ERASED_TEXT), field('description', by('mentorId'), ERASED_TEXT)],
  OfferUpdated: [field('title', by('mentorId'), ERASED_TEXT), field('description', by('mentorId'), ERASED_TEXT)],
  HelpRequestSubmitted: [field('message', by('seekerId'), ERASED_TEXT), field('goal', by('seekerId'), ERASED_TEXT)],
  HelpRequestDeclined: [field('note', by('mentorId'), null)],
  FeedbackLeft: [field('note', (data) => by(data.side === 'MENTOR' ? 'mentorId' : 'seekerId')(data), null)],
  ReferralVouched: [field('statement', by('mentorId'), ERASED_TEXT)],
  WorkedTogetherAttested: [field('context', by('mentorId'), ERASED_TEXT)],
};
