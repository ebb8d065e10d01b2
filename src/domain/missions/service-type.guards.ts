import type { CommandMeta } from '../shared';
import type { ServiceTypeInput } from './service-type.commands';
import type { ServiceTypeDetails } from './service-type.events';
import {
  ServiceTypeErrorCode,
  serviceTypeIllegalState,
  serviceTypeInvalid,
  serviceTypeNotFound,
  serviceTypeStaffOnly,
} from './service-type.errors';
import type { ExistingServiceType, ServiceTypeState } from './service-type.state';

export const SERVICE_TYPE_RULES = {
  labelMaxLength: 60,
  descriptionMaxLength: 1_000,
  /** Lower-case words joined by dashes: "home", "garden", "care", "repairs". */
  category: /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
  categoryMaxLength: 40,
} as const;

/**
 * The label's key: lower case, accents and punctuation dropped, words joined by dashes
 * ("Garde d'enfants" -> "garde-d-enfants"). Two labels with one slug are the same type.
 */
export function serviceTypeSlug(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Trims and checks what staff typed. */
export function validateServiceType(input: ServiceTypeInput): ServiceTypeDetails {
  const label = text(input.label).replace(/\s+/g, ' ');
  if (label.length === 0) throw serviceTypeInvalid(ServiceTypeErrorCode.LABEL_REQUIRED, 'label');
  if (label.length > SERVICE_TYPE_RULES.labelMaxLength)
    throw serviceTypeInvalid(ServiceTypeErrorCode.LABEL_TOO_LONG, 'label', {
      maxLength: SERVICE_TYPE_RULES.labelMaxLength,
    });
  if (serviceTypeSlug(label) === '')
    throw serviceTypeInvalid(ServiceTypeErrorCode.LABEL_WITHOUT_LETTERS, 'label', { label });
  const description = text(input.description);
  if (description.length > SERVICE_TYPE_RULES.descriptionMaxLength)
    throw serviceTypeInvalid(ServiceTypeErrorCode.DESCRIPTION_TOO_LONG, 'description', {
      maxLength: SERVICE_TYPE_RULES.descriptionMaxLength,
    });
  const category = text(input.category);
  if (
    category.length > SERVICE_TYPE_RULES.categoryMaxLength ||
    !SERVICE_TYPE_RULES.category.test(category)
  )
    throw serviceTypeInvalid(ServiceTypeErrorCode.INVALID_CATEGORY, 'category', {
      value: input.category,
      pattern: SERVICE_TYPE_RULES.category.source,
    });
  return { label, description, category };
}

/** Staff admins manage the catalogue; `system` is the operator's seed command. */
export function byStaff(meta: CommandMeta): void {
  if (meta.actorRole !== 'admin' && meta.actorRole !== 'system') throw serviceTypeStaffOnly();
}

export function existing(state: ServiceTypeState, serviceTypeId: string): ExistingServiceType {
  if (state.status === 'none') throw serviceTypeNotFound(serviceTypeId);
  return state;
}

export function notRetired(type: ExistingServiceType): void {
  if (type.status === 'retired')
    throw serviceTypeIllegalState(ServiceTypeErrorCode.RETIRED, type.status, {
      serviceTypeId: type.serviceTypeId,
    });
}
