import { REQUEST_RULES } from '@payforward/marketplace-domain';
import { describe, expect, it } from 'vitest';
import { ASK_RULES, composeMessage, validateAsk } from './request-rules';

describe('the client-side ask rules', () => {
  it('given the marketplace domain, then the message and goal bounds are the server’s own', () => {
    expect(ASK_RULES.message).toEqual(REQUEST_RULES.message);
    expect(ASK_RULES.goal).toEqual(REQUEST_RULES.goal);
  });

  it('given a draft at exactly the bounds, then it passes; one character past, it does not', () => {
    const ok = { goal: 'g'.repeat(10), context: 'c'.repeat(30), tried: 't'.repeat(10), introTargetId: '' };
    expect(validateAsk(ok, 'ADVICE_CALL')).toEqual({});
    expect(validateAsk({ ...ok, goal: 'g'.repeat(9) }, 'ADVICE_CALL')).toHaveProperty('goal');
    expect(validateAsk({ ...ok, goal: 'g'.repeat(301) }, 'ADVICE_CALL')).toHaveProperty('goal');
    const longest = { ...ok, context: 'c'.repeat(2000 - composeMessage(ok).length + 30) };
    expect(composeMessage(longest)).toHaveLength(2000);
    expect(validateAsk(longest, 'ADVICE_CALL')).toEqual({});
    expect(validateAsk({ ...longest, context: `${longest.context}c` }, 'ADVICE_CALL')).toHaveProperty('context');
  });
});
