import { caseReplayCommand } from '../../../src/interfaces/cli/case-replay.command';
import { startTestApp, TestApp } from '../../support/test-app';
import { account, Account, deliveredOrder } from './dispute-fixtures';

/** `npm run cli -- case replay <orderId> [--at ...] [--json]` prints what GET /cases/{orderId}/history returns. */
describe('case replay (CLI)', () => {
  let t: TestApp;
  let buyer: Account;
  let seller: Account;
  let mediator: Account;
  let orderId: string;
  let history: any;

  const run = async (args: string[], flags: Record<string, string | boolean>) => {
    const out: string[] = [];
    const spy = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => {
        out.push(String(chunk));
        return true;
      });
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = await caseReplayCommand.run(args, flags, t.config);
      return { code, out: out.join('') };
    } finally {
      spy.mockRestore();
      err.mockRestore();
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    [buyer, seller, mediator] = await Promise.all([
      account(t, 'client'),
      account(t, 'provider'),
      account(t, 'mediator'),
    ]);
    ({ orderId } = await deliveredOrder(t, buyer, seller, 12_000));
    const opened = await t.request('POST', `/orders/${orderId}/disputes`, {
      token: buyer.token,
      body: { reason: 'late_delivery', statement: 'En retard' },
    });
    await t.request('POST', `/disputes/${opened.body.disputeId}/assign`, {
      token: mediator.token,
      body: {},
    });
    await t.request('POST', `/disputes/${opened.body.disputeId}/notes`, {
      token: mediator.token,
      body: { text: 'Note interne' },
    });
    history = (await t.request('GET', `/cases/${orderId}/history`, { token: mediator.token })).body;
  });
  afterAll(async () => t.close());

  it('prints every timeline line in a table, internal notes included for the operator', async () => {
    const { code, out } = await run([orderId], {});
    expect(code).toBe(0);
    const lines = out.split('\n');
    for (const entry of history.timeline) {
      expect(
        lines.some((l) => l.includes(entry.description) && l.startsWith(`${entry.seq} `)),
      ).toBe(true);
    }
    expect(out).toContain('Mediator added an internal note');
  });

  it('prints the same JSON as the endpoint, and the frozen state --at a position', async () => {
    const json = await run([orderId], { json: true });
    expect(JSON.parse(json.out).timeline.map((e: any) => e.event.id)).toEqual(
      history.timeline.map((e: any) => e.event.id),
    );
    const frozen = history.timeline.find((e: any) => e.type === 'EscrowFrozen');
    const at = await run([orderId], { at: frozen.position });
    expect(at.code).toBe(0);
    expect(at.out).toContain('Order   Contesté (contested)');
    expect(at.out).toContain('Escrow  Bloqué (contestation) (frozen): held €120.00');
    expect(at.out).not.toContain('Mediator took the case');
  });

  it('shows a party’s view with --as, and fails cleanly for an outsider or a bad --at', async () => {
    expect((await run([orderId], { as: buyer.id })).out).not.toContain('internal note');
    expect((await run([orderId], { as: 'someone-else' })).code).toBe(1);
    expect((await run([orderId], { at: 'yesterday' })).code).toBe(1);
    expect((await run([], {})).code).toBe(2);
  });
});
