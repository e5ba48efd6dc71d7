import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { NoSchemaIntrospectionCustomRule, validate, type DocumentNode, type GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { QueryLimits } from './edge.config.js';
import { withPageSizes } from './list-cost.js';

export type LimitName = 'syntax' | 'tokens' | 'depth' | 'aliases' | 'directives' | 'cost' | 'introspection';

export interface CheckedOperation {
  document: DocumentNode;
  /** Its graphql-armor cost, so a batch can be held to one budget. */
  cost: number;
}

export interface LimitRefusal {
  limit: LimitName;
  /** Names the limit and its value ("Query depth limit of 6 exceeded, found 7."). */
  message: string;
}

export const isRefusal = (result: CheckedOperation | LimitRefusal): result is LimitRefusal => 'limit' in result;

// graphql-armor prefixes its messages as if they were parse errors; they are limits.
const withoutPrefix = (error: GraphQLError): string => error.message.replace(/^Syntax Error: /, '');

/**
 * Parses one operation's text and holds it to the limits, with graphql-armor's parser (token limit)
 * and validation rules (depth, aliases, directives, cost); in production also refuses introspection.
 * Runs before graphql-js' own validation, on every operation of the document (not only the one
 * named to run), and never executes anything. Introspection's `__schema` field (only a field of
 * that name, since max-depth 2.4.2 and cost-limit 2.4.3) is left out of depth and cost so GraphiQL
 * works in development; operations and fragments merely named `__schema` are counted like any other.
 */
export function checkOperation(
  schema: GraphQLSchema,
  source: string,
  variables: Record<string, unknown>,
  limits: QueryLimits,
  production: boolean,
): CheckedOperation | LimitRefusal {
  let document: DocumentNode;
  try {
    document = new MaxTokensParserWLexer(source, { n: limits.tokens }).parseDocument();
  } catch (error) {
    const message = (error as GraphQLError).message;
    return /Token limit of/.test(message) ? { limit: 'tokens', message: withoutPrefix(error as GraphQLError) } : { limit: 'syntax', message };
  }

  const refusals: LimitRefusal[] = [];
  let cost = 0;
  const rejectAs = (limit: LimitName) => ({
    propagateOnRejection: false,
    onReject: [(_context: unknown, error: GraphQLError) => void refusals.push({ limit, message: withoutPrefix(error) })],
  });
  // flattenFragments: a fragment spread is not a level of its own. Without it graphql-armor counts each
  // spread as two extra levels of depth (and inflates its cost), refusing legitimate fragment-based queries.
  const rules: ValidationRule[] = [
    maxDepthRule({ n: limits.depth, flattenFragments: true, ...rejectAs('depth') }),
    maxAliasesRule({ n: limits.aliases, ...rejectAs('aliases') }),
    maxDirectivesRule({ n: limits.directives, ...rejectAs('directives') }),
    costLimitRule({ maxCost: limits.cost, flattenFragments: true, ...rejectAs('cost'), onAccept: [(_context, { n }) => void (cost += n)] }),
    ...(production ? [NoSchemaIntrospectionCustomRule] : []),
  ];
  // The page-size copy only adds `first` arguments: depth, aliases and directives are the same as the original's.
  // graphql-armor reports through onReject; graphql-js' introspection rule, the only other one, through validate's result.
  const introspectionErrors = validate(schema, withPageSizes(schema, document, variables, limits.listSize), rules);
  if (refusals.length > 0) return refusals[0]!;
  if (introspectionErrors.length > 0) return { limit: 'introspection', message: introspectionErrors[0]!.message };
  return { document, cost };
}
