/**
 * Coordinates of a French place from its postal code (issue 14: "derive coordinates from the
 * French postal code with a well-kept dataset package when not given"). Implemented from a
 * bundled dataset; no network call.
 */
export interface GeocodedPlace {
  postalCode: string;
  /** The commune's name as the dataset spells it (the first one when a code serves several and no city is given). */
  city: string;
  lat: number;
  lng: number;
}

export interface Geocoder {
  /** Null when the postal code is unknown (or the city does not match it). */
  locate(postalCode: string, city?: string): Promise<GeocodedPlace | null>;
}

export const GEOCODER = Symbol('GEOCODER');
