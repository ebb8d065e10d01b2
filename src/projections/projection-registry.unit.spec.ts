import type { Pool } from 'pg';
import type { EventStore } from '../application/shared/event-store.port';
import { HealthContributors } from '../application/shared/health';
import type { AppConfig } from '../infrastructure/config/config';
import { allProjections } from './all-projections';
import { ProjectionsService } from './projections.service';
import { Projection } from './runner/projection';

function service(health = new HealthContributors()) {
  // Not a projector process: bootstrap only checks the registrations and adds the health section.
  const config = { PROCESS_ROLES: ['api'], EVENT_STORE: 'postgres' } as unknown as AppConfig;
  return new ProjectionsService({} as EventStore, {} as Pool, config, health);
}

describe('ProjectionsService as the projection registry', () => {
  it('runs what the contexts registered, in the order of the one projection list', () => {
    const projections = service();
    for (const p of allProjections().reverse()) projections.register(p);
    projections.onApplicationBootstrap();
    expect(projections.projections.map((p) => p.name)).toEqual(allProjections().map((p) => p.name));
  });

  it('refuses to start when a listed projection was registered by no module', () => {
    const projections = service();
    for (const p of allProjections().filter((p) => p.name !== 'invoices')) projections.register(p);
    expect(() => projections.onApplicationBootstrap()).toThrow(/"unregistered":\["invoices"\]/);
  });

  it('refuses to start when a registered projection is missing from the list the migration reads', () => {
    const projections = service();
    for (const p of allProjections()) projections.register(p);
    projections.register({ ...allProjections()[0], name: 'reviews' } as unknown as Projection);
    expect(() => projections.onApplicationBootstrap()).toThrow(/"unlisted":\["reviews"\]/);
  });

  it('refuses a projection registered twice', () => {
    const projections = service();
    for (const p of [...allProjections(), ...allProjections().slice(0, 1)]) projections.register(p);
    expect(() => projections.onApplicationBootstrap()).toThrow(/"repeated":\["orders"\]/);
  });

  it('reports on /health through the health registry, not the controller', () => {
    const health = new HealthContributors();
    const projections = service(health);
    for (const p of allProjections()) projections.register(p);
    projections.onApplicationBootstrap();
    expect(health.list().map((c) => c.key)).toEqual(['projections']);
  });
});
