export * from './storable-data-event-store';
