export * from './project.events';
export * from './project.state';
export * from './offer.events';
export * from './tender-categories';
export * from './provider-preferences.events';
export * from './project-account';
