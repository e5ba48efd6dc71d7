import { Injectable, Module, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { DomainError } from '@payforward/contracts';

/**
 * PostgreSQL's text and jsonb cannot hold U+0000: a name, a note or a search term carrying one
 * failed deep in a query as an internal error (found by the mutation fuzz). A lone UTF-16
 * surrogate is no character at all and reads back as U+FFFD. Neither belongs in text a member
 * writes, so every GraphQL argument of every subgraph is checked once, before its resolver runs,
 * and such text is refused as BAD_USER_INPUT naming the argument path (`input.title`).
 */


// NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one (UTF-16 code units).
const UNACCEPTABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const acceptable = (text: string): boolean => !UNACCEPTABLE.test(text);

/** The dotted path of the first string in `value` that is not acceptable text, or null. */
export function unacceptableTextAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return acceptable(value) ? null : path;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = unacceptableTextAt(item, path);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = unacceptableTextAt(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}

@Injectable()
export class TextInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // Nest reports @Args() parameters as 'body' (as for ValidationPipe); parent, context, info and the viewer as 'custom'.
    if (metadata.type !== 'body') return value;
    const field = unacceptableTextAt(value, metadata.data ?? '');
    if (field !== null) {
      throw new DomainError('BAD_USER_INPUT', `${field || 'The input'} contains a character text cannot hold (NUL, or half of a surrogate pair).`, field || undefined);
    }
    return value;
  }
}

/** Registers TextInputPipe for every resolver of the service (an APP_PIPE is global from any module). */
@Module({ providers: [{ provide: APP_PIPE, useClass: TextInputPipe }] })
export class TextInputModule {}
