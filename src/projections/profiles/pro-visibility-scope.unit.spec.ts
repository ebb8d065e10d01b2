import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * "Il n'influence jamais le paiement" (seed 000): Pro changes visibility only. Whatever reads
 * whether a provider is Pro lives in the visibility read models (dispatch order, gig search,
 * profiles), their HTTP answers and the setting of the boost; nothing in the money code (escrow,
 * payments, payouts, billing, missions' money process) does (docs/plans-pro.md).
 */
const ROOT = join(__dirname, '..', '..', '..');
const PRO_READERS =
  /pro-status|rm_profile_pro|\bprofile_pro\b|PRO_RANK_BOOST_KM|PRO_SEARCH_RANK_BOOST|pro_subscriptions/;
const ALLOWED = [
  /^src\/projections\/(dispatch|catalog|profiles)\//,
  /^src\/interfaces\/http\/catalog\//,
  /^src\/modules\/mission-dispatch\.module\.ts$/,
  /^src\/infrastructure\/config\/config\.ts$/,
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('Pro never reaches the money code', () => {
  it('only the visibility read models, their answers and the boost setting read Pro', () => {
    const readers = sources(join(ROOT, 'src'))
      .filter((file) => PRO_READERS.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file).split('\\').join('/'));
    expect(readers.length).toBeGreaterThan(0);
    expect(readers.filter((file) => !ALLOWED.some((allowed) => allowed.test(file)))).toEqual([]);
  });
});
