export * from './decider.js';
export * from './decider.specification.js';
