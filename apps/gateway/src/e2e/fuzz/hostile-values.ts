import fc from 'fast-check';

/**
 * fast-check arbitraries for what a client can put in a GraphQL variable: plausible values mixed
 * with hostile ones — huge, empty, unicode, control characters, lone surrogates, negative, huge and
 * non-integer numbers, NaN-like strings, wrong types and wrong ids. JSON has no NaN or Infinity,
 * so those travel as strings, as a client would send them.
 */

const huge = fc.constantFrom(5_000, 70_000, 300_000).map((n) => 'ä'.repeat(n));
const control = fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 1, maxLength: 8 }).map((codes) => String.fromCharCode(...codes));
const loneSurrogates = fc.constantFrom('\uD800', 'a\uDC00b', 'x\uDBFF', '\uDFFF\uD800', 'ok \uD83D');
const nastyText = fc.constantFrom(
  "'; DROP TABLE members; --",
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '%00%0a',
  '\u0000',
  'nul\u0000inside',
  '\u202Eevil\u202C',
  '\uFEFFbom',
  'e\u0301\u0301\u0301',
  '🧑🏽‍💻🏳️‍🌈',
  '   ',
  '\t\n\r',
  'null',
  'undefined',
  '{"$ne": null}',
);
const plausible = fc.constantFrom(
  'A reasonable message asking for help with backend interviews and preparing for system design rounds.',
  'Improve my résumé for platform roles.',
  'Europe/Berlin',
  'UTC',
  'Mars/Olympus_Mons',
  'someone@example.com',
  '2031-12-25',
  '09:00',
  '24:00',
  'reputation',
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: nastyText },
  { weight: 2, arbitrary: plausible },
  { weight: 1, arbitrary: control },
  { weight: 1, arbitrary: loneSurrogates },
  // Text with a NUL or half a surrogate pair inside otherwise ordinary text (PostgreSQL cannot store the first).
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 30 }), fc.constantFrom('\u0000', '\uD800', '\uDFFF')).map(([text, bad]) => `${text}${bad}${text}`) },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: fc.constant('') },
);

/** Ints as GraphQL sees them, and numbers (or number-like strings) it must refuse. */
export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -3, max: 60 }) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.constantFrom(-1, 0, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, 1e21) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e309', '0x1F', '12abc', '1.0', '', ' 3 ', '-0') },
);

export const hostileBoolean: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false', 0, 1, 'yes', [] as unknown[], {}) },
);

export const hostileDateTime: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 ** 40 }).map((ms) => new Date(Date.now() + ms).toISOString()) },
  { weight: 2, arbitrary: fc.constantFrom('2026-13-45T99:99:99Z', 'next tuesday', '0000-00-00T00:00:00Z', '+275760-09-13T00:00:00.001Z', '2026-02-30T10:00:00Z', 'NaN') },
  { weight: 1, arbitrary: hostileNumber },
  { weight: 1, arbitrary: hostileString },
);

/** Ids: real ones of the spec's fixtures (so deeper checks run), random UUIDs, and things that are no id at all. */
export const hostileId = (known: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    ...(known.length > 0 ? [{ weight: 4, arbitrary: fc.constantFrom(...known) }] : []),
    { weight: 1, arbitrary: fc.constantFrom(...(known.length > 0 ? known : ['x'])).map((id) => id.toUpperCase()) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '1', '-1', ' ', "' OR 1=1 --") },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 2, arbitrary: hostileString },
  );
