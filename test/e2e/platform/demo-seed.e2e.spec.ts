import { demoSeedCommand, DEMO_SEED_EXIT } from '../../../src/interfaces/cli/demo-seed.command';
import { runCli } from '../../support/cli';
import { startTestApp, TestApp } from '../../support/test-app';

/** The CLI compiles and boots the app in its own process, then writes 12 days of history. */
const SEED_TIMEOUT_MS = 300_000;

interface Printed {
  label: string;
  email: string;
  password: string;
}

/** The accounts table the command prints: label, e-mail, password. */
function printedAccounts(stdout: string): Printed[] {
  return [...stdout.matchAll(/^ {2}(.+?)\s{2,}(\S+@demo\.example\.fr)\s+(\S+)$/gm)].map((m) => ({
    label: m[1].trim(),
    email: m[2],
    password: m[3],
  }));
}

/**
 * Issue 16, point 6: with the service running (the test app: API, projectors, workers), the
 * `demo seed` CLI fills its empty database; the printed buyer logs in and sees orders in every
 * status on the dashboard; a second run is refused.
 */
describe('demo seed (CLI)', () => {
  let t: TestApp;
  let stdout = '';

  beforeAll(async () => {
    t = await startTestApp();
    const run = await runCli(t, ['demo', 'seed']);
    stdout = run.stdout;
    const { code, stderr } = run;
    if (code !== DEMO_SEED_EXIT.seeded) throw new Error(`demo seed exited ${code}: ${stderr}`);
    await t.settle();
  }, SEED_TIMEOUT_MS);
  afterAll(async () => t?.close());

  const login = async (account: Printed) => {
    const res = await t.request('POST', '/auth/login', {
      body: { email: account.email, password: account.password },
    });
    expect({ who: account.email, status: res.status }).toEqual({ who: account.email, status: 200 });
    return res.body.accessToken as string;
  };
  const printed = (label: string) => printedAccounts(stdout).filter((a) => a.label === label);

  it('prints an account for every role, each with a strong password that logs in', async () => {
    const accounts = printedAccounts(stdout);
    const roles: Record<string, string> = {
      Administratrice: 'admin',
      Médiateur: 'mediator',
      Finance: 'finance',
      'Client (acheteur)': 'client',
      'Prestataire (vendeur)': 'provider',
      Bénévole: 'volunteer',
      Association: 'association',
    };
    expect(new Set(accounts.map((a) => a.label))).toEqual(new Set(Object.keys(roles)));
    for (const account of accounts) {
      expect(account.password.length).toBeGreaterThanOrEqual(20);
      const me = await t.request('GET', '/me', { token: await login(account) });
      expect(me.body.roles).toContain(roles[account.label]);
    }
  });

  it("shows the buyer's orders in every status on the dashboard, one of them late", async () => {
    const token = await login(printed('Client (acheteur)')[0]);
    const dashboard = await t.request('GET', '/dashboard/buyer', { token });
    expect(dashboard.status).toBe(200);
    const orders = dashboard.body.orders as {
      status: string;
      late: boolean;
      rating: number | null;
    }[];
    expect(new Set(orders.map((o) => o.status))).toEqual(
      new Set([
        'awaiting_start',
        'active',
        'delivered',
        'in_revision',
        'completed',
        'contested',
        'cancelled',
      ]),
    );
    expect(orders.filter((o) => o.late)).toHaveLength(1);
    expect(orders.find((o) => o.status === 'completed')?.rating).toBe(5);
    const lateId = /active, late\s+(\S+)/.exec(stdout)![1];
    const late = await t.request('GET', `/orders/${lateId}`, { token });
    expect(late.body.lateMarkedAt).not.toBeNull();
  });

  it('leaves a dispute under mediation and a wallet paid out', async () => {
    const mediation = await t.request('GET', '/mediation/queue', {
      token: await login(printed('Médiateur')[0]),
    });
    const disputeId = /Dispute under mediation: (\S+)/.exec(stdout)![1];
    expect(mediation.body.items).toEqual([
      expect.objectContaining({ disputeId, status: 'under_review' }),
    ]);
    const payoutId = /Payout sent to the writer's bank account: (\S+)/.exec(stdout)![1];
    const wallets = await Promise.all(
      printed('Prestataire (vendeur)').map(
        async (p) => (await t.request('GET', '/wallet', { token: await login(p) })).body,
      ),
    );
    const paid = wallets.find((w) =>
      w.payouts?.some((p: { payoutId: string }) => p.payoutId === payoutId),
    );
    expect(paid).toMatchObject({ availableCents: 0, payouts: [{ status: 'paid_out' }] });
    expect(paid.paidOutCents).toBeGreaterThan(0);
  });

  it('refuses to run again on a database that holds data, saying why, with exit code 1', async () => {
    let stderr = '';
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    try {
      expect(await demoSeedCommand.run([], {}, t.config)).toBe(DEMO_SEED_EXIT.refused);
    } finally {
      spy.mockRestore();
    }
    expect(stderr).toMatch(/Refused: this database already holds data/);
  });
});
