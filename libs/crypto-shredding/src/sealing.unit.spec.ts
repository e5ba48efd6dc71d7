import { randomBytes } from 'node:crypto';
import { isSealedValue, memberRegisteredData, SEALED_PREFIX, validateEnvelope } from '@payforward/contracts';
import { MasterKey } from './master-key.js';
import { openValue, ownerOf, sealValue } from './sealed-value.js';

const dana = '0193a0b4-6f1e-7c3a-9d2e-00000000000d';
const sam = '0193a0b4-6f1e-7c3a-9d2e-000000000005';
const masterKeyText = randomBytes(32).toString('base64');

describe('sealed values', () => {
  const key = randomBytes(32);

  it('given a plaintext, when sealed and opened with the same key, then the plaintext comes back, unicode included', () => {
    for (const text of ['Dana Lee', '', 'ünïcödé – 日本語 – 🙂', 'x'.repeat(2000)]) {
      const sealed = sealValue(key, dana, text);
      expect(sealed.startsWith(`${SEALED_PREFIX}${dana}:`)).toBe(true);
      expect(isSealedValue(sealed)).toBe(true);
      expect(openValue(key, sealed)).toBe(text);
    }
  });

  it('given the same plaintext twice, when sealed, then the two values differ and neither contains the plaintext', () => {
    const a = sealValue(key, dana, 'dana@example.com');
    const b = sealValue(key, dana, 'dana@example.com');
    expect(a).not.toBe(b);
    expect(a).not.toContain('dana@example.com');
    expect(Buffer.from(a.split(':').pop()!, 'base64url').toString('latin1')).not.toContain('dana');
  });

  it('names the member whose key opens a value, and nobody for a plain string', () => {
    expect(ownerOf(sealValue(key, dana.toUpperCase(), 'Dana'))).toBe(dana);
    expect(ownerOf('Dana')).toBeNull();
    expect(ownerOf(null)).toBeNull();
  });

  it('given another key, a changed byte or a value moved to another member, when opened, then it fails instead of returning garbage', () => {
    const sealed = sealValue(key, dana, 'Dana Lee');
    expect(() => openValue(randomBytes(32), sealed)).toThrow();
    const body = sealed.split(':').pop()!;
    const flipped = Buffer.from(body, 'base64url');
    flipped[0]! ^= 1;
    expect(() => openValue(key, sealed.replace(body, flipped.toString('base64url')))).toThrow();
    expect(() => openValue(key, sealed.replace(dana, sam))).toThrow();
  });

  it('given a sealed MemberRegistered, when a consumer validates the envelope, then the sealed form is accepted on the wire', () => {
    const data = {
      memberId: dana,
      email: sealValue(key, dana, 'dana@example.com'),
      displayName: sealValue(key, dana, 'Dana'),
      headline: null,
      timezone: 'UTC',
      roles: ['MEMBER'],
    };
    expect(memberRegisteredData.safeParse(data).success).toBe(true);
    const envelope = {
      id: '0193a0b4-6f1e-7c3a-9d2e-0000000000e1',
      type: 'MemberRegistered',
      streamId: `member-${dana}`,
      version: 1,
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
      metadata: { actor: dana, correlationId: 'c', causationId: null },
      data,
    };
    expect(validateEnvelope(envelope).ok).toBe(true);
    // A value that only looks sealed is still held to the plaintext rules.
    expect(memberRegisteredData.safeParse({ ...data, email: `${SEALED_PREFIX}not-sealed` }).success).toBe(false);
  });
});

describe('master key', () => {
  it('given a data key, when wrapped and unwrapped for the same member, then it comes back; for another member it does not', () => {
    const master = MasterKey.parse(masterKeyText);
    const { dataKey, wrapped } = master.newDataKey(dana);
    expect(wrapped).toHaveLength(60);
    expect(wrapped.includes(dataKey)).toBe(false);
    expect(master.unwrap(dana, wrapped).equals(dataKey)).toBe(true);
    expect(() => master.unwrap(sam, wrapped)).toThrow();
    expect(() => MasterKey.parse(randomBytes(32).toString('base64')).unwrap(dana, wrapped)).toThrow();
  });

  it('accepts base64 and base64url, and names the same key the same way', () => {
    const raw = randomBytes(32);
    expect(MasterKey.parse(raw.toString('base64')).id).toBe(MasterKey.parse(raw.toString('base64url')).id);
    expect(MasterKey.parse(raw.toString('base64')).id).not.toBe(MasterKey.parse(randomBytes(32).toString('base64')).id);
  });

  it.each([[undefined], [''], ['short'], [randomBytes(16).toString('base64')], [randomBytes(33).toString('base64')]])(
    'given the master key %p, when parsed, then the boot fails with a message saying what is expected',
    (value) => expect(() => MasterKey.parse(value)).toThrow(/ENCRYPTION_MASTER_KEY must be 32 random bytes/),
  );
});
