import { SimulatedGatewayOperations1732382000000 } from './1732382000000-simulated-gateway-operations';
import { SimulatedGatewayMoveOut1732386100000 } from './1732386100000-simulated-gateway-move-out';

/** Migrations of this area, in order; listed in data-source.ts after the core ones. */
export const MIGRATIONS: Function[] = [
  SimulatedGatewayOperations1732382000000,
  SimulatedGatewayMoveOut1732386100000,
];
