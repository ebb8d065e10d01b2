export * from './decider';
export * from './domain-error';
export * from './money';
export * from './command';
export * from './event-versions';
