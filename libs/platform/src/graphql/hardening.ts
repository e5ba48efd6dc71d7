import { NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';

/**
 * Options every Mercurius server of ours shares. With NODE_ENV=production (DESIGN.md §4): no
 * GraphiQL, no introspection, and no "Did you mean …?" hints that leak the schema (the last is
 * done by the error formatter, see createErrorFormatter's `production`).
 */
export function graphqlServerOptions(production: boolean): { graphiql: boolean; validationRules: ValidationRule[]; queryDepth: number } {
  return {
    graphiql: !production,
    validationRules: production ? [NoSchemaIntrospectionCustomRule] : [],
    // Generous for the contract's deepest legitimate query, tight enough to stop abusive nesting.
    queryDepth: 12,
  };
}

/** graphql-js appends schema hints to validation messages; production strips them. */
export const withoutSuggestions = (message: string): string => message.replace(/\s*Did you mean .*\?$/, '');
