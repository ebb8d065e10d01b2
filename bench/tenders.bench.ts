/**
 * Tenders benchmark (issue 17): the open-projects list ("projets disponibles") over
 * BENCH_TENDERS_PROJECTS projects (default 100,000; 85 % open) and BENCH_TENDERS_PROVIDERS
 * providers (default 10,000) with BENCH_TENDERS_MARKS_PER_PROVIDER mark rows each (default 10:
 * credits spent, hidden projects), in a throwaway migrated database. Measures the query the
 * controller runs (`openProjects`, as a provider, filtered by category + budget range + date +
 * one word, first page of 50) beside a plain lookup of one project by primary key, the two
 * interleaved on one connection in the same run. Target: list p99 ≤ 3 × lookup p99.
 * Env: DATABASE_URL, BENCH_TENDERS_SAMPLES (default 2,000 of each). Prints, never asserts; ends
 * with one `BENCH {...}` line.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { TENDER_CATEGORY_SLUGS } from '../src/domain/tenders';
import { openProjects } from '../src/projections/tender-projects/tender-projects.queries';
import { createBenchDatabase } from './support/database';
import { fmt, log, nowNs, percentile, table } from './support/measure';

const PROJECTS = Number(process.env.BENCH_TENDERS_PROJECTS ?? 100_000);
const PROVIDERS = Number(process.env.BENCH_TENDERS_PROVIDERS ?? 10_000);
const MARKS_PER_PROVIDER = Number(process.env.BENCH_TENDERS_MARKS_PER_PROVIDER ?? 10);
const SAMPLES = Number(process.env.BENCH_TENDERS_SAMPLES ?? 2_000);
const WARMUP = 300;
const TARGET_RATIO = 3;
const BATCH = 5_000;
const DAY = 86_400_000;

const round = (n: number, digits = 3) => Number(n.toFixed(digits));

/** A seeded pseudo-random generator, so two runs seed the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const SYLLABLES = [
  'ba',
  'ce',
  'di',
  'fo',
  'gu',
  'la',
  'me',
  'ni',
  'po',
  'ru',
  'sa',
  'te',
  'vi',
  'zo',
  'mar',
  'len',
  'tor',
  'pil',
  'gan',
  'dor',
];
/** 2,000 made-up words of three syllables: each project's text draws 24 of them. */
const VOCABULARY = Array.from({ length: 2_000 }, (_, n) =>
  [n % 20, Math.floor(n / 20) % 20, Math.floor(n / 400)].map((i) => SYLLABLES[i]).join(''),
);
const STATUSES = ['selected', 'signed', 'finished', 'withdrawn'];

async function seed(pool: Pool, random: () => number, now: number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const words = (n: number) => Array.from({ length: n }, () => pick(VOCABULARY)).join(' ');
  const projectIds: string[] = [];
  for (let start = 0; start < PROJECTS; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, PROJECTS - start) }, () => {
      const min = 50_000 + Math.floor(random() * 1_950_000);
      const id = randomUUID();
      projectIds.push(id);
      return {
        id,
        client: randomUUID(),
        title: `Projet ${words(4)}`,
        description: `Description du besoin : ${words(20)}.`,
        category: pick(TENDER_CATEGORY_SLUGS),
        min,
        max: min + Math.floor(random() * 2 * min),
        postedAt: new Date(now - Math.floor(random() * 365 * DAY)).toISOString(),
        status: random() < 0.85 ? 'open' : pick(STATUSES),
      };
    });
    await pool.query(
      `INSERT INTO rm_tender_projects (project_id, rev, client_id, title, description, category,
         budget_min_cents, budget_max_cents, wished_deadline, posted_at, status, updated_at)
       SELECT id, 0, client, title, description, category, min, max, date '2027-12-31', posted_at,
         status, now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[],
         $7::bigint[], $8::timestamptz[], $9::text[])
         AS u(id, client, title, description, category, min, max, posted_at, status)`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.client),
        rows.map((r) => r.title),
        rows.map((r) => r.description),
        rows.map((r) => r.category),
        rows.map((r) => r.min),
        rows.map((r) => r.max),
        rows.map((r) => r.postedAt),
        rows.map((r) => r.status),
      ],
    );
  }
  const providerIds = Array.from({ length: PROVIDERS }, () => randomUUID());
  const marks = providerIds.flatMap((provider) => {
    const projects = new Set<string>();
    while (projects.size < MARKS_PER_PROVIDER) projects.add(pick(projectIds));
    return [...projects].map((project) => ({
      provider,
      project,
      consulted: random() < 0.6,
      offered: random() < 0.3,
      contacted: random() < 0.1,
      hidden: random() < 0.2,
    }));
  });
  for (let start = 0; start < marks.length; start += BATCH) {
    const rows = marks.slice(start, start + BATCH);
    await pool.query(
      `INSERT INTO rm_tender_provider_marks (provider_id, project_id, consulted, offered, contacted,
         hidden, updated_at)
       SELECT *, now() FROM unnest($1::text[], $2::text[], $3::bool[], $4::bool[], $5::bool[], $6::bool[])`,
      [
        rows.map((r) => r.provider),
        rows.map((r) => r.project),
        rows.map((r) => r.consulted),
        rows.map((r) => r.offered),
        rows.map((r) => r.contacted),
        rows.map((r) => r.hidden),
      ],
    );
  }
  await pool.query('ANALYZE');
  return { projectIds, providerIds, markRows: marks.length };
}

async function main(): Promise<void> {
  const db = await createBenchDatabase();
  const pool = new Pool({ connectionString: db.url, max: 1 });
  try {
    const random = rng(17);
    const now = Date.now();
    const seedStart = nowNs();
    const { projectIds, providerIds, markRows } = await seed(pool, random, now);
    const seedSeconds = Number(nowNs() - seedStart) / 1e9;
    log(`seeded ${fmt(PROJECTS)} projects, ${fmt(markRows)} mark rows in ${fmt(seedSeconds, 1)} s`);

    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const filter = () => ({
      providerId: pick(providerIds),
      category: pick(TENDER_CATEGORY_SLUGS),
      minBudgetCents: 100_000,
      maxBudgetCents: 1_500_000,
      postedFrom: new Date(now - 180 * DAY).toISOString(),
      q: pick(VOCABULARY),
      limit: 50,
    });
    const list: number[] = [];
    const lookup: number[] = [];
    let rowsReturned = 0;
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const f = filter();
      let t = nowNs();
      const page = await openProjects(pool, f);
      const listMs = Number(nowNs() - t) / 1e6;
      t = nowNs();
      await pool.query('SELECT * FROM rm_tender_projects WHERE project_id = $1', [
        pick(projectIds),
      ]);
      const lookupMs = Number(nowNs() - t) / 1e6;
      if (i < WARMUP) continue;
      list.push(listMs);
      lookup.push(lookupMs);
      rowsReturned += page.items.length;
    }
    const stats = (s: number[]) => ({
      p50: percentile(s, 50),
      p99: percentile(s, 99),
      max: percentile(s, 100),
    });
    const l = stats(list);
    const k = stats(lookup);
    const ratio = l.p99 / k.p99;
    const plan = await pool.query(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT p.project_id FROM rm_tender_projects p
       LEFT JOIN rm_tender_provider_marks m ON m.provider_id = $1 AND m.project_id = p.project_id
       WHERE p.status = 'open' AND p.category = $2 AND p.budget_max_cents >= 100000
         AND p.budget_min_cents <= 1500000 AND p.posted_at >= $3
         AND p.search @@ (plainto_tsquery('french'::regconfig, $4) && quote_literal('c_' || $2::text)::tsquery)
         AND m.hidden IS NOT TRUE
       ORDER BY p.posted_at DESC, p.project_id DESC LIMIT 51`,
      [providerIds[0], 'design', new Date(now - 180 * DAY).toISOString(), VOCABULARY[7]],
    );
    log(`plan of one list query:\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    console.log(
      table([
        ['query', 'p50 ms', 'p99 ms', 'max ms'],
        ['open list (provider, 4 filters)', fmt(l.p50, 3), fmt(l.p99, 3), fmt(l.max, 3)],
        ['lookup by primary key', fmt(k.p50, 3), fmt(k.p99, 3), fmt(k.max, 3)],
      ]),
    );
    console.log(
      `ratio p99 list / lookup: ${fmt(ratio, 2)} (target ≤ ${TARGET_RATIO}); mean rows per page ${fmt(rowsReturned / SAMPLES, 1)}`,
    );
    const figures = {
      projects: PROJECTS,
      providers: PROVIDERS,
      markRows,
      samples: SAMPLES,
      seedSeconds: round(seedSeconds, 1),
      listP50Ms: round(l.p50),
      listP99Ms: round(l.p99),
      lookupP50Ms: round(k.p50),
      lookupP99Ms: round(k.p99),
      meanRowsPerPage: round(rowsReturned / SAMPLES, 1),
      ratioP99: round(ratio, 2),
    };
    const targets = [
      {
        name: 'open list p99 / primary-key lookup p99',
        value: round(ratio, 2),
        op: '<=',
        target: TARGET_RATIO,
      },
    ];
    await pool.end();
    await db.drop();
    console.log(`BENCH ${JSON.stringify({ figures, targets })}`);
  } catch (error) {
    await pool.end().catch(() => undefined);
    await db.drop();
    throw error;
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
