import { assertNever, type CommandMeta } from '../shared';
import type {
  ProjectFeesCommand,
  RecordProjectFeeCharge,
  RecordProjectFeeChargeFailure,
  RecordProjectFeeRefund,
} from './project-fees.commands';
import {
  feesIllegal,
  feesInvalid,
  feesSystemOnly,
  ProjectFeesErrorCode as Code,
} from './project-fees.errors';
import { PROJECT_FEE_KINDS, type ProjectFeesEvent } from './project-fees.events';
import { type ProjectFeeLine, type ProjectFeesState, refundableCents } from './project-fees.state';

/** A fee is at most 1 000 000 € (far above any project's). */
export const PROJECT_FEE_MAX_CENTS = 100_000_000;

function requireSystem(meta: CommandMeta): void {
  if (meta.actorRole !== 'system') throw feesSystemOnly();
}

function requiredId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200)
    throw feesInvalid(field, { value });
  return value;
}

function amount(value: unknown, field = 'amountCents'): number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value <= 0 ||
    value > PROJECT_FEE_MAX_CENTS
  )
    throw feesInvalid(field, { value, max: PROJECT_FEE_MAX_CENTS });
  return value;
}

function kindOf(value: unknown) {
  if (!(PROJECT_FEE_KINDS as readonly unknown[]).includes(value))
    throw feesInvalid('kind', { value, allowed: PROJECT_FEE_KINDS });
  return value as (typeof PROJECT_FEE_KINDS)[number];
}

function sameProject(state: ProjectFeesState, projectId: string): void {
  if (state.projectId !== null && state.projectId !== projectId)
    throw feesInvalid('projectId', { value: projectId, expected: state.projectId });
}

/** A retried attempt keeps the kind's first charge id (the gateway's idempotency key); who pays and how much. */
function attempt(
  data: { chargeId: unknown; payerId: unknown; amountCents: unknown },
  line: ProjectFeeLine | undefined,
): { chargeId: string; payerId: string; amountCents: number } {
  const chargeId = requiredId(data.chargeId, 'chargeId');
  if (line && line.chargeId !== chargeId)
    throw feesInvalid('chargeId', { value: chargeId, expected: line.chargeId });
  return {
    chargeId,
    payerId: requiredId(data.payerId, 'payerId'),
    amountCents: amount(data.amountCents),
  };
}

/** Once per kind: the same charge again (same gateway reference) is a retry and records nothing. */
function charge(
  { data, meta }: RecordProjectFeeCharge,
  state: ProjectFeesState,
): ProjectFeesEvent[] {
  requireSystem(meta);
  const projectId = requiredId(data.projectId, 'projectId');
  sameProject(state, projectId);
  const kind = kindOf(data.kind);
  const paymentRef = requiredId(data.paymentRef, 'paymentRef');
  const line = state.lines[kind];
  if (line?.status === 'charged') {
    if (line.paymentRef === paymentRef) return [];
    throw feesIllegal(Code.ALREADY_CHARGED, 'This fee was already charged', {
      projectId,
      kind,
      chargeId: line.chargeId,
      paymentRef: line.paymentRef,
    });
  }
  const { chargeId, payerId, amountCents } = attempt(data, line);
  return [
    {
      type: 'ProjectFeeCharged',
      data: {
        projectId,
        chargeId,
        kind,
        payerId,
        amountCents,
        paymentRef,
        ...(data.projectTitle ? { projectTitle: data.projectTitle } : {}),
        ...(data.paymentMethodRef ? { paymentMethodRef: data.paymentMethodRef } : {}),
        chargedAt: meta.now,
      },
    },
  ];
}

/** A refusal is recorded each time (the payer is told); after a success it is moot and ignored. */
function fail(
  { data, meta }: RecordProjectFeeChargeFailure,
  state: ProjectFeesState,
): ProjectFeesEvent[] {
  requireSystem(meta);
  const projectId = requiredId(data.projectId, 'projectId');
  sameProject(state, projectId);
  const kind = kindOf(data.kind);
  const line = state.lines[kind];
  if (line?.status === 'charged') return [];
  const { chargeId, payerId, amountCents } = attempt(data, line);
  return [
    {
      type: 'ProjectFeeChargeFailed',
      data: {
        projectId,
        chargeId,
        kind,
        payerId,
        amountCents,
        code: requiredId(data.code, 'code'),
        failedAt: meta.now,
      },
    },
  ];
}

/** Only a charged fee is refunded, never beyond what it still holds; a known refund id is a retry. */
function refund(
  { data, meta }: RecordProjectFeeRefund,
  state: ProjectFeesState,
): ProjectFeesEvent[] {
  requireSystem(meta);
  const projectId = requiredId(data.projectId, 'projectId');
  sameProject(state, projectId);
  const kind = kindOf(data.kind);
  const refundId = requiredId(data.refundId, 'refundId');
  const line = state.lines[kind];
  if (line?.refundIds.includes(refundId)) return [];
  if (line?.status !== 'charged')
    throw feesIllegal(Code.NOT_CHARGED, 'This fee was not charged: nothing to refund', {
      projectId,
      kind,
    });
  const cents = amount(data.amountCents);
  const left = refundableCents(line);
  if (cents > left)
    throw feesIllegal(Code.REFUND_EXCEEDS_CHARGE, 'A refund never exceeds what was charged', {
      projectId,
      kind,
      amountCents: cents,
      refundableCents: left,
    });
  if (data.reason !== 'amount_revised') throw feesInvalid('reason', { value: data.reason });
  return [
    {
      type: 'ProjectFeeRefunded',
      data: {
        projectId,
        refundId,
        chargeId: line.chargeId,
        kind,
        payerId: line.payerId,
        amountCents: cents,
        paymentRef: requiredId(data.paymentRef, 'paymentRef'),
        reason: data.reason,
        refundedAt: meta.now,
      },
    },
  ];
}

export function decide(command: ProjectFeesCommand, state: ProjectFeesState): ProjectFeesEvent[] {
  switch (command.type) {
    case 'RecordProjectFeeCharge':
      return charge(command, state);
    case 'RecordProjectFeeChargeFailure':
      return fail(command, state);
    case 'RecordProjectFeeRefund':
      return refund(command, state);
    default:
      return assertNever(command);
  }
}
