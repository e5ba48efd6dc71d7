import {
  getNullableType,
  isListType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';

const PAGE_ARGUMENTS = new Set(['first', 'last']);
// GraphQL's Int range: a larger variable is refused by coercion anyway, and stays printable without an exponent.
const MAX_PAGE = 2 ** 31 - 1;

/**
 * graphql-armor's cost rule multiplies a field's cost by its `first`/`last` argument, but only when
 * it is written as a literal: `offers(first: $n)` or a list field without the argument would count
 * as one item. This returns a copy of the document, used for costing only and never executed, in
 * which every list-returning (or paginated) object field carries `first: <page size>`: the
 * variable's value when the page size comes from a variable, else `listSize`. Lists of a
 * connection's `edges`/`nodes` are bounded by the connection's own page and get no second factor.
 */
export function withPageSizes(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, listSize: number): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (!node.selectionSet) return undefined;
        const definition = typeInfo.getFieldDef();
        if (!definition) return undefined; // unknown field: graphql-js validation refuses it later
        const paginated = definition.args.some((a) => PAGE_ARGUMENTS.has(a.name));
        const list = isListType(getNullableType(definition.type));
        const insideConnection = /Connection$/.test(typeInfo.getParentType()?.name ?? '');
        if (!paginated && (!list || insideConnection)) return undefined;
        return withFirst(node, pageSize(node, variables) ?? listSize);
      },
    }),
  );
}

function pageSize(node: FieldNode, variables: Record<string, unknown>): number | undefined {
  const argument = node.arguments?.find((a) => PAGE_ARGUMENTS.has(a.name.value));
  return argument ? valueOf(argument.value, variables) : undefined;
}

function valueOf(value: ValueNode, variables: Record<string, unknown>): number | undefined {
  const raw = value.kind === Kind.INT ? Number(value.value) : value.kind === Kind.VARIABLE ? variables[value.name.value] : undefined;
  if (typeof raw !== 'number' || Number.isNaN(raw)) return undefined;
  return Math.min(MAX_PAGE, Math.max(1, Math.trunc(raw)));
}

function withFirst(node: FieldNode, size: number): FieldNode {
  const first: ArgumentNode = { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'first' }, value: { kind: Kind.INT, value: String(size) } };
  return { ...node, arguments: [first, ...(node.arguments ?? []).filter((a) => !PAGE_ARGUMENTS.has(a.name.value))] };
}
