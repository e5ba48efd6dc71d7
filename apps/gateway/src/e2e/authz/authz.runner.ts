import type { Stack } from '@payforward/testing';
import { ROWS } from './authz.operations.js';
import { subscriptionReply } from './authz.subscriptions.js';
import { WHO, type Cells, type Outcome } from './authz.table.js';
import type { AuthzWorld, Person, Who } from './authz.world.js';

/**
 * Runs the cells of one row through the gateway and judges each against the table, and scans
 * every response for contact details the caller may not see.
 */
export interface CellResult {
  row: string;
  who: Who;
  expected: Outcome;
  actual: string;
}

type Reply = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/**
 * What a reply amounts to: 'allow' (served with data), 'null' (served, but the root field null: a
 * refusal by silence, never counted as allowed), 'empty' (served an empty list, or a page without
 * nodes: as silent, so told apart too), 'hidden' (for a field row), or its error code(s); '+data'
 * when a refusal still carried data.
 */
export function outcomeOf(reply: Reply, root: string, field?: string[]): string {
  if (reply.errors?.length) {
    const codes = [...new Set(reply.errors.map((e) => String(e.extensions?.code ?? 'NO_CODE')))].join('+');
    return reply.data?.[root] != null ? `${codes}+data` : codes;
  }
  if (!reply.data || !(root in reply.data)) return 'NO_DATA';
  if (field) return valueAt(reply.data, field) == null ? 'hidden' : 'allow';
  const value = reply.data[root] as unknown;
  if (value === null) return 'null';
  const list = Array.isArray(value) ? value : (value as { nodes?: unknown })?.nodes;
  return Array.isArray(list) && list.length === 0 ? 'empty' : 'allow';
}

const valueAt = (data: unknown, path: string[]): unknown => path.reduce<any>((node, key) => node?.[key], data);

/**
 * Every `contact` in `reply` must belong to the Member object it sits in, and be one the caller
 * may see; and no registered member's e-mail may appear anywhere in the reply text unless the
 * caller may see it. `self` is the e-mail of a member the caller just proved to be.
 */
export function contactLeaks(w: AuthzWorld, viewer: Person | null, reply: Reply, self?: string): string[] {
  const leaks: string[] = [];
  const mayKnow = (subjectId: string, email: string) => email === self || w.entitled(viewer, subjectId);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    const contact = object.contact as { email?: string } | null | undefined;
    if (contact) {
      const email = String(contact.email);
      const owner = w.people.get(email);
      if (typeof object.id !== 'string') leaks.push(`a contact (${email}) outside a Member with an id`);
      else if (owner && owner.id !== object.id) leaks.push(`${email} shown as the contact of member ${object.id}`);
      else if (!mayKnow(object.id, email)) leaks.push(`the contact of member ${object.id} (${email})`);
    }
    Object.values(object).forEach(visit);
  };
  visit(reply.data);
  const text = JSON.stringify(reply);
  for (const [email, person] of w.people) {
    if (text.includes(email) && !mayKnow(person.id, email)) leaks.push(`the e-mail of ${person.name} (${email}) in the reply text`);
  }
  return leaks;
}

/** Refusals first: they must change nothing, so the allowed cells can run on the same fixtures afterwards. */
const order = (cells: Cells): Who[] => {
  const applicable = WHO.filter((who) => cells[who] !== null);
  const allowed = (who: Who) => ['allow', 'hidden', 'null', 'empty'].includes(cells[who]!);
  return [...applicable.filter((who) => !allowed(who)), ...applicable.filter(allowed)];
};

export async function runRow(w: AuthzWorld, row: string, cells: Cells, leaks: string[]): Promise<CellResult[]> {
  const spec = ROWS[row];
  if (!spec) throw new Error(`no operation text for the table row ${row}`);
  const root = spec.field?.[0] ?? row.split('.')[1]!;
  const results: CellResult[] = [];
  for (const who of order(cells)) {
    const expected = cells[who]!;
    let actual: string;
    try {
      const call = await spec.prepare(w, who);
      const caller = call.as ?? w.person(who);
      const reply = row.startsWith('Subscription.') ? await subscriptionReply(w, spec.document, caller) : await w.stack.gql(spec.document, call.variables, caller?.token);
      actual = outcomeOf(reply, root, spec.field);
      if (actual !== expected) actual += ` ${JSON.stringify(reply.errors?.map((e) => e.message) ?? reply.data).slice(0, 300)}`;
      leaks.push(...contactLeaks(w, caller, reply, call.self).map((leak) => `${row} × ${who}: ${leak}`));
    } catch (error) {
      // A fixture that could not be made (e.g. an operation the schema lacks): the cell fails, with the reason.
      actual = `fixture failed: ${(error as Error).message.slice(0, 300)}`;
    }
    results.push({ row, who, expected, actual });
  }
  return results;
}

/**
 * What the table must cover, from the gateway's schema (introspection, non-production): every
 * query, mutation and subscription, and every field of another type that takes an ID argument.
 */
export async function schemaOperations(stack: Stack): Promise<string[]> {
  const reply = await stack.gql<{ __schema: { queryType: { name: string }; mutationType: { name: string }; subscriptionType: { name: string } | null; types: IntrospectedType[] } }>(
    `{ __schema { queryType { name } mutationType { name } subscriptionType { name } types { name kind fields { name args { name type { ...T } } } } } }
     fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`,
  );
  if (!reply.data) throw new Error(`introspection failed: ${JSON.stringify(reply.errors)}`);
  const { queryType, mutationType, subscriptionType, types } = reply.data.__schema;
  const rootNames: Record<string, string> = { [queryType.name]: 'Query', [mutationType.name]: 'Mutation', ...(subscriptionType && { [subscriptionType.name]: 'Subscription' }) };
  const roots = new Set(Object.keys(rootNames));
  const named = (t: TypeRef | null): string | null => (t ? (t.name ?? named(t.ofType)) : null);
  return types
    .filter((t) => t.kind === 'OBJECT' && !t.name.startsWith('__'))
    .flatMap((t) =>
      (t.fields ?? [])
        .filter((f) => roots.has(t.name) || f.args.some((a) => named(a.type) === 'ID'))
        .map((f) => `${rootNames[t.name] ?? t.name}.${f.name}`),
    );
}

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

interface IntrospectedType {
  name: string;
  kind: string;
  fields: { name: string; args: { name: string; type: TypeRef }[] }[] | null;
}
