import { DeciderSpecification } from '../../../test/support/decider-spec';
import {
  CLIENT_ID,
  edit,
  edited,
  LATER,
  made,
  make,
  markRead,
  meta,
  OTHER_PROVIDER_ID,
  read,
  standing,
} from './offer.fixtures.spec';
import { offerDecider } from './index';

const spec = DeciderSpecification.for(offerDecider);

describe('Offer: none made yet', () => {
  it('is made on an open project with its amount, delay and message (seed "Comment faire une offre")', () => {
    spec.given([]).when(make()).then([made]);
  });

  it('trims the message', () => {
    spec
      .given([])
      .when(make({ message: `  ${made.data.message}  ` }))
      .then([made]);
  });

  it.each([0, -1, 1.5, '100', null, 100_000_000_01])('refuses the amount %p', (amountCents) => {
    spec.given([]).when(make({ amountCents })).thenThrows('OFFER_INVALID_AMOUNT');
  });

  it.each([0, 3651, 2.5, '7'])('refuses the delay %p (1 to 3650 days)', (delayDays) => {
    spec.given([]).when(make({ delayDays })).thenThrows('OFFER_INVALID_DELAY');
  });

  it.each(['trop court', 'x'.repeat(5001), 'Bonjour\u0007 je propose', 42])(
    'refuses the message %p (10 to 5000 characters)',
    (message) => {
      const short = message === 'trop court' ? 'court' : message;
      spec
        .given([])
        .when(make({ message: short }))
        .thenThrows('OFFER_INVALID_MESSAGE');
    },
  );

  it('takes a message of exactly 10 characters', () => {
    spec
      .given([])
      .when(make({ message: '0123456789' }))
      .thenMatches(([e]) => expect(e.data).toMatchObject({ message: '0123456789' }));
  });

  it.each(['selected', 'signed', 'finished', 'withdrawn'] as const)(
    'is refused on a %s project (409 PROJECT_NOT_OPEN)',
    (status) => {
      spec
        .given([])
        .when(make({ project: standing(status) }))
        .thenThrows('PROJECT_NOT_OPEN', { currentStatus: status });
    },
  );

  it('is refused on an unknown project (404 PROJECT_NOT_FOUND)', () => {
    spec
      .given([])
      .when(make({ project: standing('none') }))
      .thenThrows('PROJECT_NOT_FOUND');
  });

  it('is made only by a provider for their own account', () => {
    spec
      .given([])
      .when(make({}, meta(CLIENT_ID, 'client')))
      .thenThrows('OFFER_PROVIDER_ONLY');
    spec
      .given([])
      .when(make({}, meta(OTHER_PROVIDER_ID)))
      .thenThrows('OFFER_PROVIDER_ONLY');
  });

  it('is refused on the provider’s own project (422)', () => {
    spec
      .given([])
      .when(make({ project: { status: 'open', clientId: made.data.providerId } }))
      .thenThrows('OFFER_ON_OWN_PROJECT');
  });

  it('cannot be edited or read (404 OFFER_NOT_FOUND)', () => {
    spec.given([]).when(edit()).thenThrows('OFFER_NOT_FOUND');
    spec.given([]).when(markRead()).thenThrows('OFFER_NOT_FOUND');
  });
});

describe('Offer: made', () => {
  it('takes the same offer again as a replay: nothing new', () => {
    spec.given([made]).when(make()).then([]);
  });

  it('refuses a second, different offer (409 OFFER_ALREADY_MADE)', () => {
    spec
      .given([made])
      .when(make({ amountCents: 1 }))
      .thenThrows('OFFER_ALREADY_MADE', { currentStatus: 'made' });
  });

  it('replays even once the project closed', () => {
    spec
      .given([made])
      .when(make({ project: standing('selected') }))
      .then([]);
  });

  it('is edited by its author while the project is open (seed "changer une offre déjà postée")', () => {
    spec.given([made]).when(edit()).then([edited]);
  });

  it('edits to the same values change nothing', () => {
    spec
      .given([made])
      .when(edit({ amountCents: 250_000, delayDays: 21 }))
      .then([]);
  });

  it('is not edited by another account', () => {
    spec
      .given([made])
      .when(edit({}, meta(OTHER_PROVIDER_ID, 'provider', LATER)))
      .thenThrows('OFFER_NOT_AUTHOR');
  });

  it.each(['selected', 'signed', 'withdrawn'] as const)(
    'is no longer edited once the project is %s',
    (status) => {
      spec
        .given([made])
        .when(edit({ project: standing(status) }))
        .thenThrows('PROJECT_NOT_OPEN');
    },
  );

  it('validates the edited values like a new offer', () => {
    spec
      .given([made])
      .when(edit({ delayDays: 0 }))
      .thenThrows('OFFER_INVALID_DELAY');
  });

  it('gets a read receipt when the project\'s client opens it (seed "le client a lu ma proposition")', () => {
    spec.given([made]).when(markRead()).then([read()]);
  });

  it('is read by the client only', () => {
    spec
      .given([made])
      .when(markRead({}, meta(OTHER_PROVIDER_ID, 'provider', LATER)))
      .thenThrows('OFFER_NOT_PROJECT_CLIENT');
  });

  it('is read in any status of the project (the client reviews offers after selecting)', () => {
    spec
      .given([made])
      .when(markRead({ project: standing('selected') }))
      .then([read()]);
  });
});

describe('Offer: read', () => {
  it('is not read twice', () => {
    spec.given([made, read()]).when(markRead()).then([]);
  });

  it('is unread again after an edit, and read again', () => {
    const given = spec.given([made, read(), edited]);
    expect(given.state()).toMatchObject({ readCurrent: false, amountCents: 220_000 });
    given.when(markRead()).then([read()]);
  });

  it('folds the read instant', () => {
    expect(spec.given([made, read()]).state()).toMatchObject({
      readAt: LATER,
      readCurrent: true,
      providerId: made.data.providerId,
    });
    expect(CLIENT_ID).toBe(read().data.readBy);
  });
});
