import { stepIdsIn } from '../shared/deterministic-id';

/**
 * Ids derived from a gateway notification, so a redelivery appends nothing twice. The namespace
 * is the one they were first derived in (payouts handled webhooks then): ids already in the log
 * are derived again byte for byte.
 */
export const gatewayIds = stepIdsIn('marketplace:payouts');
