import { DeciderSpecification } from '../../../test/support/decider-spec';
import { PasswordChanged, PasswordReset, PasswordResetRequested } from './account.events';
import { assertCanLogIn } from './account.policies';
import { accountDecider } from './index';
import {
  ACCOUNT_ID,
  anonymous,
  caught,
  CONFIRMATION_HASH,
  confirmed,
  holder,
  IN_A_DAY,
  LATER,
  NEW_HASH,
  NOW,
  registered,
  RESET_HASH,
  stranger,
} from './identity.fixtures.spec';

const spec = DeciderSpecification.for(accountDecider);
const NEXT_DAY_LATER = '2025-03-13T11:00:00.000Z';

const resetRequested = (tokenHash = RESET_HASH, expiresAt = IN_A_DAY): PasswordResetRequested => ({
  type: 'PasswordResetRequested',
  data: { accountId: ACCOUNT_ID, tokenHash, expiresAt, requestedAt: NOW },
});
const passwordReset: PasswordReset = {
  type: 'PasswordReset',
  data: { accountId: ACCOUNT_ID, passwordHash: NEW_HASH, resetAt: LATER },
};
const passwordChanged: PasswordChanged = {
  type: 'PasswordChanged',
  data: { accountId: ACCOUNT_ID, passwordHash: NEW_HASH, changedAt: LATER },
};

describe('Account with an unconfirmed e-mail', () => {
  const given = () => spec.given([registered()]);

  it('confirms the e-mail with the token sent at sign-up', () => {
    given()
      .when({
        type: 'ConfirmEmail',
        data: { tokenHash: CONFIRMATION_HASH },
        meta: anonymous(LATER),
      })
      .then([{ type: 'EmailConfirmed', data: { accountId: ACCOUNT_ID, confirmedAt: LATER } }]);
  });

  it('refuses a wrong token', () => {
    given()
      .when({ type: 'ConfirmEmail', data: { tokenHash: 'guess' }, meta: anonymous(LATER) })
      .thenThrows('INVALID_TOKEN');
  });

  it('refuses the token from its expiry instant on', () => {
    given()
      .when({
        type: 'ConfirmEmail',
        data: { tokenHash: CONFIRMATION_HASH },
        meta: anonymous(IN_A_DAY),
      })
      .thenThrows('TOKEN_EXPIRED', { expiredAt: IN_A_DAY });
  });

  it('reissues a confirmation link that replaces the previous one', () => {
    const reissued = {
      type: 'EmailConfirmationReissued' as const,
      data: {
        accountId: ACCOUNT_ID,
        confirmationTokenHash: 'confirm-hash-2',
        confirmationExpiresAt: NEXT_DAY_LATER,
      },
    };
    given()
      .when({
        type: 'ReissueEmailConfirmation',
        data: { confirmationTokenHash: 'confirm-hash-2', confirmationExpiresAt: NEXT_DAY_LATER },
        meta: anonymous(LATER),
      })
      .then([reissued]);
    spec
      .given([registered(), reissued])
      .when({
        type: 'ConfirmEmail',
        data: { tokenHash: CONFIRMATION_HASH },
        meta: anonymous(LATER),
      })
      .thenThrows('INVALID_TOKEN');
    spec
      .given([registered(), reissued])
      .when({
        type: 'ConfirmEmail',
        data: { tokenHash: 'confirm-hash-2' },
        meta: anonymous(IN_A_DAY),
      })
      .then([{ type: 'EmailConfirmed', data: { accountId: ACCOUNT_ID, confirmedAt: IN_A_DAY } }]);
  });

  it('refuses to reissue a link that is already expired', () => {
    given()
      .when({
        type: 'ReissueEmailConfirmation',
        data: { confirmationTokenHash: 'confirm-hash-2', confirmationExpiresAt: NOW },
        meta: anonymous(LATER),
      })
      .thenThrows('INVALID_EXPIRY', { field: 'confirmationExpiresAt' });
  });

  it('does not let the holder log in yet', () => {
    expect(caught(() => assertCanLogIn(given().state()))?.code).toBe('EMAIL_NOT_CONFIRMED');
  });
});

describe('Account with a confirmed e-mail', () => {
  const given = () => spec.given([registered(), confirmed]);

  it('refuses the confirmation token a second time (single use)', () => {
    given()
      .when({
        type: 'ConfirmEmail',
        data: { tokenHash: CONFIRMATION_HASH },
        meta: anonymous(LATER),
      })
      .thenThrows('INVALID_TOKEN');
  });

  it('has nothing to reissue', () => {
    given()
      .when({
        type: 'ReissueEmailConfirmation',
        data: { confirmationTokenHash: 'confirm-hash-2', confirmationExpiresAt: NEXT_DAY_LATER },
        meta: anonymous(LATER),
      })
      .thenThrows('EMAIL_ALREADY_CONFIRMED', { currentStatus: 'open' });
  });

  it('lets the holder log in with claims that carry no personal data', () => {
    expect(assertCanLogIn(given().state())).toEqual({
      accountId: ACCOUNT_ID,
      roles: ['client'],
      activeRole: 'client',
      providerReference: null,
    });
  });

  it('changes the password of its holder', () => {
    given()
      .when({ type: 'ChangePassword', data: { newPasswordHash: NEW_HASH }, meta: holder(LATER) })
      .then([passwordChanged]);
  });

  it('refuses a password change by someone else', () => {
    given()
      .when({ type: 'ChangePassword', data: { newPasswordHash: NEW_HASH }, meta: stranger(LATER) })
      .thenThrows('NOT_A_PARTY');
  });

  it('refuses a new password that is not an argon2id hash', () => {
    given()
      .when({ type: 'ChangePassword', data: { newPasswordHash: 'hunter2!' }, meta: holder(LATER) })
      .thenThrows('INVALID_PASSWORD_HASH', { field: 'newPasswordHash' });
  });

  it('records a password reset request with its expiry', () => {
    given()
      .when({
        type: 'RequestPasswordReset',
        data: { tokenHash: RESET_HASH, expiresAt: IN_A_DAY },
        meta: anonymous(),
      })
      .then([resetRequested()]);
  });

  it('refuses a reset token that would already be expired', () => {
    given()
      .when({
        type: 'RequestPasswordReset',
        data: { tokenHash: RESET_HASH, expiresAt: NOW },
        meta: anonymous(),
      })
      .thenThrows('INVALID_EXPIRY', { field: 'expiresAt' });
  });

  it('refuses to reset without a pending request', () => {
    given()
      .when({
        type: 'ResetPassword',
        data: { tokenHash: RESET_HASH, newPasswordHash: NEW_HASH },
        meta: anonymous(LATER),
      })
      .thenThrows('INVALID_TOKEN');
  });
});

describe('Account with a pending password reset', () => {
  const reset = (tokenHash: string, now = LATER) => ({
    type: 'ResetPassword' as const,
    data: { tokenHash, newPasswordHash: NEW_HASH },
    meta: anonymous(now),
  });

  it('resets the password with the token', () => {
    spec
      .given([registered(), confirmed, resetRequested()])
      .when(reset(RESET_HASH))
      .then([passwordReset]);
  });

  it('stores the new hash in the state', () => {
    const state = spec.given([registered(), resetRequested(), passwordReset]).state();
    expect(state).toMatchObject({ passwordHash: NEW_HASH, passwordReset: null });
  });

  it('refuses a wrong token', () => {
    spec.given([registered(), resetRequested()]).when(reset('guess')).thenThrows('INVALID_TOKEN');
  });

  it('refuses an expired token', () => {
    spec
      .given([registered(), resetRequested()])
      .when(reset(RESET_HASH, IN_A_DAY))
      .thenThrows('TOKEN_EXPIRED', { expiredAt: IN_A_DAY });
  });

  it('refuses a reused token', () => {
    spec
      .given([registered(), resetRequested(), passwordReset])
      .when(reset(RESET_HASH))
      .thenThrows('INVALID_TOKEN');
  });

  it('only honours the latest request', () => {
    const given = () =>
      spec.given([registered(), resetRequested(), resetRequested('reset-hash-2', NEXT_DAY_LATER)]);
    given().when(reset(RESET_HASH)).thenThrows('INVALID_TOKEN');
    given()
      .when(reset('reset-hash-2', IN_A_DAY))
      .then([{ ...passwordReset, data: { ...passwordReset.data, resetAt: IN_A_DAY } }]);
  });

  it('voids the link once the holder changed the password', () => {
    spec
      .given([registered(), resetRequested(), passwordChanged])
      .when(reset(RESET_HASH))
      .thenThrows('INVALID_TOKEN');
  });

  it('refuses a new password that is not an argon2id hash', () => {
    spec
      .given([registered(), resetRequested()])
      .when({
        type: 'ResetPassword',
        data: { tokenHash: RESET_HASH, newPasswordHash: '' },
        meta: anonymous(LATER),
      })
      .thenThrows('INVALID_PASSWORD_HASH', { field: 'newPasswordHash' });
  });
});
