export * from './member/member.rules.js';
export * from './member/member.state.js';
export * from './member/register-member.js';
export * from './member/member.decider.js';
