import { associationVerified } from './solidarity-partners.projection';

describe('solidarity_partners: an association row is verified', () => {
  const statutes = { kind: 'association_statutes', status: 'approved' };
  const receipt = { kind: 'association_registration_receipt', status: 'approved' };

  it('once registered with both kinds approved', () => {
    expect(associationVerified(true, { a: statutes, b: receipt })).toBe(true);
  });

  it('not without the registration details', () => {
    expect(associationVerified(false, { a: statutes, b: receipt })).toBe(false);
  });

  it('not while a kind is only submitted or rejected, even if an older copy was rejected', () => {
    expect(associationVerified(true, { a: statutes, b: { ...receipt, status: 'submitted' } })).toBe(
      false,
    );
    expect(
      associationVerified(true, { a: statutes, b: { ...receipt, status: 'rejected' }, c: receipt }),
    ).toBe(true);
  });
});
