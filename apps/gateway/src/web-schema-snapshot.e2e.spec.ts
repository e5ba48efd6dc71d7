import { jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, type IntrospectionQuery } from 'graphql';
import { repoRoot, startStack, type Stack } from '@payforward/testing';

/**
 * The web client's types come from apps/web/schema.graphql, a committed snapshot of the gateway's
 * schema (codegen never asks a running gateway). This spec composes the real gateway and checks
 * the snapshot is still its schema, printed the way apps/web/scripts/print-schema.mjs prints it.
 * When it fails: start a stack (`npm start`), run `npm run schema -w @payforward/web`, review and
 * commit the snapshot and the regenerated apps/web/src/gql together.
 */
jest.setTimeout(60_000);

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
}, 240_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

/** The snapshot without its header comment (print-schema.mjs writes one line, then a blank line). */
const committed = (): string =>
  readFileSync(join(repoRoot(), 'apps/web/schema.graphql'), 'utf8')
    .replace(/^#[^\n]*\n\n/, '')
    .trimEnd();

describe("the web client's schema snapshot", () => {
  it("is the gateway's composed schema (refresh: npm run schema -w @payforward/web against a running gateway)", async () => {
    const reply = await stack.gql<IntrospectionQuery>(getIntrospectionQuery({ descriptions: true }));
    expect(reply.errors).toBeUndefined();
    const live = printSchema(lexicographicSortSchema(buildClientSchema(reply.data!)));
    expect(committed().length).toBeGreaterThan(1_000);
    expect(committed()).toBe(live.trimEnd());
  });
});
