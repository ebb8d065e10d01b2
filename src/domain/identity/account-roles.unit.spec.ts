import { DeciderSpecification } from '../../../test/support/decider-spec';
import { CommandMeta } from '../shared';
import { AccountCommand } from './account.commands';
import { StaffRoleGranted } from './account.events';
import { accountDecider } from './index';
import {
  ACCOUNT_ID,
  admin,
  ADMIN_ID,
  confirmed,
  holder,
  LATER,
  registered,
  stranger,
} from './identity.fixtures.spec';

const spec = DeciderSpecification.for(accountDecider);

const activate = (
  role: string,
  providerReference?: string,
  meta = holder(LATER),
): AccountCommand => ({
  type: 'ActivateRole',
  data: { role, providerReference },
  meta,
});
const switchTo = (role: string, meta = holder(LATER)): AccountCommand => ({
  type: 'SwitchActiveRole',
  data: { role },
  meta,
});
const grant = (role: string, meta: CommandMeta = admin(LATER)): AccountCommand => ({
  type: 'GrantStaffRole',
  data: { role },
  meta,
});
const revoke = (role: string, meta: CommandMeta = admin(LATER)): AccountCommand => ({
  type: 'RevokeStaffRole',
  data: { role },
  meta,
});
const mediatorGranted: StaffRoleGranted = {
  type: 'StaffRoleGranted',
  data: { accountId: ACCOUNT_ID, role: 'mediator', grantedBy: ADMIN_ID, grantedAt: LATER },
};

describe('Open account holding the client role', () => {
  const given = () => spec.given([registered(), confirmed]);

  it('activates a further party role without switching to it', () => {
    given()
      .when(activate('volunteer'))
      .then([
        {
          type: 'RoleActivated',
          data: {
            accountId: ACCOUNT_ID,
            role: 'volunteer',
            providerReference: null,
            activatedAt: LATER,
          },
        },
      ]);
  });

  it('activates the provider role with its public reference', () => {
    const event = {
      type: 'RoleActivated' as const,
      data: {
        accountId: ACCOUNT_ID,
        role: 'provider' as const,
        providerReference: 'PR-7K3Q9',
        activatedAt: LATER,
      },
    };
    given().when(activate('provider', 'PR-7K3Q9')).then([event]);
    expect(spec.given([registered(), event]).state()).toMatchObject({
      roles: ['client', 'provider'],
      activeRole: 'client',
      providerReference: 'PR-7K3Q9',
    });
  });

  it('needs a provider reference to activate the provider role', () => {
    given().when(activate('provider')).thenThrows('PROVIDER_REFERENCE_REQUIRED');
  });

  it('refuses a provider reference with another role', () => {
    given().when(activate('association', 'PR-7K3Q9')).thenThrows('PROVIDER_REFERENCE_NOT_ALLOWED');
  });

  it.each(['admin', 'mediator', 'finance'])(
    'refuses to self-activate the staff role %s',
    (role) => {
      given().when(activate(role)).thenThrows('STAFF_ROLE_NOT_SELF_ASSIGNABLE', { role });
    },
  );

  it('refuses an unknown role', () => {
    given().when(activate('wizard')).thenThrows('UNKNOWN_ROLE', { role: 'wizard' });
  });

  it('does nothing for a role already held', () => {
    given().when(activate('client')).then([]);
  });

  it('refuses a role activation by someone else', () => {
    given()
      .when(activate('volunteer', undefined, stranger(LATER)))
      .thenThrows('NOT_A_PARTY');
  });

  it('switches to a role it holds', () => {
    spec
      .given([registered({ roles: ['client', 'volunteer'] })])
      .when(switchTo('volunteer'))
      .then([
        {
          type: 'ActiveRoleSwitched',
          data: { accountId: ACCOUNT_ID, role: 'volunteer', switchedAt: LATER },
        },
      ]);
  });

  it('refuses to switch to a role it does not hold', () => {
    given().when(switchTo('provider')).thenThrows('ROLE_NOT_HELD', { role: 'provider' });
  });

  it('refuses to switch to an unknown role', () => {
    given().when(switchTo('pirate')).thenThrows('UNKNOWN_ROLE');
  });

  it('does nothing when switching to the active role', () => {
    given().when(switchTo('client')).then([]);
  });

  it('refuses a switch by someone else', () => {
    given()
      .when(switchTo('client', stranger(LATER)))
      .thenThrows('NOT_A_PARTY');
  });

  it('gets a staff role from an admin, who is recorded as granting it', () => {
    given().when(grant('mediator')).then([mediatorGranted]);
  });

  it.each([
    ['the holder', holder(LATER)],
    ['a mediator', { ...stranger(LATER), actorRole: 'mediator' } as CommandMeta],
    ['the system', { ...stranger(LATER), actorRole: 'system' } as CommandMeta],
  ])('refuses a grant by %s', (_who, meta) => {
    given().when(grant('mediator', meta)).thenThrows('ADMIN_ONLY');
  });

  it('refuses to grant a party role as a staff role', () => {
    given().when(grant('provider')).thenThrows('NOT_A_STAFF_ROLE', { role: 'provider' });
  });

  it('refuses to grant an unknown role', () => {
    given().when(grant('overlord')).thenThrows('UNKNOWN_ROLE');
  });

  it('has no staff role to revoke', () => {
    given().when(revoke('finance')).then([]);
  });
});

describe('Open account holding a staff role', () => {
  const given = () => spec.given([registered(), confirmed, mediatorGranted]);

  it('lists staff roles after party roles', () => {
    expect(given().state()).toMatchObject({ roles: ['client', 'mediator'], activeRole: 'client' });
  });

  it('does nothing when the role is granted again', () => {
    given().when(grant('mediator')).then([]);
  });

  it('switches to the staff role', () => {
    given()
      .when(switchTo('mediator'))
      .then([
        {
          type: 'ActiveRoleSwitched',
          data: { accountId: ACCOUNT_ID, role: 'mediator', switchedAt: LATER },
        },
      ]);
  });

  it('loses the role when an admin revokes it, recording who did', () => {
    given()
      .when(revoke('mediator'))
      .then([
        {
          type: 'StaffRoleRevoked',
          data: { accountId: ACCOUNT_ID, role: 'mediator', revokedBy: ADMIN_ID, revokedAt: LATER },
        },
      ]);
  });

  it('falls back to a party role when the active staff role is revoked', () => {
    const state = spec
      .given([
        registered(),
        mediatorGranted,
        {
          type: 'ActiveRoleSwitched',
          data: { accountId: ACCOUNT_ID, role: 'mediator', switchedAt: LATER },
        },
        {
          type: 'StaffRoleRevoked',
          data: { accountId: ACCOUNT_ID, role: 'mediator', revokedBy: ADMIN_ID, revokedAt: LATER },
        },
      ])
      .state();
    expect(state).toMatchObject({ roles: ['client'], activeRole: 'client' });
  });

  it('refuses a revocation by a non-admin', () => {
    given()
      .when(revoke('mediator', { ...stranger(LATER), actorRole: 'mediator' }))
      .thenThrows('ADMIN_ONLY');
  });

  it('refuses to revoke a party role', () => {
    given().when(revoke('client')).thenThrows('NOT_A_STAFF_ROLE');
  });
});

describe('Open account of an administrator', () => {
  const adminGranted: StaffRoleGranted = {
    type: 'StaffRoleGranted',
    data: { accountId: ACCOUNT_ID, role: 'admin', grantedBy: ADMIN_ID, grantedAt: LATER },
  };
  const self: CommandMeta = { now: LATER, actorId: ACCOUNT_ID, actorRole: 'admin' };

  it('cannot revoke its own admin role', () => {
    spec
      .given([registered(), adminGranted])
      .when(revoke('admin', self))
      .thenThrows('CANNOT_REVOKE_OWN_ADMIN_ROLE');
  });

  it('loses the admin role when another admin revokes it', () => {
    spec
      .given([registered(), adminGranted])
      .when(revoke('admin'))
      .then([
        {
          type: 'StaffRoleRevoked',
          data: { accountId: ACCOUNT_ID, role: 'admin', revokedBy: ADMIN_ID, revokedAt: LATER },
        },
      ]);
  });
});
