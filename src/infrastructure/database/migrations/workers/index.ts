import { ScheduledJobs1732385000000 } from './1732385000000-scheduled-jobs';
import { GatewayWebhooks1732385001000 } from './1732385001000-gateway-webhooks';
import { ObsoleteJobs1732385002000 } from './1732385002000-obsolete-jobs';
import { TestClock1732390000000 } from './1732390000000-test-clock';

/** Migrations of this area, in order; listed in data-source.ts after the core ones. */
export const MIGRATIONS: Function[] = [
  ScheduledJobs1732385000000,
  GatewayWebhooks1732385001000,
  ObsoleteJobs1732385002000,
  TestClock1732390000000,
];
