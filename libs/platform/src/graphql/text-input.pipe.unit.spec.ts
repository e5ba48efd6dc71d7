import { DomainError } from '@payforward/contracts';
import { TextInputPipe, unacceptableTextAt } from './text-input.pipe.js';

const ARGS = { type: 'body' as const, data: 'input' };

describe('text a member may send', () => {
  it.each([
    ['plain text', 'Backend career chat'],
    ['accents, emoji and a surrogate pair', 'Zoë 🧑🏽‍💻 𒔩'],
    ['control characters PostgreSQL stores', 'tab\there\nnewline\u0001'],
    ['an empty string', ''],
  ])('given %s, then it passes', (_what, text) => {
    expect(unacceptableTextAt({ title: text, topics: [text] }, 'input')).toBeNull();
  });

  it.each([
    ['a NUL character', 'nul\u0000inside', 'input.title'],
    ['a lone high surrogate', 'broken \uD800', 'input.title'],
    ['a lone low surrogate', '\uDC00 broken', 'input.title'],
    ['surrogates in the wrong order', '\uDC00\uD800', 'input.title'],
  ])('given %s, then the path of the field is named', (_what, text, path) => {
    expect(unacceptableTextAt({ title: text }, 'input')).toBe(path);
  });

  it('given bad text in a list or a nested object, then the path names the list or the nested field', () => {
    expect(unacceptableTextAt({ topics: ['ok', 'b\u0000d'] }, 'input')).toBe('input.topics');
    expect(unacceptableTextAt({ windows: [{ weekday: 1, start: '\uD800' }] }, 'input')).toBe('input.windows.start');
    expect(unacceptableTextAt('x\u0000', 'displayName')).toBe('displayName');
  });

  it('given @Args with bad text, when piped, then BAD_USER_INPUT names the field; other parameters pass untouched', () => {
    const pipe = new TextInputPipe();
    let refused: unknown;
    try {
      pipe.transform({ title: 'a\u0000b' }, ARGS);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    const context = { anything: 'a\u0000b' };
    expect(pipe.transform(context, { type: 'custom' })).toBe(context);
    expect(pipe.transform({ title: 'fine' }, ARGS)).toEqual({ title: 'fine' });
  });
});
