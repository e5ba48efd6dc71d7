/**
 * Deterministic ids: RFC 4122 version-5 UUIDs (SHA-1 of a namespace and a name), computed
 * here in plain TypeScript so the domain stays free of platform modules and every runtime
 * (projection, rebuild, tests) derives the same ledger ids from the same facts.
 */

/** The namespace of every id the reputation ledger derives (a fixed, random v4 UUID). */
export const REPUTATION_NAMESPACE = '6f3c2a1e-8d4b-4e7a-9c15-2b7d90e4a3f1';

/**
 * The same (namespace, name) always gives the same id, and a projector's replays ask for the
 * same ids again and again, so recent results are memoized (pure SHA-1 in TypeScript is the
 * cost of a replay otherwise). Bounded: the oldest insertion goes first when it is full.
 */
const MEMO_LIMIT = 50_000;
const memo = new Map<string, string>();

export function uuidV5(name: string, namespace: string = REPUTATION_NAMESPACE): string {
  // A valid namespace has no '|', so the first '|' separates the two parts unambiguously.
  const key = `${namespace}|${name}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const id = computeUuidV5(name, namespace);
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(key, id);
  return id;
}

function computeUuidV5(name: string, namespace: string): string {
  const ns = parseUuid(namespace);
  const text = new TextEncoder().encode(name);
  const input = new Uint8Array(ns.length + text.length);
  input.set(ns);
  input.set(text, ns.length);
  const bytes = sha1(input).subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A ledger entry's id: one per (member, rule, source event), as the ledger's unique key. */
export const entryId = (memberId: string, ruleId: string, sourceEventId: string): string => uuidV5(`${memberId}|${ruleId}|${sourceEventId}`);

function parseUuid(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/** SHA-1 (FIPS 180-4). Used for id derivation only, never for security. */
export function sha1(message: Uint8Array): Uint8Array {
  const blocks = Math.ceil((message.length + 9) / 64);
  const padded = new Uint8Array(blocks * 64);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  const bits = message.length * 8;
  view.setUint32(padded.length - 8, Math.floor(bits / 0x1_0000_0000));
  view.setUint32(padded.length - 4, bits >>> 0);

  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20 ? [(b & c) | (~b & d), 0x5a827999] : i < 40 ? [b ^ c ^ d, 0x6ed9eba1] : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6];
      const next = (rotl(a, 5) + f + e + k + w[i]!) >>> 0;
      e = d;
      d = c;
      c = rotl(b, 30) >>> 0;
      b = a;
      a = next;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  h.forEach((word, i) => outView.setUint32(i * 4, word));
  return out;
}
