/**
 * What the missions context asks of hour packs before it publishes a request paid from a pack:
 * the pack must be the client's, of the mission's service type, unexpired, with at least the
 * mission's minutes available. The missions money process then reserves, consumes and releases
 * through the hour-pack commands (docs/plans-hour-packs.md).
 */
export interface HourPackAvailability {
  check(request: {
    packId: string;
    clientId: string;
    serviceTypeId: string;
    minutes: number;
    /** When the mission starts: the pack must still be valid then. */
    startsAt: string;
  }): Promise<
    | { ok: true; availableMinutes: number }
    | {
        ok: false;
        code:
          | 'HOUR_PACK_NOT_FOUND'
          | 'HOUR_PACK_WRONG_SERVICE_TYPE'
          | 'HOUR_PACK_EXPIRED'
          | 'HOUR_PACK_INSUFFICIENT_HOURS';
      }
  >;
}

export const HOUR_PACK_AVAILABILITY = Symbol('HOUR_PACK_AVAILABILITY');
