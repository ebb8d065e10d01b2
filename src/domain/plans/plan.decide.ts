import { assertNever } from '../shared';
import type { DefinePlan, PlanCommand, RetirePlan, RevisePlan } from './plan.commands';
import type { PlanEvent } from './plan.events';
import { PlanErrorCode, planIllegalState } from './plan.errors';
import {
  byStaff,
  existing,
  notRetired,
  sameKind,
  sameOffer,
  validatePlan,
  validKind,
} from './plan.guards';
import type { PlanState } from './plan.state';

function define({ data, meta }: DefinePlan, state: PlanState): PlanEvent[] {
  byStaff(meta);
  if (state.status !== 'none')
    throw planIllegalState(PlanErrorCode.EXISTS, state.status, {
      planId: state.planId,
      name: state.name,
    });
  const kind = validKind(data.kind);
  const { name, description, terms } = validatePlan(data, kind);
  return [
    {
      type: 'PlanDefined',
      data: {
        planId: data.planId,
        kind,
        name,
        description,
        version: 1,
        terms,
        definedBy: meta.actorId,
        definedAt: meta.now,
      },
    },
  ];
}

/** A new version with full new terms; it applies to periods and purchases starting after it. */
function revise({ data, meta }: RevisePlan, state: PlanState): PlanEvent[] {
  byStaff(meta);
  const plan = existing(state, data.planId);
  notRetired(plan);
  sameKind(plan, data.kind);
  const next = validatePlan(data, plan.kind);
  // The same terms again record nothing, so a retried PUT is harmless.
  if (sameOffer(plan, next)) return [];
  if (data.nameTakenBy && data.nameTakenBy !== plan.planId)
    throw planIllegalState(PlanErrorCode.NAME_TAKEN, plan.status, {
      name: next.name,
      takenBy: data.nameTakenBy,
    });
  return [
    {
      type: 'PlanRevised',
      data: {
        planId: plan.planId,
        version: plan.version + 1,
        ...next,
        revisedBy: meta.actorId,
        revisedAt: meta.now,
      },
    },
  ];
}

/** No new subscriptions or purchases; running subscriptions keep renewing at their last version. */
function retire({ data, meta }: RetirePlan, state: PlanState): PlanEvent[] {
  byStaff(meta);
  const plan = existing(state, data.planId);
  notRetired(plan);
  return [
    {
      type: 'PlanRetired',
      data: { planId: plan.planId, retiredBy: meta.actorId, retiredAt: meta.now },
    },
  ];
}

export function decide(command: PlanCommand, state: PlanState): PlanEvent[] {
  switch (command.type) {
    case 'DefinePlan':
      return define(command, state);
    case 'RevisePlan':
      return revise(command, state);
    case 'RetirePlan':
      return retire(command, state);
    default:
      return assertNever(command);
  }
}
