import { disputeEffectIds } from '../disputes/deterministic-id';
import { payoutIds } from '../payouts/payout-ids';
import * as workerIds from '../scheduling/deterministic-id';
import { deterministicId, eventIdsFrom } from './deterministic-id';

// Stored events and gateway idempotency keys carry these ids: a refactor must derive them byte for byte.
const ORDER = '0b8f3c8e-2f6a-4a51-9d43-7c1e5b2a9f10';

describe('deterministic ids stay the ones already stored', () => {
  it('derives the shared ids as before', () => {
    expect(deterministicId('order', ORDER, 'escrow')).toBe('82672aba-3b70-5e60-a128-4d88779bb2e6');
    expect(eventIdsFrom('order-settlement', ORDER)(1)).toBe('7859407e-cd72-5ab3-a7c4-b9901b0bbc70');
  });

  it('derives the payout ids as before', () => {
    expect(payoutIds.id('chargeback', 'dp_123')).toBe('38f4dfa2-2080-5c42-abd1-b0fcac045aae');
    expect(payoutIds.events('job-42', 'transfer')(0)).toBe('88633c65-e58a-5c4c-bd2a-679e32a86ffe');
    expect(payoutIds.events('evt-7')(2)).toBe('25b440bf-778f-5163-8e52-8c7be2fd34cb');
  });

  it('derives the workers ids as before', () => {
    expect(workerIds.deterministicId('job', ORDER, 'deliveryDue')).toBe(
      'e61145c8-7509-59f3-b35f-fc4257d575cd',
    );
    expect(workerIds.eventIdsFrom('job-42')(0)).toBe('c853248c-2d58-587b-80a1-9e03a7ea0a62');
  });

  it('derives the dispute effect ids as before', () => {
    expect(disputeEffectIds.dispute(ORDER, 1)).toBe('6fe902fe-6020-5beb-9ab6-dba065ea9098');
    expect(disputeEffectIds.refund('d-1', 'r-1')).toBe('29786afa-3690-58c4-bd93-c74e0b9ee1a8');
    expect(disputeEffectIds.event('step-1', 3)).toBe('bdec544b-7400-54c7-9725-37013d0e2db0');
  });

  it('lays every id out as a version-5 UUID', () => {
    expect(payoutIds.id('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
