import { buildFederationSchema } from '@mercuriusjs/federation';
import {
  Kind,
  parse,
  print,
  printSchema,
  visit,
  isEnumType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  isSpecifiedScalarType,
  type ConstDirectiveNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';

export type ReferenceResolver = GraphQLFieldResolver<unknown, unknown>;

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

const extendsDirective: ConstDirectiveNode = { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'extends' }, arguments: [] };

/**
 * The subgraph SDL: the code-first schema printed with the federation directives that Nest
 * keeps on the AST nodes (`@key`, `@extends`, `@external` from `@Directive`), root types marked
 * `@extends` as a Federation v1 gateway expects.
 */
export function printSubgraphSdl(schema: GraphQLSchema): string {
  const document = visit(parse(printSchema(schema)), {
    ObjectTypeDefinition(node) {
      const type = schema.getType(node.name.value);
      const own = (type?.astNode?.directives ?? []) as ConstDirectiveNode[];
      const directives = ROOT_TYPES.has(node.name.value) ? [extendsDirective, ...own] : own;
      if (!isObjectType(type)) return { ...node, directives };
      const fieldsByName = type.getFields();
      const fields = node.fields?.map((field) => ({
        ...field,
        directives: (fieldsByName[field.name.value]?.astNode?.directives ?? []) as ConstDirectiveNode[],
      }));
      return { ...node, directives, fields };
    },
  });
  return print(document);
}

/**
 * Turns Nest's code-first (non-federated) schema into a Federation v1 subgraph with
 * @mercuriusjs/federation: adds `_service { sdl }` and `_entities`, then moves every resolver
 * of the original schema onto the new one, plus the `@ResolveReference` resolvers.
 *
 * Why not @nestjs/mercurius' MercuriusFederationDriver: it needs `@apollo/subgraph`, which is
 * not a dependency here; this keeps the whole federation path on the Mercurius libraries the
 * gateway itself uses (docs/adr/001-graphql-gateway-mercurius.md).
 */
export function toSubgraphSchema(schema: GraphQLSchema, references: Record<string, ReferenceResolver>): GraphQLSchema {
  const federated = buildFederationSchema(printSubgraphSdl(schema)) as GraphQLSchema;
  for (const [name, target] of Object.entries(federated.getTypeMap())) {
    if (name.startsWith('__')) continue;
    const source = schema.getType(name);
    if (!source) continue;
    if (isObjectType(target) && isObjectType(source)) {
      const sourceFields = source.getFields();
      for (const [fieldName, field] of Object.entries(target.getFields())) {
        const original = sourceFields[fieldName];
        if (!original) continue;
        field.resolve = original.resolve;
        field.subscribe = original.subscribe;
      }
      target.isTypeOf = source.isTypeOf;
      if (references[name]) Object.assign(target, { resolveReference: references[name] });
    } else if ((isInterfaceType(target) && isInterfaceType(source)) || (isUnionType(target) && isUnionType(source))) {
      target.resolveType = source.resolveType;
    } else if (isScalarType(target) && isScalarType(source) && !isSpecifiedScalarType(source)) {
      target.serialize = source.serialize;
      target.parseValue = source.parseValue;
      target.parseLiteral = source.parseLiteral;
    } else if (isEnumType(source)) {
      // The rebuilt enum maps each name to itself; an enum with other internal values would break silently.
      const renamed = source.getValues().filter((v) => v.value !== v.name);
      if (renamed.length > 0) {
        throw new Error(`enum ${name}: values must equal their names (${renamed.map((v) => v.name).join(', ')})`);
      }
    }
  }
  return federated;
}

/** Picks the `__resolveReference` functions out of Nest's resolver map. */
export function referenceResolversOf(resolvers: unknown): Record<string, ReferenceResolver> {
  const maps = (Array.isArray(resolvers) ? resolvers : [resolvers]) as Record<string, Record<string, unknown>>[];
  const found: Record<string, ReferenceResolver> = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map ?? {})) {
      const resolver = fields && typeof fields === 'object' ? fields.__resolveReference : undefined;
      if (typeof resolver === 'function') found[typeName] = resolver as ReferenceResolver;
    }
  }
  return found;
}
