/**
 * Inputs the fold ignores ("saying no costs 0": no line for anyone, no state). They stay
 * stored facts, but feeding them to the projector would only cost a replay when late. A unit
 * spec checks deriveLedger still ignores them.
 */
export const NO_EFFECT_TYPES: ReadonlySet<string> = new Set(['HelpRequestDeclined', 'HelpRequestExpired', 'HelpRequestWithdrawn', 'IntroDeclined']);
