/** The categories a project is posted in and a provider's preferences pick from (label shown to users). */
export const TENDER_CATEGORIES = {
  'web-development': 'Développement web',
  'mobile-apps': 'Applications mobiles',
  software: 'Logiciels et informatique',
  design: 'Graphisme et design',
  marketing: 'Marketing et communication',
  writing: 'Rédaction et traduction',
  'video-audio': 'Vidéo et audio',
  consulting: 'Conseil et gestion',
  building: 'Travaux et bâtiment',
  other: 'Autre',
} as const satisfies Record<string, string>;

export type TenderCategory = keyof typeof TENDER_CATEGORIES;
export const TENDER_CATEGORY_SLUGS = Object.keys(TENDER_CATEGORIES) as TenderCategory[];
export const isTenderCategory = (value: unknown): value is TenderCategory =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(TENDER_CATEGORIES, value);
