import type { MissionCandidate, MissionPlace } from '../../domain/missions/mission.events';

/** A request's slot and place, as the dispatch index needs them. */
export interface CandidateQuery {
  serviceTypeId: string;
  place: Pick<MissionPlace, 'lat' | 'lng'>;
  startsAt: string;
  durationMinutes: number;
  /** Missions already holding providers' slots that must not count (the mission being changed). */
  ignoreMissionId?: string;
  limit: number;
}

/**
 * The dispatch index of the missions context (provider offers: service types with their pricing,
 * zones, weekly availability and exceptions, bookings). One indexed Postgres query.
 */
export interface MissionCandidates {
  /** Providers offering the type, covering the place, free at the slot, verified; ranked. */
  available(query: CandidateQuery): Promise<MissionCandidate[]>;
  /**
   * The provider chosen by reference (seed 002), with the price their offer implies, or null when
   * they do not offer the type. Availability and zone are not checked: the provider answers.
   */
  direct(providerId: string, query: CandidateQuery): Promise<MissionCandidate | null>;
  /** The service type's label, or null when it does not exist or is retired. */
  serviceTypeLabel(serviceTypeId: string): Promise<string | null>;
}

export const MISSION_CANDIDATES = Symbol('MISSION_CANDIDATES');
