import type { CommandMeta } from '../shared';
import type { SolidarityTypeInput } from './solidarity-type.commands';
import type { SolidarityTypeDetails } from './solidarity-type.events';
import {
  SolidarityTypeErrorCode,
  solidarityTypeIllegalState,
  solidarityTypeInvalid,
  solidarityTypeNotFound,
  solidarityTypeStaffOnly,
} from './solidarity-type.errors';
import type { ExistingSolidarityType, SolidarityTypeState } from './solidarity-type.state';

export const SOLIDARITY_TYPE_RULES = {
  labelMaxLength: 80,
  descriptionMaxLength: 1_000,
} as const;

/**
 * The label's key and the type's id: lower case, accents and punctuation dropped, words joined
 * by dashes ("Aide aux personnes âgées" -> "aide-aux-personnes-agees").
 */
export function solidarityTypeSlug(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Trims and checks what staff typed. */
export function validateSolidarityType(input: SolidarityTypeInput): SolidarityTypeDetails {
  const label = text(input.label).replace(/\s+/g, ' ');
  if (label.length === 0)
    throw solidarityTypeInvalid(SolidarityTypeErrorCode.LABEL_REQUIRED, 'label');
  if (label.length > SOLIDARITY_TYPE_RULES.labelMaxLength)
    throw solidarityTypeInvalid(SolidarityTypeErrorCode.LABEL_TOO_LONG, 'label', {
      maxLength: SOLIDARITY_TYPE_RULES.labelMaxLength,
    });
  if (solidarityTypeSlug(label) === '')
    throw solidarityTypeInvalid(SolidarityTypeErrorCode.LABEL_WITHOUT_LETTERS, 'label', { label });
  const description = text(input.description);
  if (description.length > SOLIDARITY_TYPE_RULES.descriptionMaxLength)
    throw solidarityTypeInvalid(SolidarityTypeErrorCode.DESCRIPTION_TOO_LONG, 'description', {
      maxLength: SOLIDARITY_TYPE_RULES.descriptionMaxLength,
    });
  return { label, description };
}

/** Staff admins manage the list; `system` is the operator's seed command. */
export function byStaff(meta: CommandMeta): void {
  if (meta.actorRole !== 'admin' && meta.actorRole !== 'system') throw solidarityTypeStaffOnly();
}

export function existing(
  state: SolidarityTypeState,
  solidarityTypeId: string,
): ExistingSolidarityType {
  if (state.status === 'none') throw solidarityTypeNotFound(solidarityTypeId);
  return state;
}

export function notRetired(type: ExistingSolidarityType): void {
  if (type.status === 'retired')
    throw solidarityTypeIllegalState(SolidarityTypeErrorCode.RETIRED, type.status, {
      solidarityTypeId: type.solidarityTypeId,
    });
}
