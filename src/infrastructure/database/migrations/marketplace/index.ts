import { SimulatedGatewayOperations1732382000000 } from './1732382000000-simulated-gateway-operations';
import { SimulatedGatewayMoveOut1732386100000 } from './1732386100000-simulated-gateway-move-out';
import { SimulatedGatewayScrubDestinations1732386300000 } from './1732386300000-simulated-gateway-scrub-destinations';

/** Migrations of this area, in order; listed in data-source.ts after the core ones. */
export const MIGRATIONS: Function[] = [
  SimulatedGatewayOperations1732382000000,
  SimulatedGatewayMoveOut1732386100000,
  SimulatedGatewayScrubDestinations1732386300000,
];
