/**
 * Published contract of hour packs for the missions money process, the ledger and the invoices
 * (docs/plans-hour-packs.md): the escrow of a mission paid from a pack is funded by the platform
 * from the pack's money, not by a card. Its id carries this prefix so the ledger and the invoices
 * tell it apart, and its tranche names the pack as its payment reference.
 */
export const HOUR_PACK_ESCROW_PREFIX = 'hourpack_';
export const isHourPackEscrow = (escrowId: string): boolean =>
  escrowId.startsWith(HOUR_PACK_ESCROW_PREFIX);
export const hourPackPaymentRef = (packId: string): string => `hour-pack:${packId}`;
