import { CommandMeta } from '../shared';
import {
  APPRECIATION_SCALE,
  Appreciation,
  MissionCandidate,
  MissionPaymentPlan,
  MissionPlace,
  MissionTargeting,
  MissionTerms,
  REFUSAL_REASONS,
  RefusalReason,
} from './mission.events';
import {
  MissionErrorCode as Code,
  forbidden,
  invalid,
  missionNotFound,
  notParty,
  refused,
  ruleBroken,
} from './mission.errors';
import {
  ConfirmedMission,
  ExistingMission,
  MissionState,
  PendingMission,
  isTerminalMission,
  providerOf,
} from './mission.state';

/**
 * The estimated duration a request may carry: half an hour (the shortest home service worth a
 * trip) up to twelve hours (one working day with its breaks; longer work is several missions).
 */
export const MISSION_DURATION_MIN_MINUTES = 30;
export const MISSION_DURATION_MAX_MINUTES = 12 * 60;
/** "Détails importants". */
export const MISSION_DETAILS_MAX_LENGTH = 2_000;
export const MISSION_MESSAGE_MAX_LENGTH = 2_000;
export const MISSION_MESSAGE_MAX_FILES = 10;
/** Refusal and change-refusal comments, cancellation reasons. */
export const MISSION_COMMENT_MAX_LENGTH = 1_000;
export const MISSION_STATEMENT_MAX_LENGTH = 5_000;
export const APPRECIATION_COMMENT_MAX_LENGTH = 2_000;
export const RECOMMENDATION_MAX_LENGTH = 2_000;
/** A dispatch sends a request to at most this many ranked providers. */
export const MISSION_MAX_CANDIDATES = 50;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export const addMinutes = (instant: string, minutes: number): string =>
  new Date(Date.parse(instant) + minutes * MINUTE_MS).toISOString();
export const addHours = (instant: string, hours: number): string =>
  new Date(Date.parse(instant) + hours * HOUR_MS).toISOString();

/** Deadlines are reached at their instant. */
export const reached = (now: string, instant: string): boolean =>
  Date.parse(now) >= Date.parse(instant);

export const endOf = (terms: MissionTerms): string =>
  addMinutes(terms.startsAt, terms.durationMinutes);

// ---- existence and actors -------------------------------------------------------------------

export function existing(state: MissionState, missionId: string): ExistingMission {
  if (state.status === 'none') throw missionNotFound(missionId);
  return state;
}

/** Commands naming their actor must be sent by that actor. */
export function actingAs(meta: CommandMeta, actorId: string | undefined, field: string): void {
  if (meta.actorId !== actorId) {
    throw forbidden(Code.ACTOR_MISMATCH, `The ${field} must be the caller`, { field });
  }
}

export const isCandidate = (mission: ExistingMission, providerId: string): boolean =>
  mission.candidates.some((c) => c.providerId === providerId);

export const hasRefused = (mission: ExistingMission, providerId: string): boolean =>
  mission.refusals.some((r) => r.providerId === providerId);

export type MissionParty = 'client' | 'provider' | 'candidate';

/**
 * The client, the confirmed provider, or (while no one is confirmed) a candidate who has not
 * refused; anyone else is told the mission does not exist.
 */
export function partyOf(mission: ExistingMission, actorId: string): MissionParty {
  if (actorId === mission.clientId) return 'client';
  const provider = providerOf(mission);
  if (provider !== null) {
    if (provider.providerId === actorId) return 'provider';
  } else if (isCandidate(mission, actorId) && !hasRefused(mission, actorId)) {
    return 'candidate';
  }
  throw notParty(mission.missionId);
}

export function requireClient(mission: ExistingMission, meta: CommandMeta): void {
  if (partyOf(mission, meta.actorId) !== 'client')
    throw forbidden(Code.ONLY_CLIENT, 'Only the client may do this', {
      currentStatus: mission.status,
    });
}

export function requireProvider(mission: ExistingMission, meta: CommandMeta): void {
  if (partyOf(mission, meta.actorId) !== 'provider')
    throw forbidden(Code.ONLY_PROVIDER, 'Only the confirmed provider may do this', {
      currentStatus: mission.status,
    });
}

export function requireSystem(meta: CommandMeta): void {
  if (meta.actorRole !== 'system') throw forbidden(Code.ONLY_SYSTEM, 'Only the system may do this');
}

/** Workers and arbitration staff close disputes; finance staff do not. */
export function requireDisputeHandler(meta: CommandMeta): void {
  if (meta.actorRole !== 'system' && meta.actorRole !== 'mediator' && meta.actorRole !== 'admin')
    throw forbidden(Code.ONLY_DISPUTE_HANDLER, 'Only the dispute process may do this');
}

/** A provider answering the request must be one of its candidates. */
export function requireCandidate(mission: ExistingMission, providerId: string): void {
  if (isCandidate(mission, providerId)) return;
  // Someone the request was never sent to (or no longer is, after a change) is an outsider.
  if (providerId !== mission.clientId) throw notParty(mission.missionId);
  throw forbidden(Code.NOT_A_CANDIDATE, 'The client does not answer their own request', {
    currentStatus: mission.status,
  });
}

// ---- statuses -------------------------------------------------------------------------------

/** Cancelled, expired and resolved missions take nothing but what their command allows. */
export function ensureNotTerminal(mission: ExistingMission): void {
  if (isTerminalMission(mission.status)) throw refused(Code.TERMINAL, mission);
}

/** Before any acceptance. */
export function ensurePending(mission: ExistingMission): asserts mission is PendingMission {
  ensureNotTerminal(mission);
  if (mission.status !== 'pending') throw refused(Code.NOT_PENDING, mission);
}

/** Confirmed and neither frozen by a dispute nor validated yet. */
export function ensureConfirmed(mission: ExistingMission): asserts mission is ConfirmedMission {
  ensureNotTerminal(mission);
  switch (mission.status) {
    case 'confirmed':
      return;
    case 'disputed':
      throw refused(Code.DISPUTED, mission, { disputeId: mission.dispute.disputeId });
    case 'validated':
      throw refused(Code.ALREADY_VALIDATED, mission);
    default:
      throw refused(Code.NOT_CONFIRMED, mission);
  }
}

/** Pending or confirmed: where money is still being secured and the mission may be cancelled. */
export function ensureOpen(
  mission: ExistingMission,
): asserts mission is PendingMission | ConfirmedMission {
  if (mission.status === 'pending') return;
  ensureConfirmed(mission);
}

// ---- inputs ---------------------------------------------------------------------------------

export function requiredId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw invalid(Code.MISSING_ID, field);
  return value;
}

export function instant(value: unknown, field: string): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
    throw invalid(Code.INVALID_INSTANT, field, { value });
  return value;
}

export function optionalText(value: unknown, field: string, maxLength: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(Code.TEXT_REQUIRED, field);
  const text = value.trim();
  if (text.length > maxLength) throw invalid(Code.TEXT_TOO_LONG, field, { maxLength });
  return text.length === 0 ? undefined : text;
}

export function requiredText(value: unknown, field: string, maxLength: number): string {
  const text = optionalText(value, field, maxLength);
  if (text === undefined) throw invalid(Code.TEXT_REQUIRED, field);
  return text;
}

export const isPositiveInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
export const isNonNegativeInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

export function priceCents(value: unknown, field: string): number {
  if (!isPositiveInteger(value)) throw invalid(Code.INVALID_PRICE, field, { value });
  return value;
}

export function amountCents(value: unknown, field: string): number {
  if (!isNonNegativeInteger(value)) throw invalid(Code.INVALID_AMOUNT, field, { value });
  return value;
}

export function commissionRate(value: unknown): number {
  if (!isNonNegativeInteger(value) || value > 10_000)
    throw invalid(Code.INVALID_COMMISSION_RATE, 'commissionRateBp', { value, min: 0, max: 10_000 });
  return value;
}

/** Start in the future, duration within the bounds, details within their length. */
export function checkedTerms(terms: MissionTerms, now: string, field = ''): MissionTerms {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const startsAt = instant(terms?.startsAt, at('startsAt'));
  const { durationMinutes } = terms;
  if (
    !isPositiveInteger(durationMinutes) ||
    durationMinutes < MISSION_DURATION_MIN_MINUTES ||
    durationMinutes > MISSION_DURATION_MAX_MINUTES
  ) {
    throw invalid(Code.INVALID_DURATION, at('durationMinutes'), {
      value: durationMinutes,
      min: MISSION_DURATION_MIN_MINUTES,
      max: MISSION_DURATION_MAX_MINUTES,
    });
  }
  const details = terms.details ?? '';
  if (typeof details !== 'string') throw invalid(Code.TEXT_REQUIRED, at('details'));
  if (details.trim().length > MISSION_DETAILS_MAX_LENGTH)
    throw invalid(Code.DETAILS_TOO_LONG, at('details'), { maxLength: MISSION_DETAILS_MAX_LENGTH });
  if (reached(now, startsAt))
    throw ruleBroken(Code.START_IN_PAST, 'The mission must start in the future', {
      field: at('startsAt'),
      startsAt,
      now,
    });
  return { startsAt, durationMinutes, details: details.trim() };
}

export function checkedPlace(place: MissionPlace): MissionPlace {
  if (typeof place !== 'object' || place === null) throw invalid(Code.INVALID_PLACE, 'place');
  const text = (name: 'address' | 'postalCode' | 'city') => {
    const value = place[name];
    if (typeof value !== 'string' || value.trim().length === 0 || value.length > 300)
      throw invalid(Code.INVALID_PLACE, `place.${name}`);
    return value.trim();
  };
  const coordinate = (name: 'lat' | 'lng', bound: number) => {
    const value = place[name];
    if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > bound)
      throw invalid(Code.INVALID_PLACE, `place.${name}`, { value });
    return value;
  };
  return {
    address: text('address'),
    postalCode: text('postalCode'),
    city: text('city'),
    lat: coordinate('lat', 90),
    lng: coordinate('lng', 180),
  };
}

export function checkedTargeting(value: unknown): MissionTargeting {
  if (value !== 'dispatch' && value !== 'direct')
    throw invalid(Code.INVALID_TARGETING, 'targeting', { value });
  return value;
}

export function checkedPaymentPlan(value: unknown): MissionPaymentPlan {
  if (value !== 'authorise_now' && value !== 'authorise_later' && value !== 'hour_pack')
    throw invalid(Code.INVALID_PAYMENT_PLAN, 'paymentPlan', { value });
  return value;
}

/** At least one, one only for a direct request, no provider twice, never the client. */
export function checkedCandidates(
  candidates: MissionCandidate[],
  targeting: MissionTargeting,
  clientId: string,
): MissionCandidate[] {
  if (!Array.isArray(candidates) || candidates.length === 0)
    throw ruleBroken(Code.NO_CANDIDATES, 'No available provider for this request', {});
  if (targeting === 'direct' && candidates.length !== 1)
    throw invalid(Code.DIRECT_NEEDS_ONE_CANDIDATE, 'candidates', { count: candidates.length });
  if (candidates.length > MISSION_MAX_CANDIDATES)
    throw invalid(Code.INVALID_CANDIDATE, 'candidates', { max: MISSION_MAX_CANDIDATES });
  const seen = new Set<string>();
  return candidates.map((candidate, index) => {
    const field = `candidates.${index}`;
    const providerId = requiredId(candidate?.providerId, `${field}.providerId`);
    if (seen.has(providerId))
      throw invalid(Code.DUPLICATE_CANDIDATE, `${field}.providerId`, { providerId });
    seen.add(providerId);
    if (providerId === clientId)
      throw ruleBroken(Code.CLIENT_IS_CANDIDATE, 'A client cannot book themselves', { providerId });
    if (!isPositiveInteger(candidate.rank)) throw invalid(Code.INVALID_CANDIDATE, `${field}.rank`);
    const { pricing } = candidate;
    const pricingOk =
      pricing?.kind === 'fixed' ||
      (pricing?.kind === 'hourly' && isNonNegativeInteger(pricing.hourlyRateCents));
    if (!pricingOk) throw invalid(Code.INVALID_CANDIDATE, `${field}.pricing`);
    return {
      providerId,
      rank: candidate.rank,
      pricing,
      priceCents: priceCents(candidate.priceCents, `${field}.priceCents`),
    };
  });
}

/** The reservation covers whichever candidate accepts: the highest price. */
export const reservationFor = (candidates: MissionCandidate[]): number =>
  Math.max(...candidates.map((c) => c.priceCents));

/** The response window ends before the start; auto-validation comes after the mission's end. */
export function checkedDeadlines(
  terms: MissionTerms,
  now: string,
  deadlines: { respondBy?: string; authoriseAt: string; autoValidateAt: string },
): void {
  if (deadlines.respondBy !== undefined) {
    const respondBy = instant(deadlines.respondBy, 'respondBy');
    if (reached(now, respondBy) || Date.parse(respondBy) > Date.parse(terms.startsAt))
      throw invalid(Code.INVALID_DEADLINE, 'respondBy', { rule: 'now < respondBy <= startsAt' });
  }
  const authoriseAt = instant(deadlines.authoriseAt, 'authoriseAt');
  if (Date.parse(authoriseAt) > Date.parse(terms.startsAt))
    throw invalid(Code.INVALID_DEADLINE, 'authoriseAt', { rule: 'authoriseAt <= startsAt' });
  const autoValidateAt = instant(deadlines.autoValidateAt, 'autoValidateAt');
  if (Date.parse(autoValidateAt) < Date.parse(endOf(terms)))
    throw invalid(Code.INVALID_DEADLINE, 'autoValidateAt', {
      rule: 'autoValidateAt >= startsAt + durationMinutes',
    });
}

export function refusalReason(value: unknown): RefusalReason {
  if (!(REFUSAL_REASONS as readonly unknown[]).includes(value))
    throw invalid(Code.INVALID_REFUSAL_REASON, 'reason', { value, allowed: REFUSAL_REASONS });
  return value as RefusalReason;
}

export function appreciationValue(value: unknown): Appreciation {
  if (!(APPRECIATION_SCALE as readonly unknown[]).includes(value))
    throw invalid(Code.APPRECIATION_OUT_OF_SCALE, 'appreciation', {
      value,
      allowed: APPRECIATION_SCALE,
    });
  return value as Appreciation;
}

export function fileRefs(values: unknown): string[] {
  const refs = values ?? [];
  if (
    !Array.isArray(refs) ||
    refs.length > MISSION_MESSAGE_MAX_FILES ||
    refs.some((ref) => typeof ref !== 'string' || ref.trim().length === 0)
  ) {
    throw invalid(Code.INVALID_FILE_REF, 'fileRefs', { max: MISSION_MESSAGE_MAX_FILES });
  }
  return refs as string[];
}
