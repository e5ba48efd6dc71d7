import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { createErrorFormatter } from '@payforward/platform';
import type { GraphQLError } from 'graphql';
import type { Logger } from 'pino';

type Formatter = ReturnType<typeof createErrorFormatter>;
type Execution = Parameters<Formatter>[0];

type AfterValidate = (payload: { valid: boolean; result: readonly GraphQLError[]; setResult(errors: GraphQLError[]): void }) => void;

/** graphql-armor's block-field-suggestions, applied where Mercurius reports validation errors (it has no envelop hooks). */
function suggestionMasker(): (errors: readonly GraphQLError[]) => void {
  // An empty mask: the message simply ends where graphql-js would have started listing schema names.
  const afterValidate = blockFieldSuggestionsPlugin({ mask: '' }).onValidate!({} as never) as unknown as AfterValidate;
  return (errors) => afterValidate({ valid: false, result: errors, setResult: () => undefined });
}

// Mercurius reports a document that fails validation as one error holding the list.
const withNested = (errors: readonly GraphQLError[]): GraphQLError[] =>
  errors.flatMap((e) => [e, ...(((e.originalError as { errors?: unknown } | undefined)?.errors as GraphQLError[] | undefined) ?? [])]);

/** A request Fastify could not read (malformed JSON, unsupported type, body too large): the client's fault, and safe to say. */
function unreadableRequest(errors: readonly GraphQLError[]): { statusCode: number; message: string } | undefined {
  const original = errors.length === 1 ? (errors[0]!.originalError as { code?: unknown; statusCode?: unknown; message?: string } | undefined) : undefined;
  const { code, statusCode } = original ?? {};
  if (typeof code !== 'string' || !code.startsWith('FST_ERR_') || typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
  return { statusCode, message: original!.message ?? 'The request could not be read.' };
}

/**
 * The gateway's Mercurius `errorFormatter`: the platform's (contract codes, masked internals), plus
 * in production graphql-armor's suggestion blocking ahead of it, and a typed BAD_USER_INPUT instead
 * of an internal error for a request body Fastify refused.
 */
export function gatewayErrorFormatter(logger: Logger, production: boolean): Formatter {
  const format = createErrorFormatter(logger, { production });
  const maskSuggestions = suggestionMasker();
  return (execution: Execution, context?: unknown) => {
    const unreadable = unreadableRequest(execution.errors);
    if (unreadable) {
      return { statusCode: unreadable.statusCode, response: { data: null, errors: [{ message: unreadable.message, extensions: { code: 'BAD_USER_INPUT' } }] } };
    }
    if (production) maskSuggestions(withNested(execution.errors));
    return format(execution, context);
  };
}
