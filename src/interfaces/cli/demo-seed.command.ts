import { ensureDatabase, migrate } from '../../infrastructure/database/data-source';
import { CliCommand } from './cli-command';
import { DemoMarketplace, DemoMarketplaceSeed, DemoRefusedError } from './demo-marketplace';

/** Exit codes, documented in the README: 0 seeded, 1 refused (the database holds data). */
export const DEMO_SEED_EXIT = { seeded: 0, refused: 1, usage: 2 } as const;

export function formatDemo(demo: DemoMarketplace, baseUrl: string): string {
  const width = Math.max(...demo.accounts.map((a) => a.email.length));
  return [
    'Demo marketplace ready. Accounts (passwords are generated: keep them, they are shown once):',
    '',
    ...demo.accounts.map((a) => `  ${a.label.padEnd(22)} ${a.email.padEnd(width)}  ${a.password}`),
    '',
    'Orders of the buyer (GET /orders/{orderId}, GET /dashboard/buyer):',
    ...demo.orders.map((o) => `  ${o.state.padEnd(26)} ${o.orderId}`),
    `Dispute under mediation: ${demo.disputeId}`,
    `Payout sent to the writer's bank account: ${demo.payoutId}`,
    '',
    `Try it: POST ${baseUrl}/auth/login with the buyer's e-mail and password, then GET ${baseUrl}/dashboard/buyer with the access token.`,
    '',
  ].join('\n');
}

export const demoSeedCommand: CliCommand = {
  name: ['demo', 'seed'],
  usage: 'demo seed',
  description:
    'Fill an empty database with a demo marketplace (every role, gigs, orders in every status, a dispute, a payout); refused if it holds data (exit 1)',
  async run(args, flags, config) {
    if (args.length > 0 || Object.keys(flags).length > 0) {
      process.stderr.write('Usage: npm run cli -- demo seed\n');
      return DEMO_SEED_EXIT.usage;
    }
    await ensureDatabase(config.DATABASE_URL);
    await migrate(config.DATABASE_URL);
    const seed = await DemoMarketplaceSeed.open(config);
    try {
      const demo = await seed.run();
      process.stdout.write(formatDemo(demo, `http://${config.HOST}:${config.PORT}`));
      return DEMO_SEED_EXIT.seeded;
    } catch (error) {
      if (!(error instanceof DemoRefusedError)) throw error;
      process.stderr.write(`${error.message}\n`);
      return DEMO_SEED_EXIT.refused;
    } finally {
      await seed.close();
    }
  },
};
