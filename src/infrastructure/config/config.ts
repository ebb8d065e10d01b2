import { isIP } from 'node:net';
import { z } from 'zod';

const boolean = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/** Fastify's `trustProxy`: off, a hop count, or the proxies' addresses and CIDR ranges. */
const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): false | number | string[] => {
    if (value === '' || value === 'false' || value === '0') return false;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((s) => s.trim());
    const bad = entries.filter((e) => !isProxyAddress(e));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a hop count or a comma list of proxy addresses or CIDR ranges (not ${bad.join(', ')}): trusting every client lets anyone choose its address`,
      });
      return z.NEVER;
    }
    return entries;
  });

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    /** Whose X-Forwarded-For sets the client address (login throttle, idempotency scope); off: nobody's. */
    TRUST_PROXY: trustProxy.default(false),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** `pretty` or `json`; unset: pretty when a developer runs the service in a terminal, JSON otherwise. */
    LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .default('postgres://postgres@127.0.0.1:5432/marketplace'),
    PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(16),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
    /** Prefix of every Redis key and BullMQ queue, so test runs never collide. */
    REDIS_PREFIX: z.string().min(1).default('mk'),
    EVENT_STORE: z.enum(['postgres', 'eventstoredb']).default('postgres'),
    /** Streams whose last decided state each process keeps (0 turns the cache off); see AggregateCache. */
    AGGREGATE_CACHE_SIZE: z.coerce.number().int().min(0).default(10_000),
    AGGREGATE_CACHE_MAX_AGE_SECONDS: z.coerce.number().int().min(1).default(300),
    EVENTSTORE_CONNECTION_STRING: z
      .string()
      .regex(/^(kurrentdb|esdb|kdb)(\+discover)?:\/\//, 'must be a kurrentdb:// or esdb:// connection string')
      .optional(),
    /** Which parts this process runs: any of api, projectors, workers. */
    PROCESS_ROLES: z
      .string()
      .default('api,projectors,workers')
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.enum(['api', 'projectors', 'workers'])).min(1)),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).default(30),
    /** Key-encryption key (32 bytes, base64) wrapping each account's personal-data key. */
    PERSONAL_DATA_MASTER_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes encoded in base64')
      .optional(),
    STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
    STRIPE_API_HOST: z.string().optional(),
    STRIPE_API_PORT: z.coerce.number().int().optional(),
    STRIPE_API_PROTOCOL: z.enum(['http', 'https']).optional(),
    /** PayPal payouts for PayPal withdrawals; unset, they go through the payment gateway like bank ones. */
    PAYPAL_CLIENT_ID: z.string().min(1).optional(),
    PAYPAL_CLIENT_SECRET: z.string().min(1).optional(),
    /** https://api-m.sandbox.paypal.com, https://api-m.paypal.com, or a local double's URL in tests. */
    PAYPAL_BASE_URL: z.string().url().optional(),
    PAYPAL_WEBHOOK_ID: z.string().min(1).optional(),
    /** Where PayPal sends a buyer back after approving a payment (Stripe's `return_url`). */
    PAYPAL_RETURN_URL: z.string().url().default('http://localhost:3000/payments/paypal/return'),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// URL').optional(),
    MAIL_FROM: z.string().default('Marketplace <no-reply@marketplace.local>'),
    /** Missions (docs/missions.md): commission in basis points of the accepted price. */
    MISSION_COMMISSION_BP: z.coerce.number().int().min(0).max(10_000).default(1_500),
    /** Missions: hours providers have to answer a request (capped so the answer comes before the start). */
    MISSION_RESPONSE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
    /** Missions: how long a card authorisation is relied on (a card authorisation lasts about 7 days). */
    MISSION_AUTHORISATION_WINDOW_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(144),
    /** Missions: hours after the mission's end without validation or reported problem before it is validated automatically. */
    MISSION_AUTO_VALIDATE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(48),
    /** Missions: hours before the start within which a client's cancellation of a confirmed mission is late (0: never). */
    MISSION_LATE_CANCEL_WINDOW_HOURS: z.coerce.number().int().min(0).max(24 * 30).default(24),
    /** Missions: share of the price kept for the provider on a late cancellation, in basis points (0: free). */
    MISSION_LATE_CANCEL_FEE_BP: z.coerce.number().int().min(0).max(10_000).default(0),
    /** Missions: how many ranked providers a dispatched request is sent to. */
    MISSION_DISPATCH_LIMIT: z.coerce.number().int().min(1).max(50).default(20),
    /** Plans (docs/plans-pro.md): km a running Pro subscription takes off a provider's distance in dispatch ranking (at most 5, the ranking's cap). */
    MISSION_PRO_RANK_BOOST_KM: z.coerce.number().int().min(0).max(5).default(2),
    AUTO_COMPLETE_AFTER_DAYS: z.coerce.number().int().min(1).default(3),
    DISPUTE_RESPONSE_DAYS: z.coerce.number().int().min(1).default(5),
    CATALOG_COMMISSION_BP: z.coerce.number().int().min(0).max(10_000).default(1_000),
    CUSTOM_COMMISSION_BP: z.coerce.number().int().min(0).max(10_000).default(2_000),
    /** How long an order paid by bank transfer or PayPal waits for its funds before it expires. */
    ORDER_FUNDS_WINDOW_HOURS: z.coerce.number().int().min(1).max(24 * 60).default(168),
    /** Missions: the fee of the provider's instant payout in basis points of their net share, borne by the provider (docs/missions-money.md). */
    MISSION_INSTANT_PAYOUT_FEE_BP: z.coerce.number().int().min(0).max(1_000).default(0),
    /** Missions: hours before `autoValidateAt` the client is reminded to validate or report a problem. */
    MISSION_VALIDATION_REMINDER_HOURS: z.coerce.number().int().min(1).max(168).default(24),
    /** Plans (docs/plans-subscriptions.md): days before a renewal charge the provider is e-mailed. */
    PLAN_RENEWAL_REMINDER_DAYS: z.coerce.number().int().min(1).max(28).default(7),
    /** Plans: hours after a refused renewal's due time of each retry, ascending; after the last, suspension. */
    PLAN_RENEWAL_RETRY_HOURS: z
      .string()
      .default('24,72,120')
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean).map(Number))
      .pipe(
        z
          .array(z.number().int().min(1).max(24 * 28))
          .max(10)
          .refine((hours) => hours.every((h, i) => i === 0 || h > hours[i - 1]), 'must be ascending'),
      ),
    /** Plans: how long (real time) the renewal job reuses a plan read from the catalogue. */
    PLAN_RENEWAL_CATALOG_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
    /** Hour packs: the withdrawal period ("droit de rétractation") after a purchase, in days (docs/plans-hour-packs.md). */
    HOUR_PACK_WITHDRAWAL_DAYS: z.coerce.number().int().min(0).max(365).default(14),
    /** Solidarity: the share of a month's revenue (HT) given to partner associations, in basis points (500 = 5 %; docs/solidarity-pot.md). */
    SOLIDARITY_POT_BP: z.coerce.number().int().min(0).max(10_000).default(500),
    SWAGGER_ENABLED: boolean.default(true),
    /** Jobs one worker process runs at once per queue; unset, each queue has its own (deadlines 50, reminders 10, payouts 5, webhooks 5). */
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).optional(),
    /** How long a worker holds a job before another may take it over (a dead worker's job runs again after this). */
    WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(100).default(30_000),
    WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
    WORKER_MAX_STALLED_COUNT: z.coerce.number().int().min(1).default(2),
    /** How often the durable job ledger is compared with Redis (and jobs coming due are moved there). */
    JOB_RECONCILE_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
    /** Jobs due within this are queued in Redis at once; later ones wait in the Postgres ledger. */
    JOB_ENQUEUE_HORIZON_MS: z.coerce.number().int().min(1_000).default(600_000),
    /** A claimed Idempotency-Key not renewed for this long (its process died) is taken over by a retry; a live request renews it. */
    IDEMPOTENCY_CLAIM_LEASE_SECONDS: z.coerce.number().int().min(1).default(10),
    /** How long an Idempotency-Key and its answer are kept (worker processes purge older ones). */
    IDEMPOTENCY_RETENTION_HOURS: z.coerce.number().int().min(1).default(24),
    /** Staff may move the platform clock forward (`/admin/test-clock`); refused in production. */
    TEST_CLOCK_ENABLED: boolean.default(false),
    /** How often each process re-reads the test clock's offset: the most two processes can disagree. */
    TEST_CLOCK_REFRESH_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
    /** Where uploaded files live: `local` (a directory, the default) or any S3-compatible object store. */
    FILE_STORAGE: z.enum(['local', 's3']).default('local'),
    /** The local adapter's directory, created if missing. */
    FILE_STORAGE_DIR: z.string().min(1).default('./var/files'),
    S3_ENDPOINT: z.string().url().optional(),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Path-style URLs (`endpoint/bucket/key`), which most S3-compatible servers (MinIO, s3rver) need. */
    S3_FORCE_PATH_STYLE: boolean.default(false),
    /** HMAC key of the signed download links (at least 32 characters); a development default outside production. */
    FILE_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    FILE_LINK_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
    /** `none` accepts every file (no scanner installed); `eicar` refuses files holding the EICAR test string (tests, demos). */
    VIRUS_SCANNER: z.enum(['none', 'eicar']).default('none'),
  })
  .superRefine((c, ctx) => {
    if (c.JOB_ENQUEUE_HORIZON_MS < 2 * c.JOB_RECONCILE_INTERVAL_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['JOB_ENQUEUE_HORIZON_MS'],
        message: 'must be at least twice JOB_RECONCILE_INTERVAL_MS, or a job could reach Redis after its time',
      });
    }
    if (c.EVENT_STORE === 'eventstoredb' && !c.EVENTSTORE_CONNECTION_STRING) {
      ctx.addIssue({ code: 'custom', path: ['EVENTSTORE_CONNECTION_STRING'], message: 'is required when EVENT_STORE=eventstoredb' });
    }
    const paypal = ['PAYPAL_CLIENT_ID', 'PAYPAL_CLIENT_SECRET', 'PAYPAL_BASE_URL'] as const;
    if (paypal.some((key) => c[key]) || c.PAYPAL_WEBHOOK_ID) {
      for (const key of paypal) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when PayPal payouts are configured' });
      }
    }
    if (c.NODE_ENV === 'production' && c.TEST_CLOCK_ENABLED) {
      ctx.addIssue({
        code: 'custom',
        path: ['TEST_CLOCK_ENABLED'],
        message: 'must be false in production: a movable clock would let staff fire every deadline at will',
      });
    }
    if (c.FILE_STORAGE === 's3' && !c.S3_BUCKET) {
      ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'is required when FILE_STORAGE=s3' });
    }
    if (c.NODE_ENV === 'production') {
      for (const key of ['JWT_SECRET', 'PERSONAL_DATA_MASTER_KEY', 'FILE_LINK_SECRET'] as const) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
      }
    }
  });

export type AppConfig = z.infer<typeof schema> & {
  JWT_SECRET: string;
  PERSONAL_DATA_MASTER_KEY: string;
  FILE_LINK_SECRET: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Development defaults, never used in production (the schema requires real values there). */
const DEV_JWT_SECRET = 'development-only-secret-change-me-0123456789';
const DEV_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');
const DEV_FILE_LINK_SECRET = 'development-only-file-link-secret-0123456789';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return {
    ...parsed.data,
    JWT_SECRET: parsed.data.JWT_SECRET ?? DEV_JWT_SECRET,
    PERSONAL_DATA_MASTER_KEY: parsed.data.PERSONAL_DATA_MASTER_KEY ?? DEV_MASTER_KEY,
    FILE_LINK_SECRET: parsed.data.FILE_LINK_SECRET ?? DEV_FILE_LINK_SECRET,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
