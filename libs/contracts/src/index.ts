export * from './envelope.js';
export * from './topics.js';
export * from './catalog.js';
export * from './identity/member.events.js';
export * from './marketplace/index.js';
export * from './reputation/admin.events.js';
export * from './errors.js';
export * from './personal-data.js';
