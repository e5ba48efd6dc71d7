// Refreshes apps/web/schema.graphql, the snapshot codegen types the web client's operations from,
// so building the client never needs a running gateway. Asks a running gateway (development mode:
// production refuses introspection) for its schema, then `npm run schema` regenerates src/gql:
//   npm run schema -w @payforward/web                  (gateway at 127.0.0.1:$GATEWAY_PORT, default 4000)
//   node apps/web/scripts/print-schema.mjs http://host:port/graphql
import { writeFileSync } from 'node:fs';
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';

const url = process.argv[2] ?? process.env.PAYFORWARD_GATEWAY_GRAPHQL_URL ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 4000}/graphql`;
const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: true }) }),
});
const body = await response.json();
if (!body.data) throw new Error(`introspection failed at ${url}: ${JSON.stringify(body.errors ?? body)}`);
// Sorted, so a refresh shows only real changes in review.
const sdl = printSchema(lexicographicSortSchema(buildClientSchema(body.data)));
const target = new URL('../schema.graphql', import.meta.url);
writeFileSync(target, `# The gateway's schema, printed by scripts/print-schema.mjs from ${new URL(url).pathname}. Do not edit.\n\n${sdl}\n`);
console.log(`wrote ${target.pathname} (${sdl.split('\n').length} lines)`);
