/**
 * The orders context's published status rules: other contexts fold order events with these
 * instead of restating them (they may not import the orders domain at run time).
 */
export { ORDER_STATUS_LABELS, orderStatusAfter } from '../../domain/orders';
export type { OrderStatus } from '../../domain/orders';
