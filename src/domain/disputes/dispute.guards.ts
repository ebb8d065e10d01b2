import { CommandMeta, isStaff } from '../shared';
import {
  CONTESTABLE_MISSION_STATUSES,
  CONTESTABLE_PROJECT_STATUSES,
  CONTESTABLE_ORDER_STATUSES,
  DisputePartyRole,
  DisputeSubject,
  MediationStaffRole,
  MISSION_DISPUTE_REASONS,
  ORDER_DISPUTE_REASONS,
  SubjectStatusAtOpening,
} from './dispute.events';
import {
  evidenceRefInvalid,
  missionNotDisputable,
  projectNotDisputable,
  orderNotContestable,
  reasonInvalid,
  notAParty,
  notAssignedMediator,
  notMediationStaff,
  notTheOpener,
} from './dispute.errors';
import type { DisputeCase } from './dispute.state';

const DAY_MS = 86_400_000;

type Parties = Pick<DisputeCase, 'buyerId' | 'sellerId'>;

export function partyRoleOf(parties: Parties, actorId: string): DisputePartyRole | null {
  if (actorId === parties.buyerId) return 'buyer';
  if (actorId === parties.sellerId) return 'seller';
  return null;
}

export function requireParty(parties: Parties, meta: CommandMeta): DisputePartyRole {
  const role = partyRoleOf(parties, meta.actorId);
  if (role === null) throw notAParty();
  return role;
}

export function requireMediationStaff(meta: CommandMeta): MediationStaffRole {
  if (meta.actorRole === 'mediator' || meta.actorRole === 'admin') return meta.actorRole;
  throw notMediationStaff();
}

/** An admin may always step in; a mediator only on the case assigned to them. */
export function requireAssignedOrAdmin(
  dispute: DisputeCase,
  meta: CommandMeta,
): MediationStaffRole {
  const role = requireMediationStaff(meta);
  if (role === 'mediator' && dispute.mediatorId !== meta.actorId) {
    throw notAssignedMediator(dispute.mediatorId);
  }
  return role;
}

/** A chargeback opened by the system can only be withdrawn by the system (the bank dropped it). */
export function requireOpener(dispute: DisputeCase, meta: CommandMeta): void {
  const isOpener =
    dispute.openerRole === 'system'
      ? meta.actorRole === 'system'
      : meta.actorId === dispute.openedBy;
  if (isOpener) return;
  const involved =
    partyRoleOf(dispute, meta.actorId) !== null ||
    isStaff(meta.actorRole) ||
    meta.actorRole === 'system';
  throw involved ? notTheOpener() : notAParty();
}

/** A mission takes the reasons of "Signaler un problème"; orders (and projects, for now) the order ones. */
export function assertReasonFor(subject: DisputeSubject, reason: unknown): void {
  const reasons: readonly unknown[] =
    subject.kind === 'mission' ? MISSION_DISPUTE_REASONS : ORDER_DISPUTE_REASONS;
  if (!reasons.includes(reason)) throw reasonInvalid(reason, subject.kind);
}

/** The subject's status, read by the application, must be one a dispute may freeze. */
export function contestableStatus(subject: DisputeSubject, status: string): SubjectStatusAtOpening {
  if (subject.kind === 'mission') {
    if ((CONTESTABLE_MISSION_STATUSES as readonly string[]).includes(status))
      return status as SubjectStatusAtOpening;
    throw missionNotDisputable(status);
  }
  if (subject.kind === 'project') {
    if ((CONTESTABLE_PROJECT_STATUSES as readonly string[]).includes(status))
      return status as SubjectStatusAtOpening;
    throw projectNotDisputable(status);
  }
  if ((CONTESTABLE_ORDER_STATUSES as readonly string[]).includes(status))
    return status as SubjectStatusAtOpening;
  throw orderNotContestable(status);
}

export function hasText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

export function validEvidenceRefs(refs: unknown): string[] {
  if (refs === undefined || refs === null) return [];
  if (!Array.isArray(refs)) throw evidenceRefInvalid(null);
  return refs.map((ref, index) => {
    if (!hasText(ref)) throw evidenceRefInvalid(index);
    return ref.trim();
  });
}

/** Whole days of 24 hours from `now`, in UTC, so the deadline never depends on a server's time zone. */
export function addDays(now: string, days: number): string {
  return new Date(Date.parse(now) + days * DAY_MS).toISOString();
}

export function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}
