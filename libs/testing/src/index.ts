export * from './env.js';
export * from './database.js';
export * from './wait-for.js';
export * from './services.js';
export * from './kafka-cleanup.js';
export * from './stack.js';
export * from './marketplace.operations.js';
export * from './consumed-types.js';
