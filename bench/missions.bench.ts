/**
 * Missions dispatch benchmark (issue 14): `MissionCandidates.available()` (the one dispatch
 * query) among 10,000 providers with zones around France, weekly hours, exceptions and
 * bookings, seeded straight into the read-model tables of a throwaway database. Its p50/p99 are
 * measured beside a plain indexed lookup of the same table (by primary key), interleaved on the
 * same connection in the same run. Target: dispatch p99 <= 3 x lookup p99. Prints the EXPLAIN of
 * one request (the indexes it uses) and ends with the `BENCH` line.
 * Env: DATABASE_URL (server), BENCH_PROVIDERS (default 10000), BENCH_REQUESTS (default 3000).
 */
import 'reflect-metadata';
import { Pool } from 'pg';
import type { CandidateQuery } from '../src/application/missions/mission-candidates.port';
import { ManualClock } from '../src/application/shared/clock';
import POSTAL_CODES from '../src/infrastructure/geocoding/fr-postal-codes.json';
import {
  AVAILABLE_SQL,
  availableParams,
  ReadModelMissionCandidates,
} from '../src/projections/dispatch/mission-candidates.reader';
import { createBenchDatabase } from './support/database';
import { fmt, log, nowNs, percentile, prewarm, table } from './support/measure';

const PROVIDERS = Number(process.env.BENCH_PROVIDERS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3_000);
const WARMUP = 300;
const TARGET_RATIO = 3;
const SERVICE_TYPES = 8;
const NOW = new Date('2026-12-01T08:00:00.000Z');
const DAY_MS = 86_400_000;

/** A deterministic generator (mulberry32), so two runs seed and ask the same things. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const rnd = random(14);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

/** Metropolitan communes' positions (a commune per entry: dense where communes are). */
const PLACES = Object.entries(POSTAL_CODES as unknown as Record<string, [string, number, number][]>)
  .filter(([code]) => !code.startsWith('97') && !code.startsWith('98'))
  .flatMap(([, list]) => list.map(([, lat, lng]) => ({ lat, lng })));

function placeNear(): { lat: number; lng: number } {
  const p = pick(PLACES);
  return { lat: p.lat + (rnd() - 0.5) * 0.05, lng: p.lng + (rnd() - 0.5) * 0.07 };
}

const serviceTypeId = (i: number) => `st-${String(i).padStart(2, '0')}`;

/** A working week: some days Monday to Saturday, mornings and/or afternoons, in Paris minutes. */
function weeklyHours(): string {
  const ranges: string[] = [];
  for (let day = 0; day < 6; day++) {
    if (rnd() < 0.25) continue;
    const base = day * 1_440;
    const start = between(7, 9) * 60;
    if (rnd() < 0.6) ranges.push(`[${base + start},${base + 12 * 60})`);
    else ranges.push(`[${base + start},${base + between(17, 20) * 60})`);
    if (rnd() < 0.5) ranges.push(`[${base + 13 * 60},${base + between(17, 20) * 60})`);
  }
  return `{${ranges.join(',')}}`;
}

const iso = (ms: number) => new Date(ms).toISOString();
const range = (from: number, to: number) => `["${iso(from)}","${iso(to)}")`;
/** A half-hour between 07:00 and 19:00 UTC within the next four weeks. */
const slotStart = () =>
  NOW.getTime() + between(0, 27) * DAY_MS + between(-1, 11) * 3_600_000 + between(0, 1) * 1_800_000;

async function seed(pool: Pool): Promise<{ offers: number; bookings: number; offerIds: string[] }> {
  const offers: object[] = [];
  const bookings: object[] = [];
  for (let i = 0; i < PROVIDERS; i++) {
    const providerId = `provider-${i}`;
    const at = placeNear();
    const week = weeklyHours();
    const holidays = rnd() < 0.1 ? [slotStart()] : [];
    const unavailable = `{${holidays.map((s) => range(s, s + 7 * DAY_MS)).join(',')}}`;
    const extras = rnd() < 0.1 ? [slotStart()] : [];
    const extra = `{${extras.map((s) => range(s, s + 4 * 3_600_000)).join(',')}}`;
    const verified = rnd() < 0.9;
    const radiusKm = between(5, 40);
    const types = new Set(Array.from({ length: between(1, 4) }, () => between(1, SERVICE_TYPES)));
    for (const t of types) {
      const hourly = rnd() < 0.8;
      offers.push({
        offer_id: `${providerId}:${serviceTypeId(t)}`,
        provider_id: providerId,
        service_type_id: serviceTypeId(t),
        pricing_kind: hourly ? 'hourly' : 'fixed',
        hourly_rate_cents: hourly ? between(15, 60) * 100 : null,
        fixed_price_cents: hourly ? null : between(40, 200) * 100,
        lat: at.lat,
        lng: at.lng,
        radius_km: radiusKm,
        week,
        unavailable,
        extra,
        verified,
        verified_until:
          verified && rnd() < 0.5 ? iso(NOW.getTime() + between(-30, 365) * DAY_MS) : null,
        rank_boost: 0,
      });
    }
    for (let b = between(0, 10); b > 0; b--) {
      const start = slotStart();
      const minutes = between(2, 6) * 30;
      bookings.push({
        mission_id: `mission-${i}-${b}`,
        rev: 1,
        provider_id: providerId,
        starts_at: iso(start),
        duration_minutes: minutes,
        booked: rnd() < 0.85,
        period: range(start, start + minutes * 60_000),
      });
    }
  }
  await pool.query(
    `INSERT INTO rm_dispatch_service_types (service_type_id, rev, label, category, retired)
     SELECT 'st-' || lpad(i::text, 2, '0'), 0, 'Service ' || i, 'home', false
       FROM generate_series(1, $1::int) AS i`,
    [SERVICE_TYPES],
  );
  const chunk = 5_000;
  for (let i = 0; i < offers.length; i += chunk)
    await pool.query(
      `INSERT INTO rm_dispatch_offers
         SELECT r.offer_id, r.provider_id, r.service_type_id, r.pricing_kind, r.hourly_rate_cents,
                r.fixed_price_cents, r.lat, r.lng, r.radius_km, ll_to_earth(r.lat, r.lng)::cube,
                r.week, r.unavailable, r.extra, r.verified, r.verified_until, r.rank_boost
           FROM json_populate_recordset(NULL::rm_dispatch_offers, $1::json) r`,
      [JSON.stringify(offers.slice(i, i + chunk))],
    );
  for (let i = 0; i < bookings.length; i += chunk)
    await pool.query(
      `INSERT INTO rm_dispatch_bookings
         SELECT * FROM json_populate_recordset(NULL::rm_dispatch_bookings, $1::json)`,
      [JSON.stringify(bookings.slice(i, i + chunk))],
    );
  const { rows } = await pool.query<{ schema_name: string }>(
    `SELECT schema_name FROM projection_checkpoints WHERE name = 'mission_dispatch'`,
  );
  for (const table of ['dispatch_offers', 'dispatch_bookings'])
    await pool.query(`VACUUM ANALYZE ${rows[0].schema_name}.${table}`);
  return {
    offers: offers.length,
    bookings: bookings.length,
    offerIds: offers.map((o) => (o as { offer_id: string }).offer_id),
  };
}

/** Monday to Saturday, starting between 08:00 and 16:30 Paris (winter: UTC+1), within four weeks. */
function workingSlotStart(): number {
  for (;;) {
    const day = NOW.getTime() - (NOW.getTime() % DAY_MS) + between(1, 28) * DAY_MS;
    if (new Date(day).getUTCDay() === 0) continue;
    return day + between(7, 15) * 3_600_000 + between(0, 1) * 1_800_000;
  }
}

/** Around Paris and its inner suburbs, where providers are densest: the most rows to filter. */
const PARIS = { lat: 48.8566, lng: 2.3522 };
const inParis = () => ({
  lat: PARIS.lat + (rnd() - 0.5) * 0.15,
  lng: PARIS.lng + (rnd() - 0.5) * 0.22,
});

function request(place = placeNear()): CandidateQuery {
  return {
    serviceTypeId: serviceTypeId(between(1, SERVICE_TYPES)),
    place,
    startsAt: iso(workingSlotStart()),
    durationMinutes: between(2, 8) * 30,
    limit: 20,
  };
}

const ms = (v: number) => fmt(v, 3);
const round3 = (v: number) => Math.round(v * 1000) / 1000;

async function main(): Promise<void> {
  const db = await createBenchDatabase();
  // One connection: both measures take the same path, one after the other.
  const pool = new Pool({ connectionString: db.url, max: 1 });
  try {
    log(`seeding ${fmt(PROVIDERS)} providers in ${db.name}`);
    const seeded = await seed(pool);
    log(`${fmt(seeded.offers)} offers, ${fmt(seeded.bookings)} bookings`);
    await prewarm(pool, 1);
    const candidates = new ReadModelMissionCandidates(pool, new ManualClock(NOW));
    const lookup = (id: string) =>
      pool.query(`SELECT * FROM rm_dispatch_offers WHERE offer_id = $1`, [id]);

    const sample = request();
    const { rows: plan } = await pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${AVAILABLE_SQL}`,
      availableParams(sample, NOW),
    );
    const planText = plan.map((r) => r['QUERY PLAN']).join('\n');
    console.log(`EXPLAIN of one request (${sample.serviceTypeId}):\n${planText}\n`);
    // The reader runs it as a named statement: after a few runs Postgres may keep a generic plan.
    const client = await pool.connect();
    let genericText: string;
    try {
      const literals = availableParams(sample, NOW).map((v) =>
        v === null ? 'NULL' : client.escapeLiteral(String(v)),
      );
      await client.query(`PREPARE dispatch_probe AS ${AVAILABLE_SQL}`);
      await client.query(`SET plan_cache_mode = force_generic_plan`);
      const { rows: generic } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (COSTS OFF) EXECUTE dispatch_probe(${literals.join(', ')})`,
      );
      genericText = generic.map((r) => r['QUERY PLAN']).join('\n');
      await client.query(`RESET plan_cache_mode`);
      await client.query(`DEALLOCATE dispatch_probe`);
    } finally {
      client.release();
    }
    console.log(`Its generic plan (parameters unknown when planned):\n${genericText}\n`);
    const genericUsesIndexes = ['dispatch_offers_zone', 'dispatch_bookings_period'].every((name) =>
      genericText.includes(name),
    );
    const indexesUsed = [
      'dispatch_offers_zone',
      'dispatch_offers_reach',
      'dispatch_bookings_period',
    ].filter((name) => planText.includes(name));

    for (let i = 0; i < WARMUP; i++) {
      await candidates.available(request());
      await lookup(pick(seeded.offerIds));
    }
    const dispatch: number[] = [];
    const lookups: number[] = [];
    let found = 0;
    let empty = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const q = request();
      const id = pick(seeded.offerIds);
      let t = nowNs();
      const result = await candidates.available(q);
      dispatch.push(Number(nowNs() - t) / 1e6);
      t = nowNs();
      await lookup(id);
      lookups.push(Number(nowNs() - t) / 1e6);
      found += result.length;
      if (result.length === 0) empty++;
    }
    const dense: number[] = [];
    let denseFound = 0;
    for (let i = 0; i < Math.ceil(REQUESTS / 3); i++) {
      const t = nowNs();
      denseFound += (await candidates.available(request(inParis()))).length;
      dense.push(Number(nowNs() - t) / 1e6);
    }
    const p = { p50: percentile(dense, 50), p99: percentile(dense, 99) };
    const d = { p50: percentile(dispatch, 50), p99: percentile(dispatch, 99) };
    const l = { p50: percentile(lookups, 50), p99: percentile(lookups, 99) };
    const ratio = d.p99 / l.p99;
    console.log(
      table([
        ['query', 'p50 ms', 'p99 ms', 'samples'],
        ['available() (dispatch, one query)', ms(d.p50), ms(d.p99), String(REQUESTS)],
        ['lookup by primary key', ms(l.p50), ms(l.p99), String(REQUESTS)],
        ['available() around Paris (densest)', ms(p.p50), ms(p.p99), String(dense.length)],
      ]),
    );
    console.log(
      `\n${fmt(PROVIDERS)} providers, ${fmt(seeded.offers)} offers, ${fmt(seeded.bookings)} bookings; ` +
        `${fmt(found / REQUESTS, 1)} candidates per request on average (limit 20), ` +
        `${fmt((100 * empty) / REQUESTS, 1)} % of requests with none; around Paris ` +
        `${fmt(denseFound / dense.length, 1)}; indexes used: ${indexesUsed.join(', ')}.`,
    );
    const figures = {
      providers: PROVIDERS,
      offers: seeded.offers,
      bookings: seeded.bookings,
      requests: REQUESTS,
      dispatchP50Ms: round3(d.p50),
      dispatchP99Ms: round3(d.p99),
      lookupP50Ms: round3(l.p50),
      lookupP99Ms: round3(l.p99),
      candidatesPerRequest: round3(found / REQUESTS),
      parisP50Ms: round3(p.p50),
      parisP99Ms: round3(p.p99),
      parisCandidatesPerRequest: round3(denseFound / dense.length),
      requestsWithoutCandidates: empty,
      indexesUsed,
      genericPlanUsesIndexes: genericUsesIndexes,
    };
    const targets = [
      {
        name: 'dispatch_p99_over_lookup_p99',
        value: round3(ratio),
        op: '<=',
        target: TARGET_RATIO,
      },
    ];
    await pool.end();
    await db.drop();
    console.log(`BENCH ${JSON.stringify({ figures, targets })}`);
  } finally {
    await pool.end().catch(() => undefined);
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
