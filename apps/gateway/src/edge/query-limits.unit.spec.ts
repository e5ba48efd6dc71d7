import { buildSchema, getIntrospectionQuery } from 'graphql';
import { QUERY_LIMIT_DEFAULTS, type QueryLimits } from './edge.config.js';
import { checkOperation, isRefusal, type CheckedOperation, type LimitRefusal } from './query-limits.js';

/** The shapes of the public schema that matter to the limits: cycles, lists, a connection, page arguments. */
const schema = buildSchema(`
  type Query { me: Member, member(id: ID!): Member, offers(first: Int, after: String): OfferConnection!, myRequests: [HelpRequest!]! }
  type Mutation { login(email: String!, password: String!): AuthPayload! }
  type AuthPayload { token: String! }
  type Member { id: ID!, displayName: String!, reputation: Reputation, topics: [String!]! }
  type Reputation { score: Int!, member: Member!, ledger(first: Int): LedgerConnection! }
  type LedgerConnection { edges: [LedgerEdge!]!, totalCount: Int! }
  type LedgerEdge { node: LedgerLine! }
  type LedgerLine { points: Int!, reason: String! }
  type OfferConnection { edges: [OfferEdge!]! }
  type OfferEdge { node: Offer! }
  type Offer { id: ID!, title: String!, mentor: Member! }
  type HelpRequest { id: ID!, offer: Offer! }
`);

const limits = Object.fromEntries(Object.entries(QUERY_LIMIT_DEFAULTS).map(([k, [, v]]) => [k, v])) as unknown as QueryLimits;
const check = (query: string, variables: Record<string, unknown> = {}, production = false) => checkOperation(schema, query, variables, limits, production);

function refused(result: CheckedOperation | LimitRefusal): LimitRefusal {
  if (!isRefusal(result)) throw new Error('expected a refusal, the operation passed');
  return result;
}
function passed(result: CheckedOperation | LimitRefusal): CheckedOperation {
  if (isRefusal(result)) throw new Error(`expected a pass, refused: ${result.message}`);
  return result;
}

/** `levels` nested selections: member → reputation → member → … ending in a scalar. */
function nested(levels: number): string {
  const fields = ['member(id: "1")', ...Array.from({ length: levels - 2 }, (_, i) => (i % 2 === 0 ? 'reputation' : 'member'))];
  return `{ ${fields.join(' { ')} { __typename ${'} '.repeat(fields.length)}}`;
}

describe('query limits at the edge (graphql-armor)', () => {
  it('given the defaults, then depth 6, 15 aliases, 10 directives, 1000 tokens, cost 10000, list size 20, batches of 10', () => {
    expect(limits).toEqual({ depth: 6, aliases: 15, directives: 10, tokens: 1000, cost: 10_000, listSize: 20, batch: 10 });
  });

  it('given a depth-6 query, then it passes; given depth 7, then the depth limit refuses it and names the limit', () => {
    passed(check(nested(6)));
    expect(refused(check(nested(7)))).toEqual({ limit: 'depth', message: 'Query depth limit of 6 exceeded, found 7.' });
  });

  it('given a fragment called __schema spread deep down (graphql-armor PR 823), then it still counts towards the depth', () => {
    const query = '{ member(id: "1") { reputation { member { reputation { ...__schema } } } } } fragment __schema on Reputation { member { reputation { score } } }';
    expect(refused(check(query))).toMatchObject({ limit: 'depth', message: expect.stringContaining('found 7') });
  });

  it('given an operation called __schema, then its depth counts like any other', () => {
    expect(refused(check(`query __schema ${nested(7)}`)).limit).toBe('depth');
  });

  it('given a fragment spread shallow first and deep later (the fragment-cache bypass, graphql-armor PR 824), then the deep use counts', () => {
    const query = `{ me { ...Deep } member(id: "1") { reputation { member { reputation { member { ...Deep } } } } } }
      fragment Deep on Member { reputation { score } }`;
    expect(refused(check(query))).toMatchObject({ limit: 'depth', message: expect.stringContaining('found 7') });
  });

  it('given fragments, then a spread is not a level of its own: the depth is the one the query really has', () => {
    const query = `{ offers { edges { node { ...Offer } } } }
      fragment Offer on Offer { mentor { ...Mentor } }
      fragment Mentor on Member { reputation { score } }`;
    passed(check(query)); // offers › edges › node › mentor › reputation › score: 6
    expect(refused(check(query.replace('score', 'member { id }')))).toMatchObject({ limit: 'depth', message: expect.stringContaining('found 7') });
  });

  it('given the real introspection field, then development lets GraphiQL’s deep schema query through and production refuses it', () => {
    const introspection = getIntrospectionQuery({ descriptions: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    passed(check(introspection));
    expect(refused(check(introspection, {}, true)).limit).toBe('introspection');
    expect(refused(check('{ __type(name: "Member") { name } }', {}, true)).limit).toBe('introspection');
  });

  it('given 15 aliases, then they pass; given 16, then the alias limit refuses them, through fragments too', () => {
    const aliased = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ');
    passed(check(`{ ${aliased(15)} }`));
    expect(refused(check(`{ ${aliased(16)} }`))).toEqual({ limit: 'aliases', message: 'Aliases limit of 15 exceeded, found 16.' });
    expect(refused(check(`{ ...A me { x: id } } fragment A on Query { ${aliased(15)} }`)).limit).toBe('aliases');
  });

  it('given 11 directives, then the directive limit refuses them', () => {
    passed(check(`{ me { ${'id @include(if: true) '.repeat(10)} } }`));
    expect(refused(check(`{ me { ${'id @include(if: true) '.repeat(11)} } }`))).toEqual({ limit: 'directives', message: 'Directives limit of 10 exceeded, found 11.' });
  });

  it('given a document over 1000 tokens, then the token limit refuses it before it is parsed further', () => {
    expect(refused(check(`{ me { ${'id '.repeat(1000)} } }`))).toEqual({ limit: 'tokens', message: 'Token limit of 1000 exceeded.' });
  });

  it('given a page size from a variable, then it is costed like a literal one', () => {
    const query = `query($n: Int) { a: offers(first: $n) { ...Page } b: offers(first: $n) { ...Page } c: offers(first: $n) { ...Page } }
      fragment Page on OfferConnection { edges { node { id title mentor { id displayName reputation { score } } } } }`;
    const literal = passed(check(query.replace('query($n: Int) ', '').replaceAll('$n', '5'))).cost;
    expect(passed(check(query, { n: 5 })).cost).toBe(literal);
    expect(refused(check(query, { n: 100 }))).toMatchObject({ limit: 'cost', message: expect.stringMatching(/^Query Cost limit of 10000 exceeded, found \d+/) });
    // A page size past Int's range must not print as "1e+30" (which graphql-armor would read as 1).
    expect(refused(check(query, { n: 1e30 })).limit).toBe('cost');
  });

  it('given a list without a page argument, then it costs the default page of 20; a connection’s edges add no second factor', () => {
    const one = passed(check('{ me { id title: displayName } }')).cost;
    const list = passed(check('{ myRequests { id title: id } }')).cost;
    expect(list).toBe(20 * one);
    // offers ×20 · (2 + 1.5 · edges (2 + 1.5 · node (2 + 1.5 · id 1))) = 257.5; a factor on edges too would make it 4390.
    expect(passed(check('{ offers { edges { node { id } } } }')).cost).toBe(257.5);
    expect(passed(check('{ offers(first: 20) { edges { node { id } } } }')).cost).toBe(257.5);
  });

  it('given text that is not GraphQL (a JSON AST Mercurius would otherwise execute unchecked), then a syntax refusal', () => {
    expect(refused(check(JSON.stringify({ kind: 'Document', definitions: [] }))).limit).toBe('syntax');
  });
});
