import { DeciderSpecification } from '../../../test/support/decider-spec';
import { assertCanLogIn } from './account.policies';
import {
  AFTER_EFFECTIVE,
  close,
  closed,
  closureRequested,
  erase,
  erased,
  refused,
} from './account-closure.fixtures.spec';
import { accountDecider } from './index';
import { ACCOUNT_ID, admin, caught, confirmed, registered, system } from './identity.fixtures.spec';

const spec = DeciderSpecification.for(accountDecider);

describe('Closed account', () => {
  const given = () => spec.given([registered(), confirmed, closureRequested, closed]);

  it.each(refused)('refuses $type with ACCOUNT_CLOSED', (command) => {
    given().when(command).thenThrows('ACCOUNT_CLOSED', { currentStatus: 'closed' });
  });

  it('no longer logs in', () => {
    expect(caught(() => assertCanLogIn(given().state()))?.code).toBe('ACCOUNT_CLOSED');
  });

  it('does nothing when the closure job runs again', () => {
    given()
      .when(close(system(AFTER_EFFECTIVE)))
      .then([]);
  });

  it('is erased by the platform after closure', () => {
    given()
      .when(erase('account_closed'))
      .then([erased('account_closed', 'worker', AFTER_EFFECTIVE)]);
  });
});

describe('Erased account', () => {
  const given = () =>
    spec.given([
      registered(),
      confirmed,
      closureRequested,
      closed,
      erased('account_closed', 'worker', AFTER_EFFECTIVE),
    ]);

  it.each(refused)('refuses $type with ACCOUNT_CLOSED', (command) => {
    given().when(command).thenThrows('ACCOUNT_CLOSED', { currentStatus: 'erased' });
  });

  it('keeps nothing personal in its state', () => {
    expect(given().state()).toEqual({
      status: 'erased',
      accountId: ACCOUNT_ID,
      erasedAt: AFTER_EFFECTIVE,
    });
  });

  it('does nothing when the erasure is retried', () => {
    given().when(erase('account_closed')).then([]);
    given()
      .when(erase('gdpr_request', admin(AFTER_EFFECTIVE)))
      .then([]);
  });

  it('is not closed again', () => {
    given()
      .when(close(system(AFTER_EFFECTIVE)))
      .thenThrows('ACCOUNT_CLOSED', { currentStatus: 'erased' });
  });

  it('no longer logs in', () => {
    expect(caught(() => assertCanLogIn(given().state()))?.code).toBe('ACCOUNT_CLOSED');
  });
});
