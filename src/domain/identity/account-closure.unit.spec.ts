import { DeciderSpecification } from '../../../test/support/decider-spec';
import { assertCanLogIn } from './account.policies';
import {
  BEFORE_EFFECTIVE,
  close,
  closed,
  closureRequested,
  EFFECTIVE_AT,
  erase,
  erased,
  request,
  withdraw,
} from './account-closure.fixtures.spec';
import { accountDecider } from './index';
import {
  ACCOUNT_ID,
  admin,
  ADMIN_ID,
  confirmed,
  holder,
  IN_A_DAY,
  NOW,
  registered,
  stranger,
  system,
} from './identity.fixtures.spec';

const spec = DeciderSpecification.for(accountDecider);

describe('Open account', () => {
  const given = () => spec.given([registered(), confirmed]);

  it('asks for closure, effective two business days later', () => {
    given().when(request()).then([closureRequested]);
  });

  it('skips the weekend: a Friday request takes effect on Tuesday', () => {
    const friday = '2025-03-14T16:30:00.000Z';
    given()
      .when(request(holder(friday)))
      .then([
        {
          ...closureRequested,
          data: {
            ...closureRequested.data,
            requestedAt: friday,
            effectiveAt: '2025-03-18T16:30:00.000Z',
          },
        },
      ]);
  });

  it('skips French public holidays: a request on 30 April takes effect on 5 May', () => {
    const eve = '2025-04-30T09:00:00.000Z';
    given()
      .when(request(holder(eve)))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({ effectiveAt: '2025-05-05T09:00:00.000Z' }),
      );
  });

  it('records the admin who asks on behalf of the holder (request sent to support)', () => {
    given()
      .when(request(admin()))
      .then([{ ...closureRequested, data: { ...closureRequested.data, requestedBy: ADMIN_ID } }]);
  });

  it('refuses a closure request by someone else', () => {
    given().when(request(stranger())).thenThrows('NOT_A_PARTY');
  });

  it('has no closure to withdraw', () => {
    given().when(withdraw()).thenThrows('NO_CLOSURE_REQUESTED', { currentStatus: 'open' });
  });

  it('has no closure to carry out', () => {
    given().when(close()).thenThrows('NO_CLOSURE_REQUESTED', { currentStatus: 'open' });
  });

  it('is closed only by the platform', () => {
    given()
      .when(close(admin(EFFECTIVE_AT)))
      .thenThrows('SYSTEM_ONLY');
  });

  it('is erased at once on a GDPR request handled by an admin', () => {
    given()
      .when(erase('gdpr_request', admin()))
      .then([erased('gdpr_request', ADMIN_ID, NOW)]);
  });

  it('is not erased "after closure" while still open', () => {
    given()
      .when(erase('account_closed'))
      .thenThrows('ACCOUNT_NOT_CLOSED', { currentStatus: 'open' });
  });

  it('refuses an erasure by the holder or another party', () => {
    given().when(erase('gdpr_request', holder())).thenThrows('ADMIN_ONLY');
  });

  it('refuses an unknown erasure reason', () => {
    given().when(erase('bored', admin())).thenThrows('UNKNOWN_ERASURE_REASON', { reason: 'bored' });
  });
});

describe('Account awaiting closure', () => {
  const given = () => spec.given([registered(), confirmed, closureRequested]);

  it('shows the effective date in its state', () => {
    expect(given().state()).toMatchObject({ status: 'closing', closureEffectiveAt: EFFECTIVE_AT });
  });

  it('is withdrawn before the effective date and reopens', () => {
    const withdrawn = {
      type: 'AccountClosureWithdrawn' as const,
      data: { accountId: ACCOUNT_ID, withdrawnBy: ACCOUNT_ID, withdrawnAt: BEFORE_EFFECTIVE },
    };
    given()
      .when(withdraw(holder(BEFORE_EFFECTIVE)))
      .then([withdrawn]);
    expect(spec.given([registered(), closureRequested, withdrawn]).state()).toMatchObject({
      status: 'open',
    });
    expect(spec.given([registered(), closureRequested, withdrawn]).state()).not.toHaveProperty(
      'closureEffectiveAt',
    );
  });

  it('cannot be withdrawn from the effective date on', () => {
    given()
      .when(withdraw(holder(EFFECTIVE_AT)))
      .thenThrows('CLOSURE_ALREADY_EFFECTIVE', {
        currentStatus: 'closing',
        effectiveAt: EFFECTIVE_AT,
      });
  });

  it('refuses a withdrawal by someone else', () => {
    given()
      .when(withdraw(stranger(IN_A_DAY)))
      .thenThrows('NOT_A_PARTY');
  });

  it('keeps the first effective date when asked again', () => {
    given()
      .when(request(holder(IN_A_DAY)))
      .then([]);
  });

  it('is not closed before the effective date', () => {
    given()
      .when(close(system(BEFORE_EFFECTIVE)))
      .thenThrows('CLOSURE_NOT_YET_EFFECTIVE', {
        currentStatus: 'closing',
        effectiveAt: EFFECTIVE_AT,
      });
  });

  it('is closed by the platform once the date is reached', () => {
    given().when(close()).then([closed]);
  });

  it('keeps working until then: profile changes and login', () => {
    given()
      .when({ type: 'UpdateProfile', data: { displayName: 'C. Martin' }, meta: holder(IN_A_DAY) })
      .thenMatches((events) => expect(events.map((e) => e.type)).toEqual(['ProfileUpdated']));
    expect(assertCanLogIn(given().state()).accountId).toBe(ACCOUNT_ID);
  });
});
