import { DispatchExtensions1732382900000 } from './1732382900000-dispatch-extensions';

/** Migrations of this area, in order; listed in data-source.ts after the core ones. */
export const MIGRATIONS: Function[] = [DispatchExtensions1732382900000];
