import { GIG_EVENT_VERSIONS } from '../../../domain/catalog';
import { DISPUTE_EVENT_VERSIONS } from '../../../domain/disputes';
import { ESCROW_EVENT_VERSIONS } from '../../../domain/escrow';
import { MISSION_EVENT_VERSIONS } from '../../../domain/missions';
import { GATEWAY_EVENT_VERSIONS } from '../../../domain/payments';
import { ACCOUNT_EVENT_VERSIONS, VERIFICATION_EVENT_VERSIONS } from '../../../domain/identity';
import { CUSTOM_REQUEST_EVENT_VERSIONS, ORDER_EVENT_VERSIONS } from '../../../domain/orders';
import { PAYOUT_EVENT_VERSIONS, WALLET_EVENT_VERSIONS } from '../../../domain/payouts';
import {
  PROVIDER_OFFER_EVENT_VERSIONS,
  SERVICE_TYPE_EVENT_VERSIONS,
} from '../../../domain/missions/offers';
import { SELLER_GIGS_EVENT_VERSIONS } from '../../../application/catalog/seller-gigs.index';
import { MISSION_MONEY_EVENT_VERSIONS } from '../../../application/missions/mission-money.events';
import {
  CREDITS_EVENT_VERSIONS,
  HOUR_PACK_EVENT_VERSIONS,
  PLAN_EVENT_VERSIONS,
  SUBSCRIPTION_EVENT_VERSIONS,
} from '../../../domain/plans';
import {
  PARTNERSHIP_EVENT_VERSIONS,
  SOLIDARITY_MONTH_EVENT_VERSIONS,
  VOTE_EVENT_VERSIONS,
} from '../../../domain/solidarity';
import { mergeEventVersions } from './upcaster-registry';

/** Every context's version table; a new context adds its own here. */
export const EVENT_VERSIONS = mergeEventVersions(
  ACCOUNT_EVENT_VERSIONS,
  VERIFICATION_EVENT_VERSIONS,
  GIG_EVENT_VERSIONS,
  SELLER_GIGS_EVENT_VERSIONS,
  ORDER_EVENT_VERSIONS,
  CUSTOM_REQUEST_EVENT_VERSIONS,
  ESCROW_EVENT_VERSIONS,
  DISPUTE_EVENT_VERSIONS,
  WALLET_EVENT_VERSIONS,
  PAYOUT_EVENT_VERSIONS,
  GATEWAY_EVENT_VERSIONS,
  MISSION_EVENT_VERSIONS,
  MISSION_MONEY_EVENT_VERSIONS,
  SERVICE_TYPE_EVENT_VERSIONS,
  PROVIDER_OFFER_EVENT_VERSIONS,
  PLAN_EVENT_VERSIONS,
  SUBSCRIPTION_EVENT_VERSIONS,
  CREDITS_EVENT_VERSIONS,
  HOUR_PACK_EVENT_VERSIONS,
  PARTNERSHIP_EVENT_VERSIONS,
  VOTE_EVENT_VERSIONS,
  SOLIDARITY_MONTH_EVENT_VERSIONS,
);
