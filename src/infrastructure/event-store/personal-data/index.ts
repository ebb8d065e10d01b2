export * from './personal-data-cipher';
export * from './personal-data-keyring';
export * from './personal-data-event-store';
export * from './personal-data-fields';
