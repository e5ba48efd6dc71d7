import type { Logger } from 'pino';
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { classifyError, classifyForwardedError, type ClassifiedError } from './api-errors.js';
import { withoutSuggestions } from './hardening.js';

// @mercuriusjs/gateway wraps subgraph errors in an Error with this message and the subgraph's
// errors (already formatted there) in extensions.errors.
const FEDERATED_ERROR = String(Symbol('FEDERATED_ERROR'));

type Execution = ExecutionResult & { errors: readonly GraphQLError[]; statusCode?: number };

function expand(error: GraphQLError): ClassifiedError[] {
  if (error.message === FEDERATED_ERROR && Array.isArray(error.extensions?.errors)) {
    return (error.extensions.errors as unknown[]).map(classifyForwardedError);
  }
  // Mercurius reports a query that fails parsing or validation as one error holding the list.
  const nested = (error.originalError as { errors?: unknown } | undefined)?.errors;
  if (Array.isArray(nested)) {
    return nested.map((e) => classifyError(e instanceof GraphQLError ? e : new GraphQLError(String((e as Error)?.message ?? e))));
  }
  return [classifyError(error)];
}

/**
 * Mercurius `errorFormatter` for subgraphs and the gateway alike: typed, contract-coded
 * errors only; unexpected ones are logged here (with the stack) and reach the client as a
 * generic INTERNAL_SERVER_ERROR.
 */
export function createErrorFormatter(log: Logger, { production = false }: { production?: boolean } = {}) {
  return (execution: Execution, _context?: unknown) => {
    const errors: GraphQLFormattedError[] = [];
    for (const error of execution.errors) {
      for (const { formatted, unexpected } of expand(error)) {
        if (unexpected) {
          const cause = error.originalError ?? error;
          log.error({ err: cause, path: error.path }, 'GraphQL operation failed unexpectedly');
        }
        errors.push(production ? { ...formatted, message: withoutSuggestions(formatted.message) } : formatted);
      }
    }
    const statusCode = execution.data ? 200 : (execution.statusCode ?? 200);
    return { statusCode, response: { data: execution.data ?? null, errors } };
  };
}
