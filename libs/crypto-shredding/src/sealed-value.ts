import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SEALED_PREFIX, SEALED_VALUE_PATTERN } from '@payforward/contracts';

/**
 * One personal field, sealed: `pf:enc:v1:<memberId>:<iv>:<ciphertext+tag>` (base64url),
 * AES-256-GCM under the member's data key with the member id as additional data. A fresh
 * random IV per value, so equal plaintexts never look equal in the store or on the topics.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealValue(dataKey: Buffer, memberId: string, plaintext: string): string {
  const owner = memberId.toLowerCase();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from(owner, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${SEALED_PREFIX}${owner}:${iv.toString('base64url')}:${body.toString('base64url')}`;
}

/** The member whose key opens a sealed value, or null when the value is not sealed. */
export function ownerOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = SEALED_VALUE_PATTERN.exec(value);
  return match ? match[1]! : null;
}

/** The plaintext; throws when the value was not sealed with this key for this member (tampered, or another key). */
export function openValue(dataKey: Buffer, sealed: string): string {
  const match = SEALED_VALUE_PATTERN.exec(sealed);
  if (!match) throw new Error('not a sealed value');
  const [, owner, ivText, bodyText] = match;
  const body = Buffer.from(bodyText!, 'base64url');
  if (body.length < TAG_BYTES) throw new Error('sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(ivText!, 'base64url'));
  decipher.setAAD(Buffer.from(owner!, 'utf8'));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}
