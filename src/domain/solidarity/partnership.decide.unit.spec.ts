import { DeciderSpecification } from '../../../test/support/decider-spec';
import {
  ASSOCIATION_ID,
  end,
  ended,
  grant,
  granted,
  LATER,
  NOW,
} from './partnership.fixtures.spec';
import { partnershipDecider } from './index';

const spec = DeciderSpecification.for(partnershipDecider);

describe('Partnership: an association that is no partner', () => {
  it('becomes a partner under its verified official name, with the staff member and the instant', () => {
    spec.given([]).when(grant()).then([granted()]);
  });

  it('takes no note as null', () => {
    spec
      .given([])
      .when(grant({ note: '   ' }))
      .thenMatches(([e]) => expect(e.data).toMatchObject({ note: null }));
  });

  it('is refused while its verification is not complete (422 ASSOCIATION_NOT_VERIFIED)', () => {
    spec
      .given([])
      .when(grant({ standing: { verified: false, officialName: 'X' } }))
      .thenThrows('ASSOCIATION_NOT_VERIFIED', { associationId: ASSOCIATION_ID });
    spec
      .given([])
      .when(grant({ standing: undefined }))
      .thenThrows('ASSOCIATION_NOT_VERIFIED');
  });

  it.each(['mediator', 'finance', 'association', 'client'] as const)(
    'refuses a grant by a %s',
    (role) => {
      spec.given([]).when(grant({}, role)).thenThrows('PARTNERSHIP_ADMIN_ONLY');
    },
  );

  it('refuses a note over 1000 characters', () => {
    spec
      .given([])
      .when(grant({ note: 'x'.repeat(1001) }))
      .thenThrows('PARTNERSHIP_NOTE_TOO_LONG');
  });

  it('cannot be ended (409 NOT_A_PARTNER)', () => {
    spec.given([]).when(end()).thenThrows('NOT_A_PARTNER', { currentStatus: 'none' });
  });
});

describe('Partnership: a partner', () => {
  it('is refused a second grant (409 ALREADY_PARTNER)', () => {
    spec.given([granted()]).when(grant()).thenThrows('ALREADY_PARTNER', { since: NOW });
  });

  it('ends with a reason', () => {
    spec.given([granted()]).when(end()).then([ended]);
  });

  it('needs a reason to end', () => {
    spec.given([granted()]).when(end('  ')).thenThrows('PARTNERSHIP_REASON_REQUIRED');
    spec.given([granted()]).when(end(null)).thenThrows('PARTNERSHIP_REASON_REQUIRED');
  });

  it('is ended only by an admin', () => {
    spec.given([granted()]).when(end('x', 'mediator')).thenThrows('PARTNERSHIP_ADMIN_ONLY');
  });
});

describe('Partnership: ended', () => {
  it('keeps the period and may be granted again', () => {
    const again = '2026-06-01T00:00:00.000Z';
    const given = spec.given([granted(), ended]);
    expect(given.state()).toMatchObject({
      status: 'ended',
      periods: [{ from: NOW, to: LATER }],
    });
    given.when(grant({}, 'admin', again)).then([granted(again)]);
    expect(spec.given([granted(), ended, granted(again)]).state()).toMatchObject({
      status: 'partner',
      since: again,
      periods: [{ from: NOW, to: LATER }],
    });
  });

  it('cannot be ended twice', () => {
    spec
      .given([granted(), ended])
      .when(end())
      .thenThrows('NOT_A_PARTNER', { currentStatus: 'ended' });
  });

  it('evolve ignores events that do not fit', () => {
    expect(spec.given([granted(), granted('2027-01-01T00:00:00.000Z')]).state()).toMatchObject({
      since: NOW,
    });
    expect(spec.given([ended]).state()).toEqual({ status: 'none' });
  });
});
