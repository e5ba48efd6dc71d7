export * from './reputation.inputs.js';
export * from './rulebook.js';
export * from './rulebook.table.js';
export * from './ledger.types.js';
export { deriveLedger } from './ledger.fold.js';
export { summarize, emptySummary, levelFor, badgesFor } from './ledger.summary.js';
export { LedgerProjector, type LedgerChange } from './ledger.projector.js';
export { flagCoverage } from './reversal.rules.js';
export { entryId, uuidV5, REPUTATION_NAMESPACE } from './stable-id.js';
