import { ReadModels1732383000000 } from './1732383000000-read-models';
import { ProjectionHalts1732386450000 } from './1732386450000-projection-halts';
import { GigSimilarity1732386500000 } from './1732386500000-gig-similarity';

/** Migrations of this area, in order; listed in data-source.ts after the core ones. */
export const MIGRATIONS: Function[] = [
  ReadModels1732383000000,
  ProjectionHalts1732386450000,
  GigSimilarity1732386500000,
];
