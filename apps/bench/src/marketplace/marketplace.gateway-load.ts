// Contender: the public API path. This process is only the load generator; the gateway and the
// services are the stack's own child processes. Every operation is an HTTP POST /graphql to the
// gateway with a bearer token, forwarded to the marketplace subgraph, which verifies the token,
// resolves the mutation and sends the same command to its CommandBus.
//
//   node marketplace.gateway-load.js
//   env: BENCH_GRAPHQL_URL, BENCH_JWT_SECRET, BENCH_CLIENTS, BENCH_SECONDS, BENCH_WARMUP
// Prints {"phase":…} lines around the measured window, then one {"result":…} line.
import http from 'node:http';
import { JwtTokens } from '@payforward/platform';
import { runPairs, GOAL, MESSAGE, newMemberId, offerInput, type MarketplaceApi } from './marketplace.workload.js';

const url = new URL(process.env.BENCH_GRAPHQL_URL ?? '');
const clients = Number(process.env.BENCH_CLIENTS ?? 16);
const tokens = new JwtTokens({ secret: process.env.BENCH_JWT_SECRET ?? '', expiresIn: '1h', issuer: 'payforward' });
// One keep-alive connection per client, as a real client would hold.
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });

interface GqlResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

function post<T>(query: string, variables: Record<string, unknown>, token: string): Promise<GqlResponse<T>> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString()) as GqlResponse<T>);
          } catch (error) {
            reject(new Error(`HTTP ${res.statusCode}: ${String(error)}`));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function ok<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const { data, errors } = await post<T>(query, variables, token);
  if (errors?.length || !data) throw new Error(`GraphQL errors: ${JSON.stringify(errors)}`);
  return data;
}

const PUBLISH = 'mutation($input: PublishOfferInput!) { publishOffer(input: $input) { id } }';
const REQUEST = 'mutation($input: RequestHelpInput!) { requestHelp(input: $input) { id status } }';
const ACCEPT = 'mutation($id: ID!) { acceptRequest(id: $id) { id status } }';

const api: MarketplaceApi = {
  async member() {
    const id = newMemberId();
    return { id, token: await tokens.issue({ memberId: id, roles: ['MEMBER'] }) };
  },
  async publishOffer(mentor, capacity, period) {
    return (await ok<{ publishOffer: { id: string } }>(PUBLISH, { input: offerInput(capacity, period) }, mentor.token)).publishOffer.id;
  },
  async requestHelp(seeker, offerId) {
    return (await ok<{ requestHelp: { id: string } }>(REQUEST, { input: { offerId, message: MESSAGE, goal: GOAL } }, seeker.token)).requestHelp.id;
  },
  async acceptRequest(mentor, requestId) {
    const { data, errors } = await post<{ acceptRequest: { status: string } }>(ACCEPT, { id: requestId }, mentor.token);
    if (data?.acceptRequest) return { status: data.acceptRequest.status };
    const code = errors?.[0]?.extensions?.code;
    if (code) return { refused: code };
    throw new Error(`acceptRequest: ${JSON.stringify(errors)}`);
  },
};

const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
const result = await runPairs(api, {
  clients,
  seconds: Number(process.env.BENCH_SECONDS ?? 2),
  warmup: Number(process.env.BENCH_WARMUP ?? 1),
  phase: (phase) => print({ phase }),
});
agent.destroy();
print({ result });
