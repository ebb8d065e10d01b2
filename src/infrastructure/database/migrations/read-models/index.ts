import { ReadModels1732383000000 } from './1732383000000-read-models';

/** Migrations of this area, in order; listed in data-source.ts after the core ones. */
export const MIGRATIONS: Function[] = [ReadModels1732383000000];
