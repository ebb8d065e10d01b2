/** Migrations of this area, in order; listed in data-source.ts after the core ones. */
export const MIGRATIONS: Function[] = [];
