import { EventStore } from '../../application/shared/event-store.port';
import { PersonalDataKeyring, withPersonalDataProtection } from './personal-data';
import { withStorableDataGuard } from './storable-data';
import { UpcasterRegistry, withUpcasting } from './upcasting';

/**
 * The decorators every adapter runs inside, in their one order: personal data is decrypted
 * before the upcasters read it, and the outer guard checks strings while they are still in clear.
 */
export function decorateEventStore(
  adapter: EventStore,
  keyring: PersonalDataKeyring,
  upcasting?: UpcasterRegistry,
): EventStore {
  return withStorableDataGuard(
    withUpcasting(withPersonalDataProtection(adapter, keyring), upcasting),
  );
}
