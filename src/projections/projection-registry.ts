import { Projection } from './runner/projection';

/** Context modules register the projections they own here (in `onModuleInit`); the runner reads them. */
export abstract class ProjectionRegistry {
  abstract register(projection: Projection): void;
}
