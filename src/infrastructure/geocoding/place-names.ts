/** Case, accents, punctuation and "Saint"/"St" spellings folded, so two spellings of a place meet. */
export function foldPlaceName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\bsainte\b/g, 'ste')
    .replace(/\bsaint\b/g, 'st');
}

/**
 * Paris, Lyon and Marseille arrondissements: "Paris 1er Arrondissement" in the official list,
 * "Paris 01 Louvre" in GeoNames, "Paris 1er" in an address; all read as "paris 1".
 */
export function arrondissementKey(name: string): string | null {
  const m = /^(Paris|Lyon|Marseille) 0?(\d{1,2})(?:er|e|ème|eme)?\b/i.exec(name.trim());
  return m ? `${m[1].toLowerCase()} ${m[2]}` : null;
}

/** The key two names of one place share. */
export function placeKey(name: string): string {
  return arrondissementKey(name) ?? foldPlaceName(name);
}
