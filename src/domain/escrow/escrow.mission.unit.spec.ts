import { DeciderSpecification } from '../../../test/support/decider-spec';
import { escrowDecider } from './index';
import {
  asBuyer,
  asSystem,
  fund,
  funded,
  opened,
  refund,
  refunded,
  release,
  released,
} from './escrow.fixtures.spec';

const spec = DeciderSpecification.for(escrowDecider);

describe('Escrow — a mission (the missions money process drives it)', () => {
  const held = spec.given([opened('mission'), funded('price', 8000)]);

  it('takes the difference in while held when an accepted change raised the price', () => {
    held.when(fund('change-1', 2000, asSystem)).then([funded('change-1', 2000, 10000)]);
  });

  it('refuses more money once closed: a mission is paid once', () => {
    spec
      .given([opened('mission'), funded('price', 8000), refunded('r1', 8000, 'cancelled')])
      .when(fund('change-1', 2000, asSystem))
      .thenThrows('ESCROW_CLOSED');
  });

  it('gives the difference back when an accepted change lowered the price', () => {
    held
      .when(refund('p1', 1500, 'price_reduced', asSystem))
      .then([refunded('p1', 1500, 'price_reduced')]);
  });

  it('keeps a late-cancellation fee for the provider, commission included, by the system', () => {
    held
      .when(release('fee-1', 3000, 'cancellation_fee', asSystem))
      .then([released('fee-1', 3000, 300, 50, 'cancellation_fee')]);
  });

  it('refuses a cancellation fee asked by a party', () => {
    held.when(release('fee-1', 3000, 'cancellation_fee', asBuyer)).thenThrows('ONLY_SYSTEM');
  });
});

describe('Escrow — an order keeps its rules', () => {
  const held = spec.given([opened('order'), funded('t1', 8000)]);

  it('refuses a second payment while held', () => {
    held.when(fund('t2', 2000, asSystem)).thenThrows('ESCROW_ALREADY_FUNDED');
  });

  it('knows no late-cancellation fee', () => {
    held
      .when(release('fee-1', 3000, 'cancellation_fee', asSystem))
      .thenThrows('ESCROW_CANCELLATION_FEE_ONLY_FOR_MISSIONS');
  });
});
