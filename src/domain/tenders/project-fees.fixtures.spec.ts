import { DeciderSpecification } from '../../../test/support/decider-spec';
import type { CommandMeta } from '../shared';
import type { ProjectFeesCommand } from './project-fees.commands';
import { projectFeesDecider } from './project-fees.decider';
import type {
  ProjectFeeChargeFailed,
  ProjectFeeCharged,
  ProjectFeeKind,
  ProjectFeeRefunded,
} from './project-fees.events';

export const projectId = 'project-1';
export const clientId = 'client-1';
export const chargedAt = '2026-12-01T10:00:00.000Z';
export const later = '2026-12-10T10:00:00.000Z';
export const chargeIdOf = (kind: ProjectFeeKind) => `charge-${kind}`;

export const spec = DeciderSpecification.for(projectFeesDecider);
export const asSystem = (now = chargedAt): CommandMeta => ({
  now,
  actorId: 'system',
  actorRole: 'system',
});

export const chargeCommand = (
  kind: ProjectFeeKind = 'finder_fee',
  amountCents = 60_000,
  paymentRef = `pi_${kind}`,
): ProjectFeesCommand => ({
  type: 'RecordProjectFeeCharge',
  data: {
    projectId,
    chargeId: chargeIdOf(kind),
    kind,
    payerId: clientId,
    amountCents,
    paymentRef,
  },
  meta: asSystem(),
});

export const charged = (
  kind: ProjectFeeKind = 'finder_fee',
  amountCents = 60_000,
  paymentRef = `pi_${kind}`,
): ProjectFeeCharged => ({
  type: 'ProjectFeeCharged',
  data: {
    projectId,
    chargeId: chargeIdOf(kind),
    kind,
    payerId: clientId,
    amountCents,
    paymentRef,
    chargedAt,
  },
});

export const failed = (
  kind: ProjectFeeKind = 'finder_fee',
  code = 'card_declined',
): ProjectFeeChargeFailed => ({
  type: 'ProjectFeeChargeFailed',
  data: {
    projectId,
    chargeId: chargeIdOf(kind),
    kind,
    payerId: clientId,
    amountCents: 60_000,
    code,
    failedAt: chargedAt,
  },
});

export const refundCommand = (
  amountCents: number,
  refundId = 'refund-1',
  kind: ProjectFeeKind = 'finder_fee',
): ProjectFeesCommand => ({
  type: 'RecordProjectFeeRefund',
  data: {
    projectId,
    refundId,
    kind,
    amountCents,
    paymentRef: `re_${refundId}`,
    reason: 'amount_revised',
  },
  meta: asSystem(later),
});

export const refunded = (
  amountCents: number,
  refundId = 'refund-1',
  kind: ProjectFeeKind = 'finder_fee',
): ProjectFeeRefunded => ({
  type: 'ProjectFeeRefunded',
  data: {
    projectId,
    refundId,
    chargeId: chargeIdOf(kind),
    kind,
    payerId: clientId,
    amountCents,
    paymentRef: `re_${refundId}`,
    reason: 'amount_revised',
    refundedAt: later,
  },
});
