import {
  planSlug,
  planStream as planStreamName,
  type PlanCommand,
  type PlanState,
} from '../../domain/plans';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/**
 * Published contract: send a PlanCommand to the `plan-<planId>` stream through the CommandBus.
 * The handler completes it first (the hour pack's service type, a rename onto another plan).
 */
export class PlanCommandMessage extends AggregateCommandMessage<PlanCommand, PlanState> {}

export const planStream = planStreamName;

/**
 * A plan's id is the slug of its name ("Crédits Essentiel" -> `credits-essentiel`), so defining
 * the same name twice, in any case or accents, lands on one stream and is refused `PLAN_EXISTS`.
 * Renaming a plan later keeps its id.
 */
export const planIdFor = (name: string): string => planSlug(name.trim());

/** What a plan id looks like (a slug of at most 80 characters), for path and body validation. */
export const PLAN_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const PLAN_ID_MAX_LENGTH = 80;
export const isPlanId = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= PLAN_ID_MAX_LENGTH && PLAN_ID_PATTERN.test(value);
