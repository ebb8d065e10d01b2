import { assertNever } from '../shared';
import type { EndPartnership, GrantPartnership, PartnershipCommand } from './partnership.commands';
import { alreadyPartner, associationNotVerified, notAPartner } from './partnership.errors';
import type { PartnershipEvent } from './partnership.events';
import { assertAdmin, parseNote, parseReason } from './partnership.guards';
import type { PartnershipState } from './partnership.state';

function grant({ data, meta }: GrantPartnership, state: PartnershipState): PartnershipEvent[] {
  assertAdmin(meta);
  const note = parseNote(data.note);
  if (state.status === 'partner') throw alreadyPartner(state.associationId, state.since);
  const { standing } = data;
  if (!standing?.verified || !standing.officialName)
    throw associationNotVerified(data.associationId);
  return [
    {
      type: 'AssociationPartnershipGranted',
      data: {
        associationId: data.associationId,
        name: standing.officialName,
        note,
        grantedBy: meta.actorId,
        grantedAt: meta.now,
      },
    },
  ];
}

function end({ data, meta }: EndPartnership, state: PartnershipState): PartnershipEvent[] {
  assertAdmin(meta);
  const reason = parseReason(data.reason);
  if (state.status !== 'partner') throw notAPartner(data.associationId, state.status);
  return [
    {
      type: 'AssociationPartnershipEnded',
      data: {
        associationId: state.associationId,
        reason,
        endedBy: meta.actorId,
        endedAt: meta.now,
      },
    },
  ];
}

export function decide(command: PartnershipCommand, state: PartnershipState): PartnershipEvent[] {
  switch (command.type) {
    case 'GrantPartnership':
      return grant(command, state);
    case 'EndPartnership':
      return end(command, state);
    default:
      return assertNever(command);
  }
}
