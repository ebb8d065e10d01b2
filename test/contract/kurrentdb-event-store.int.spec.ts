import { KurrentDbEventStore } from '../../src/infrastructure/event-store/kurrentdb/kurrentdb-event-store';
import { describeEventStoreContract } from './event-store.contract';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract(
    'EventStoreDB (KurrentDB)',
    async () => {
      const store = new KurrentDbEventStore(connectionString);
      return { store, cleanup: () => store.close() };
    },
    { globallyUniqueEventIds: false, concurrentWriters: false },
  );
} else {
  // Reported as skipped, never as a pass: there is no KurrentDB server on this machine.
  describe.skip('EventStore contract: EventStoreDB (KurrentDB) — set EVENTSTORE_CONNECTION_STRING to run', () => {
    it('runs the shared contract suite against a live server', () => undefined);
  });
}
