import { Files1732387000000 } from './1732387000000-files';

/** Migrations of this area, in order; listed in data-source.ts after the core ones. */
export const MIGRATIONS: Function[] = [Files1732387000000];
