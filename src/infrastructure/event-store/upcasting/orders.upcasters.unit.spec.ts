import { RecordedEvent } from '../../../application/shared/event-store.port';
import { EVENT_UPCASTING, EVENT_VERSIONS } from './index';
import { withNoContactDetails } from './orders.upcasters';

const v1Message = {
  orderId: 'o1',
  messageId: 'm1',
  authorId: 'b1',
  text: 'Appelez-moi au 06 12 34 56 78',
  fileRefs: [],
  automatic: false,
  postedAt: '2025-06-01T08:00:00.000Z',
};

const recorded = (schemaVersion: number, data: unknown): RecordedEvent => ({
  id: 'e1',
  streamName: 'order-o1',
  revision: 1n,
  position: { commit: 1n, prepare: 1n },
  type: 'OrderMessagePosted',
  schemaVersion,
  data,
  metadata: {},
  recordedAt: new Date(0),
});

describe('OrderMessagePosted versions', () => {
  it('is stored at version 2, with the detected contact details', () => {
    expect(EVENT_VERSIONS.OrderMessagePosted).toBe(2);
  });

  it('reads a v1 message as v2 with no detected span: it was never masked, it stays as it was', () => {
    const event = EVENT_UPCASTING.upcast(recorded(1, JSON.parse(JSON.stringify(v1Message))));
    expect(event.schemaVersion).toBe(2);
    expect(event.data).toEqual({ ...v1Message, contactDetails: [] });
  });

  it('keeps spans already present and leaves other shapes alone', () => {
    const v2 = { ...v1Message, contactDetails: [{ kind: 'phone', start: 15, end: 29 }] };
    expect(withNoContactDetails(v2)).toBe(v2);
    for (const odd of [null, 'x', []]) expect(withNoContactDetails(odd)).toBe(odd);
  });
});
