import { statSync } from 'node:fs';
import { join } from 'node:path';
import { PostalCodeGeocoder } from './postal-code-geocoder';

const geocoder = new PostalCodeGeocoder();
/** Great-circle distance in km, to check a position is where the commune is. */
function km(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 6_371 * Math.asin(Math.sqrt(h));
}

describe('the postal-code geocoder', () => {
  it('places a postal code at its commune', async () => {
    const lyon = await geocoder.locate('69003');
    expect(lyon).toMatchObject({ postalCode: '69003', city: 'Lyon' });
    expect(km(lyon!, { lat: 45.76, lng: 4.85 })).toBeLessThan(3);
    const ajaccio = await geocoder.locate('20000');
    expect(ajaccio).toMatchObject({ city: 'Ajaccio' });
    expect(km(ajaccio!, { lat: 41.92, lng: 8.74 })).toBeLessThan(3);
  });

  it('places Paris codes in their arrondissement, not at the city centre', async () => {
    const first = await geocoder.locate('75001');
    const twentieth = await geocoder.locate('75020', 'Paris');
    expect(first).toMatchObject({ city: 'Paris' });
    expect(twentieth).toMatchObject({ city: 'Paris' });
    expect(km(first!, twentieth!)).toBeGreaterThan(3);
  });

  it('picks the named commune among those a code serves, accents, case and "Saint" ignored', async () => {
    const largest = await geocoder.locate('01400');
    expect(largest?.city).toBe('Châtillon-sur-Chalaronne');
    const named = await geocoder.locate('01400', "l'abergement clemenciat");
    expect(named?.city).toBe("L'Abergement-Clémenciat");
    const saint = await geocoder.locate('01400', 'St Georges sur Renon');
    expect(saint?.city).toBe('Saint-Georges-sur-Renon');
  });

  it('lists a commune with several postal codes under each of them', async () => {
    const a = await geocoder.locate('13001', 'Marseille');
    const b = await geocoder.locate('13008', 'Marseille');
    expect(a?.city).toBe('Marseille');
    expect(b?.city).toBe('Marseille');
  });

  it('places overseas departments', async () => {
    const reunion = await geocoder.locate('97400');
    expect(reunion).toMatchObject({ city: 'Saint-Denis' });
    expect(km(reunion!, { lat: -20.88, lng: 55.45 })).toBeLessThan(5);
  });

  it('answers null for an unknown code, a malformed one, or a city the code does not serve', async () => {
    expect(await geocoder.locate('00000')).toBeNull();
    expect(await geocoder.locate('7500')).toBeNull();
    expect(await geocoder.locate('ABCDE')).toBeNull();
    expect(await geocoder.locate('75001', 'Lyon')).toBeNull();
    expect(await geocoder.locate(' 75 001 ')).toMatchObject({ postalCode: '75001' });
  });

  it('bundles a dataset of reasonable size', () => {
    const bytes = statSync(join(__dirname, 'fr-postal-codes.json')).size;
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });
});
