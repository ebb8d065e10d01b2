import { EventStore } from '../../../application/shared/event-store.port';
import { EVENT_VERSIONS } from './event-versions';
import { ORDERS_UPCASTERS } from './orders.upcasters';
import { PAYOUTS_UPCASTERS } from './payouts.upcasters';
import { UpcasterRegistry } from './upcaster-registry';
import { UpcastingEventStore } from './upcasting-event-store';

export * from './event-versions';
export * from './orders.upcasters';
export * from './payouts.upcasters';
export * from './upcaster-registry';
export * from './upcasting-event-store';

/** Every context's versions and upcasters; a context that raises a version adds its upcasters here. */
export const EVENT_UPCASTING = new UpcasterRegistry(EVENT_VERSIONS, [
  ...PAYOUTS_UPCASTERS,
  ...ORDERS_UPCASTERS,
]);

/** The one call that versions appends and upcasts reads around any EventStore. */
export function withUpcasting(
  store: EventStore,
  registry: UpcasterRegistry = EVENT_UPCASTING,
): EventStore {
  return new UpcastingEventStore(store, registry);
}
