import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * The master key (ENCRYPTION_MASTER_KEY, 32 bytes in base64) wraps every member's data key
 * (envelope encryption): the key table holds only wrapped keys, useless without the master key,
 * and the master key never touches a database. AES-256-GCM with the member id as additional
 * data, so a wrapped key copied onto another member's row does not unwrap.
 */
export const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class MasterKey {
  /** Names the master key a row was wrapped with (not secret: a hash), so a wrong key fails clearly. */
  readonly id: string;

  private constructor(private readonly key: Buffer) {
    this.id = createHash('sha256').update('payforward-master-key-id:').update(key).digest('hex').slice(0, 16);
  }

  /** From base64 or base64url; anything but 32 bytes fails the boot rather than a later write. */
  static parse(encoded: string | undefined): MasterKey {
    const raw = (encoded ?? '').trim();
    const key = Buffer.from(raw.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (raw.length === 0 || key.length !== DATA_KEY_BYTES) {
      throw new Error('ENCRYPTION_MASTER_KEY must be 32 random bytes in base64 (infra/env.sh generates one for local runs)');
    }
    return new MasterKey(key);
  }

  /** A new random data key for a member, and its wrapped form for the key table. */
  newDataKey(memberId: string): { dataKey: Buffer; wrapped: Buffer } {
    const dataKey = randomBytes(DATA_KEY_BYTES);
    return { dataKey, wrapped: this.wrap(memberId, dataKey) };
  }

  wrap(memberId: string, dataKey: Buffer): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(aadOf(memberId));
    const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]);
  }

  unwrap(memberId: string, wrapped: Buffer): Buffer {
    if (wrapped.length !== IV_BYTES + DATA_KEY_BYTES + TAG_BYTES) throw new Error(`wrapped key of member ${memberId} has a wrong length`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, wrapped.subarray(0, IV_BYTES));
    decipher.setAAD(aadOf(memberId));
    decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
    return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES, wrapped.length - TAG_BYTES)), decipher.final()]);
  }
}

const aadOf = (memberId: string): Buffer => Buffer.from(`member-key:v1:${memberId.toLowerCase()}`, 'utf8');
