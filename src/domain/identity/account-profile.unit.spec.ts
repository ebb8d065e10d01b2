import { DeciderSpecification } from '../../../test/support/decider-spec';
import { AccountCommand, UpdateProfile } from './account.commands';
import { ProfileUpdated } from './account.events';
import { accountDecider } from './index';
import {
  ACCOUNT_ID,
  confirmed,
  holder,
  LATER,
  registered,
  stranger,
} from './identity.fixtures.spec';

const spec = DeciderSpecification.for(accountDecider);

const update = (data: UpdateProfile['data'], meta = holder(LATER)): AccountCommand => ({
  type: 'UpdateProfile',
  data,
  meta,
});
const updated = (personal: ProfileUpdated['data']['personal']): ProfileUpdated => ({
  type: 'ProfileUpdated',
  data: { accountId: ACCOUNT_ID, updatedAt: LATER, personal },
});
const address = { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'fr' };
const storedAddress = { ...address, line2: null, country: 'FR' };

describe('Open account', () => {
  const given = () => spec.given([registered(), confirmed]);

  it('records only the fields that changed, all under `personal`', () => {
    given()
      .when(update({ displayName: 'Camille Martin', phone: '06 12 34 56 78', address }))
      .then([updated({ phone: '0612345678', address: storedAddress })]);
  });

  it('renames the holder', () => {
    given()
      .when(update({ displayName: 'Camille M.' }))
      .then([updated({ displayName: 'Camille M.' })]);
  });

  it('does nothing when every given field is unchanged', () => {
    spec
      .given([registered(), updated({ phone: '+33612345678' })])
      .when(update({ displayName: 'Camille Martin', phone: '+33 6 12 34 56 78' }))
      .then([]);
  });

  it('clears the phone and the address with null', () => {
    spec
      .given([registered(), updated({ phone: '0612345678', address: storedAddress })])
      .when(update({ phone: null, address: null }))
      .then([updated({ phone: null, address: null })]);
  });

  it('keeps the profile in the state for the holder to read', () => {
    const state = spec
      .given([registered(), updated({ phone: '0612345678', address: storedAddress })])
      .state();
    expect(state).toMatchObject({
      personal: {
        email: 'camille.martin@example.fr',
        displayName: 'Camille Martin',
        phone: '0612345678',
        address: storedAddress,
      },
    });
  });

  it('refuses an empty update', () => {
    given().when(update({})).thenThrows('EMPTY_PROFILE_UPDATE');
  });

  it.each(['12', 'call me', '+33 6 12 34 56 78 90 12 34'])('refuses the phone %p', (phone) => {
    given().when(update({ phone })).thenThrows('INVALID_PHONE', { field: 'phone' });
  });

  it.each([
    [{ ...address, line1: ' ' }, 'address.line1'],
    [{ ...address, city: undefined }, 'address.city'],
    [{ ...address, postalCode: '6' }, 'address.postalCode'],
    [{ ...address, country: 'France' }, 'address.country'],
    ['12 rue des Lilas', 'address.line1'],
  ])('refuses the address %p', (bad, field) => {
    given()
      .when(update({ address: bad }))
      .thenThrows('INVALID_ADDRESS', { field });
  });

  it('refuses an empty display name', () => {
    given()
      .when(update({ displayName: '  ' }))
      .thenThrows('INVALID_DISPLAY_NAME');
  });

  it('refuses a profile update by someone else, even an admin', () => {
    given()
      .when(update({ displayName: 'X' }, stranger(LATER)))
      .thenThrows('NOT_A_PARTY');
    given()
      .when(update({ displayName: 'X' }, { now: LATER, actorId: 'admin-7', actorRole: 'admin' }))
      .thenThrows('NOT_A_PARTY');
  });
});
