import { assertNever } from '../shared';
import type {
  CreateServiceType,
  RetireServiceType,
  ServiceTypeCommand,
  UpdateServiceType,
} from './service-type.commands';
import type { ServiceTypeEvent } from './service-type.events';
import { ServiceTypeErrorCode, serviceTypeIllegalState } from './service-type.errors';
import { byStaff, existing, notRetired, validateServiceType } from './service-type.guards';
import type { ServiceTypeState } from './service-type.state';

function create({ data, meta }: CreateServiceType, state: ServiceTypeState): ServiceTypeEvent[] {
  byStaff(meta);
  const { serviceTypeId, labelTakenBy, ...input } = data;
  if (state.status !== 'none')
    throw serviceTypeIllegalState(ServiceTypeErrorCode.EXISTS, state.status, {
      serviceTypeId,
      label: state.details.label,
    });
  const details = validateServiceType(input);
  if (labelTakenBy && labelTakenBy !== serviceTypeId)
    throw serviceTypeIllegalState(ServiceTypeErrorCode.EXISTS, 'none', {
      serviceTypeId: labelTakenBy,
      label: details.label,
    });
  return [
    {
      type: 'ServiceTypeCreated',
      data: { serviceTypeId, ...details, createdBy: meta.actorId, createdAt: meta.now },
    },
  ];
}

function update({ data, meta }: UpdateServiceType, state: ServiceTypeState): ServiceTypeEvent[] {
  byStaff(meta);
  const type = existing(state, data.serviceTypeId);
  notRetired(type);
  const { serviceTypeId: _id, labelTakenBy, ...input } = data;
  const details = validateServiceType(input);
  const same = type.details;
  // Saving the same values again records nothing, so a retried edit is harmless.
  if (
    details.label === same.label &&
    details.description === same.description &&
    details.category === same.category
  )
    return [];
  if (labelTakenBy && labelTakenBy !== type.serviceTypeId)
    throw serviceTypeIllegalState(ServiceTypeErrorCode.LABEL_TAKEN, type.status, {
      label: details.label,
      takenBy: labelTakenBy,
    });
  return [
    {
      type: 'ServiceTypeUpdated',
      data: {
        serviceTypeId: type.serviceTypeId,
        ...details,
        updatedBy: meta.actorId,
        updatedAt: meta.now,
      },
    },
  ];
}

function retire({ data, meta }: RetireServiceType, state: ServiceTypeState): ServiceTypeEvent[] {
  byStaff(meta);
  const type = existing(state, data.serviceTypeId);
  notRetired(type);
  return [
    {
      type: 'ServiceTypeRetired',
      data: { serviceTypeId: type.serviceTypeId, retiredBy: meta.actorId, retiredAt: meta.now },
    },
  ];
}

export function decide(command: ServiceTypeCommand, state: ServiceTypeState): ServiceTypeEvent[] {
  switch (command.type) {
    case 'CreateServiceType':
      return create(command, state);
    case 'UpdateServiceType':
      return update(command, state);
    case 'RetireServiceType':
      return retire(command, state);
    default:
      return assertNever(command);
  }
}
