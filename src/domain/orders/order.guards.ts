import { CommandMeta } from '../shared';
import { OrderErrorCode, forbidden, frozen, invalid, orderNotFound, refused } from './order.errors';
import { ContestableStatus } from './order.events';
import { OrderProgress, OrderState, PlacedOrder, isTerminal } from './order.state';

const DAY_MS = 86_400_000;

export const addDays = (instant: string, days: number): string =>
  new Date(Date.parse(instant) + days * DAY_MS).toISOString();

/** Deadlines are reached at their instant: a countdown at zero is over. */
export const reached = (now: string, instant: string): boolean =>
  Date.parse(now) >= Date.parse(instant);

export function placed(state: OrderState, orderId: string): PlacedOrder {
  if (state.status === 'none') throw orderNotFound(orderId);
  return state;
}

export type Party = 'buyer' | 'seller';

/** Checked before any state rule, so an outsider learns nothing about the order. */
export function partyOf(order: PlacedOrder, meta: CommandMeta): Party {
  if (meta.actorId === order.order.buyerId) return 'buyer';
  if (meta.actorId === order.order.sellerId) return 'seller';
  throw forbidden(
    OrderErrorCode.NOT_A_PARTY,
    'Only the buyer or the seller of this order may do this',
  );
}

export function requireSeller(order: PlacedOrder, meta: CommandMeta): void {
  if (partyOf(order, meta) !== 'seller')
    throw forbidden(OrderErrorCode.ONLY_SELLER, 'Only the seller may do this');
}

export function requireBuyer(order: PlacedOrder, meta: CommandMeta): void {
  if (partyOf(order, meta) !== 'buyer')
    throw forbidden(OrderErrorCode.ONLY_BUYER, 'Only the buyer may do this');
}

export function requireSystem(meta: CommandMeta): void {
  if (meta.actorRole !== 'system')
    throw forbidden(OrderErrorCode.ONLY_SYSTEM, 'Only the system may do this');
}

/** Workers and arbitration staff settle disputes; finance staff do not. */
export const isDisputeHandler = (meta: CommandMeta): boolean =>
  meta.actorRole === 'system' || meta.actorRole === 'mediator' || meta.actorRole === 'admin';

export type OpenOrder = PlacedOrder & { status: 'awaiting_start' | ContestableStatus };

/** A contested order is frozen and a terminal one is closed, whatever the command. */
export function ensureOpen(order: PlacedOrder): asserts order is OpenOrder {
  if (order.status === 'contested') throw frozen(order);
  if (isTerminal(order.status)) throw refused(OrderErrorCode.TERMINAL, order);
}

/** The seed's lateness: only the first delivery has a deadline, and a revision request lifts it. */
export function firstDeliveryLate(progress: OrderProgress, now: string): boolean {
  if (progress.deliveries > 0 || !progress.deadlineApplies || progress.deliveryDueAt === null)
    return false;
  return progress.lateMarkedAt !== null || reached(now, progress.deliveryDueAt);
}

export function requiredText(
  value: unknown,
  field: string,
  code: OrderErrorCode,
  maxLength?: number,
): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0) throw invalid(code, field);
  if (maxLength !== undefined && text.length > maxLength) {
    throw invalid(OrderErrorCode.TEXT_TOO_LONG, field, { maxLength });
  }
  return text;
}

export function requiredId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim().length === 0)
    throw invalid(OrderErrorCode.MISSING_ID, field);
  return value;
}

export function fileRefs(values: unknown, field = 'fileRefs'): string[] {
  const refs = values ?? [];
  if (
    !Array.isArray(refs) ||
    refs.some((ref) => typeof ref !== 'string' || ref.trim().length === 0)
  ) {
    throw invalid(OrderErrorCode.INVALID_FILE_REF, field);
  }
  return refs as string[];
}

export const isPositiveInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
