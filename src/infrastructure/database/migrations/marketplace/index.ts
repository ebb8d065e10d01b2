import { SimulatedGatewayOperations1732382000000 } from './1732382000000-simulated-gateway-operations';
import { SimulatedGatewayMoveOut1732386100000 } from './1732386100000-simulated-gateway-move-out';
import { SimulatedGatewayScrubDestinations1732386300000 } from './1732386300000-simulated-gateway-scrub-destinations';
import { StripePlanPayments1732391500000 } from './1732391500000-stripe-plan-payments';
import { SimulatedGatewayRefundCharge1732391510000 } from './1732391510000-simulated-gateway-refund-charge';
import { GatewayPlanChargeRefs1732391520000 } from './1732391520000-gateway-plan-charge-refs';

/** Migrations of this area, in order; listed in data-source.ts after the core ones. */
export const MIGRATIONS: Function[] = [
  SimulatedGatewayOperations1732382000000,
  SimulatedGatewayMoveOut1732386100000,
  SimulatedGatewayScrubDestinations1732386300000,
  StripePlanPayments1732391500000,
  SimulatedGatewayRefundCharge1732391510000,
  GatewayPlanChargeRefs1732391520000,
];
