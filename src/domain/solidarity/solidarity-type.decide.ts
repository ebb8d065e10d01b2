import { assertNever } from '../shared';
import type {
  DefineSolidarityType,
  RetireSolidarityType,
  ReviseSolidarityType,
  SolidarityTypeCommand,
} from './solidarity-type.commands';
import {
  SolidarityTypeErrorCode,
  solidarityTypeIllegalState,
  solidarityTypeInvalid,
} from './solidarity-type.errors';
import type { SolidarityTypeEvent } from './solidarity-type.events';
import {
  byStaff,
  existing,
  notRetired,
  solidarityTypeSlug,
  validateSolidarityType,
} from './solidarity-type.guards';
import type { SolidarityTypeState } from './solidarity-type.state';

function define(
  { data, meta }: DefineSolidarityType,
  state: SolidarityTypeState,
): SolidarityTypeEvent[] {
  byStaff(meta);
  const { solidarityTypeId, ...input } = data;
  if (state.status !== 'none')
    throw solidarityTypeIllegalState(SolidarityTypeErrorCode.EXISTS, state.status, {
      solidarityTypeId,
      label: state.details.label,
    });
  const details = validateSolidarityType(input);
  if (solidarityTypeSlug(details.label) !== solidarityTypeId)
    throw solidarityTypeInvalid(SolidarityTypeErrorCode.ID_NOT_SLUG, 'solidarityTypeId', {
      expected: solidarityTypeSlug(details.label),
    });
  return [
    {
      type: 'SolidarityTypeDefined',
      data: { solidarityTypeId, ...details, definedBy: meta.actorId, definedAt: meta.now },
    },
  ];
}

function revise(
  { data, meta }: ReviseSolidarityType,
  state: SolidarityTypeState,
): SolidarityTypeEvent[] {
  byStaff(meta);
  const type = existing(state, data.solidarityTypeId);
  notRetired(type);
  const { solidarityTypeId: _id, ...input } = data;
  const details = validateSolidarityType(input);
  // The same values again record nothing, so a retried edit is harmless.
  if (details.label === type.details.label && details.description === type.details.description)
    return [];
  return [
    {
      type: 'SolidarityTypeRevised',
      data: {
        solidarityTypeId: type.solidarityTypeId,
        ...details,
        revisedBy: meta.actorId,
        revisedAt: meta.now,
      },
    },
  ];
}

function retire(
  { data, meta }: RetireSolidarityType,
  state: SolidarityTypeState,
): SolidarityTypeEvent[] {
  byStaff(meta);
  const type = existing(state, data.solidarityTypeId);
  notRetired(type);
  return [
    {
      type: 'SolidarityTypeRetired',
      data: {
        solidarityTypeId: type.solidarityTypeId,
        retiredBy: meta.actorId,
        retiredAt: meta.now,
      },
    },
  ];
}

export function decide(
  command: SolidarityTypeCommand,
  state: SolidarityTypeState,
): SolidarityTypeEvent[] {
  switch (command.type) {
    case 'DefineSolidarityType':
      return define(command, state);
    case 'ReviseSolidarityType':
      return revise(command, state);
    case 'RetireSolidarityType':
      return retire(command, state);
    default:
      return assertNever(command);
  }
}
