export * from './plan.events';
export * from './subscription.events';
export * from './credits.events';
export * from './hour-pack.events';
