import type { DomainEvent, EventVersions } from '../shared';

/**
 * The staff-managed list of solidarity types an association proposes missions of (issue 18:
 * food aid, help for elderly people, support for RSA beneficiaries and for people with
 * disabilities). The id is the label's slug at definition ("Aide alimentaire" ->
 * `aide-alimentaire`); stream of one type: `solidarity_type-<solidarityTypeId>`.
 */
export const SOLIDARITY_TYPE_CATEGORY = 'solidarity_type';
export const solidarityTypeStreamName = (solidarityTypeId: string): string =>
  `${SOLIDARITY_TYPE_CATEGORY}-${solidarityTypeId}`;

export interface SolidarityTypeDetails {
  /** The label users see, e.g. "Aide alimentaire". */
  label: string;
  description: string;
}

export type SolidarityTypeDefined = DomainEvent<
  'SolidarityTypeDefined',
  SolidarityTypeDetails & { solidarityTypeId: string; definedBy: string; definedAt: string }
>;

/** New label or description; the id stays, missions already proposed keep the label they had. */
export type SolidarityTypeRevised = DomainEvent<
  'SolidarityTypeRevised',
  SolidarityTypeDetails & { solidarityTypeId: string; revisedBy: string; revisedAt: string }
>;

/** A retired type takes no new mission; missions already proposed keep it. */
export type SolidarityTypeRetired = DomainEvent<
  'SolidarityTypeRetired',
  { solidarityTypeId: string; retiredBy: string; retiredAt: string }
>;

export type SolidarityTypeEvent =
  SolidarityTypeDefined | SolidarityTypeRevised | SolidarityTypeRetired;

export const SOLIDARITY_TYPE_EVENT_VERSIONS: EventVersions<SolidarityTypeEvent['type']> = {
  SolidarityTypeDefined: 1,
  SolidarityTypeRevised: 1,
  SolidarityTypeRetired: 1,
};
