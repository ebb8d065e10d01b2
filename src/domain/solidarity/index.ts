export * from './partnership.events';
