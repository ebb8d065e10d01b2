import { DeciderSpecification } from '../../../test/support/decider-spec';
import {
  answer,
  CLIENT_ID,
  confirm,
  confirmed,
  decline,
  declined,
  finish,
  LATER,
  meta,
  NOW,
  offer,
  OTHER_PROVIDER_ID,
  postData,
  posted,
  postProject,
  propose,
  proposed,
  PROVIDER_ID,
  providerMeta,
  select,
  selected,
  terms,
} from './project.fixtures.spec';
import { finderFee, projectDecider, projectFees, r0Option } from './index';

const spec = DeciderSpecification.for(projectDecider);

describe('Project fees: 5 % finder fee (min 20 €, at most the amount), R0 option 2 % (min 10 €)', () => {
  it.each([
    [200_000, 10_000],
    [40_000, 2_000], // 5 % = 20 € exactly
    [30_000, 2_000], // 5 % = 15 €, the minimum applies
    [1_500, 1_500], // never more than the amount
    [12_345, 2_000],
    [123_450, 6_172], // 6 172.5 rounds half to even
    [123_470, 6_174], // 6 173.5 rounds half to even
  ])('finder fee on %i cents is %i', (amount, fee) => {
    expect(finderFee(amount)).toBe(fee);
  });

  it.each([
    [200_000, 4_000],
    [30_000, 1_000],
    [50_025, 1_000], // 1 000.5 → 1 000 (half-even)
    [150_075, 3_002], // 3 001.5 → 3 002 (half-even)
  ])('R0 option on %i cents is %i', (amount, fee) => {
    expect(r0Option(amount, 'r0')).toBe(fee);
  });

  it('costs nothing for the R0 option under the base formula', () => {
    expect(projectFees(200_000, 'base')).toEqual({ finderFeeCents: 10_000, r0OptionCents: 0 });
    expect(projectFees(200_000, 'r0')).toEqual({ finderFeeCents: 10_000, r0OptionCents: 4_000 });
  });
});

describe('Project: posting', () => {
  it('posts an open project for the client, trimmed, attachments deduplicated in lower case', () => {
    spec
      .given([])
      .when(
        postProject({
          title: `  ${postData.title} `,
          attachmentFileIds: [
            postData.attachmentFileIds[0].toUpperCase(),
            postData.attachmentFileIds[0],
          ],
        }),
      )
      .then([posted]);
    expect(spec.given([posted]).state()).toMatchObject({ status: 'open' });
  });

  it('is for clients only', () => {
    spec
      .given([])
      .when(postProject({}, meta('p', 'provider')))
      .thenThrows('PROJECT_CLIENT_ONLY');
  });

  it.each([
    [{ title: 'Site' }, 'PROJECT_TITLE_INVALID'],
    [{ title: 'x'.repeat(121) }, 'PROJECT_TITLE_INVALID'],
    [{ title: 42 }, 'PROJECT_TITLE_INVALID'],
    [{ title: 'Refonte\u0007 site' }, 'PROJECT_TITLE_INVALID'],
    [{ description: 'Trop court.' }, 'PROJECT_DESCRIPTION_INVALID'],
    [{ description: 'x'.repeat(5001) }, 'PROJECT_DESCRIPTION_INVALID'],
    [{ category: 'cooking' }, 'PROJECT_CATEGORY_UNKNOWN'],
    [{ budgetMinCents: 0 }, 'PROJECT_BUDGET_INVALID'],
    [{ budgetMinCents: 10.5 }, 'PROJECT_BUDGET_INVALID'],
    [{ budgetMaxCents: 99_999 }, 'PROJECT_BUDGET_INVALID'],
    [{ wishedDeadline: '30/04/2026' }, 'PROJECT_DEADLINE_INVALID'],
    [{ wishedDeadline: '2026-02-30' }, 'PROJECT_DEADLINE_INVALID'],
    [{ wishedDeadline: '2026-03-02' }, 'PROJECT_DEADLINE_PAST'],
    [{ wishedDeadline: '2025-12-31' }, 'PROJECT_DEADLINE_PAST'],
    [
      { attachmentFileIds: Array.from({ length: 11 }, (_, i) => `f${i}`) },
      'PROJECT_TOO_MANY_ATTACHMENTS',
    ],
  ])('refuses %j with %s', (over, code) => {
    spec.given([]).when(postProject(over)).thenThrows(code);
  });

  it('takes a budget with min = max and a deadline tomorrow', () => {
    spec
      .given([])
      .when(
        postProject({ budgetMinCents: 5_000, budgetMaxCents: 5_000, wishedDeadline: '2026-03-03' }),
      )
      .thenMatches(([e]) => expect(e.type).toBe('ProjectPosted'));
  });

  it('cannot be posted twice (409 PROJECT_EXISTS)', () => {
    spec
      .given([posted])
      .when(postProject())
      .thenThrows('PROJECT_EXISTS', { currentStatus: 'open' });
  });
});

describe('Project: withdrawing', () => {
  it('withdraws an open project, by its client', () => {
    spec
      .given([posted])
      .when({
        type: 'WithdrawProject',
        data: { projectId: 'project-1', reason: 'Annulé' },
        meta: meta(),
      })
      .then([
        {
          type: 'ProjectWithdrawn',
          data: { projectId: 'project-1', clientId: CLIENT_ID, reason: 'Annulé', withdrawnAt: NOW },
        },
      ]);
  });

  it('is refused once a provider is selected, and to anyone but the owner', () => {
    const withdraw = (m = meta()) =>
      ({ type: 'WithdrawProject', data: { projectId: 'project-1' }, meta: m }) as const;
    spec
      .given([posted, selected()])
      .when(withdraw())
      .thenThrows('PROJECT_NOT_OPEN', { currentStatus: 'selected' });
    spec
      .given([posted])
      .when(withdraw(meta('other-client')))
      .thenThrows('NOT_A_PARTY');
    spec.given([]).when(withdraw()).thenThrows('PROJECT_NOT_FOUND');
  });
});

describe('Project: selecting a provider', () => {
  it('selects a provider who made an offer, terms defaulting to the offer, fee paid by the client', () => {
    spec.given([posted]).when(select()).then([selected()]);
  });

  it('takes the amount, delay, formula and fee payer the client chose', () => {
    spec
      .given([posted])
      .when(select({ amountCents: 180_000, delayDays: 45, formula: 'r0', feePayer: 'provider' }))
      .thenMatches(([e]) =>
        expect(e.data).toMatchObject({
          terms: { amountCents: 180_000, delayDays: 45, formula: 'r0', feePayer: 'provider' },
        }),
      );
  });

  it.each([
    [{ formula: 'premium' }, 'PROJECT_TERMS_INVALID'],
    [{ formula: undefined }, 'PROJECT_TERMS_INVALID'],
    [{ feePayer: 'platform' }, 'PROJECT_TERMS_INVALID'],
    [{ amountCents: 0 }, 'PROJECT_TERMS_INVALID'],
    [{ delayDays: 0 }, 'PROJECT_TERMS_INVALID'],
    [{ offer: null }, 'PROJECT_NO_OFFER'],
    [{ offer: offer(OTHER_PROVIDER_ID) }, 'PROJECT_NO_OFFER'],
  ])('refuses %j with %s', (over, code) => {
    spec.given([posted]).when(select(over)).thenThrows(code);
  });

  it('refuses a second selection (409 PROJECT_NOT_OPEN): the first one won', () => {
    spec
      .given([posted, selected()])
      .when(select({ providerId: OTHER_PROVIDER_ID, offer: offer(OTHER_PROVIDER_ID) }))
      .thenThrows('PROJECT_NOT_OPEN', { currentStatus: 'selected' });
  });

  it('never selects again a provider who declined; another one may be', () => {
    spec
      .given([posted, selected(), declined])
      .when(select())
      .thenThrows('PROJECT_PROVIDER_DECLINED');
    spec
      .given([posted, selected(), declined])
      .when(select({ providerId: OTHER_PROVIDER_ID, offer: offer(OTHER_PROVIDER_ID) }))
      .thenMatches(([e]) => expect(e.data).toMatchObject({ providerId: OTHER_PROVIDER_ID }));
  });

  it('is the owner’s only', () => {
    spec
      .given([posted])
      .when(select({}, meta('other-client')))
      .thenThrows('NOT_A_PARTY');
    spec
      .given([posted])
      .when(select({}, meta(CLIENT_ID, 'provider')))
      .thenThrows('PROJECT_OWNER_ONLY');
  });
});

describe('Project: the selected provider confirms or declines the terms', () => {
  it('signs with the fees computed on the amount (base: finder fee only)', () => {
    spec.given([posted, selected()]).when(confirm()).then([confirmed()]);
  });

  it('adds the R0 option under R0, and the provider’s confirmation is their agreement to pay the fees', () => {
    spec
      .given([posted, selected({ formula: 'r0', feePayer: 'provider' })])
      .when(confirm())
      .then([confirmed({ formula: 'r0', feePayer: 'provider' })]);
  });

  it('declines: the project is open again', () => {
    spec.given([posted, selected()]).when(decline()).then([declined]);
    expect(spec.given([posted, selected(), declined]).state()).toMatchObject({
      status: 'open',
      providerId: null,
      declinedProviderIds: [PROVIDER_ID],
    });
  });

  it('is the selected provider’s only', () => {
    spec
      .given([posted, selected()])
      .when(confirm(providerMeta(OTHER_PROVIDER_ID)))
      .thenThrows('NOT_A_PARTY');
    spec
      .given([posted, selected()])
      .when(confirm(meta()))
      .thenThrows('PROJECT_SELECTED_PROVIDER_ONLY');
    spec.given([posted]).when(decline('x', providerMeta())).thenThrows('NOT_A_PARTY');
  });

  it('happens once (409 PROJECT_NOT_SELECTED once signed)', () => {
    spec
      .given([posted, selected(), confirmed()])
      .when(confirm())
      .thenThrows('PROJECT_NOT_SELECTED', { currentStatus: 'signed' });
    spec
      .given([posted, selected(), confirmed()])
      .when(decline())
      .thenThrows('PROJECT_NOT_SELECTED');
  });
});

describe('Project: revising the amount after signature', () => {
  const signed = [posted, selected(), confirmed()];

  it('lets either party propose a lower amount', () => {
    spec.given(signed).when(propose()).then([proposed()]);
    spec
      .given(signed)
      .when(propose(150_000, providerMeta()))
      .thenMatches(([e]) => expect(e.data).toMatchObject({ proposedBy: PROVIDER_ID }));
  });

  it('refuses before signature, a higher or equal amount, a bad amount, and outsiders', () => {
    spec
      .given([posted, selected()])
      .when(propose())
      .thenThrows('PROJECT_NOT_SIGNED', { currentStatus: 'selected' });
    spec.given(signed).when(propose(200_000)).thenThrows('PROJECT_REVISION_NOT_LOWER');
    spec.given(signed).when(propose(250_000)).thenThrows('PROJECT_REVISION_NOT_LOWER');
    spec.given(signed).when(propose(0)).thenThrows('PROJECT_REVISION_AMOUNT_INVALID');
    spec.given(signed).when(propose('100')).thenThrows('PROJECT_REVISION_AMOUNT_INVALID');
    spec
      .given(signed)
      .when(propose(150_000, providerMeta(OTHER_PROVIDER_ID)))
      .thenThrows('NOT_A_PARTY');
  });

  it('refuses a second proposal while one awaits an answer', () => {
    spec
      .given([...signed, proposed()])
      .when(propose(120_000))
      .thenThrows('PROJECT_REVISION_PENDING');
  });

  it('under R0, never goes below what the project account was funded with', () => {
    const r0 = [posted, selected({ formula: 'r0' }), confirmed({ formula: 'r0' })];
    spec
      .given(r0)
      .when(propose(99_999, meta(), 100_000))
      .thenThrows('PROJECT_REVISION_BELOW_FUNDED', { toCents: 99_999, fundedCents: 100_000 });
    spec
      .given(r0)
      .when(propose(100_000, meta(), 100_000))
      .thenMatches(([e]) => expect(e.type).toBe('ProjectAmountRevisionProposed'));
  });

  it('accepted by the other party: the fees follow the new amount (both fees recomputed)', () => {
    const r0 = [posted, selected({ formula: 'r0' }), confirmed({ formula: 'r0' }), proposed()];
    spec
      .given(r0)
      .when(answer('AcceptAmountRevision'))
      .then([
        {
          type: 'ProjectAmountRevised',
          data: {
            projectId: 'project-1',
            revisionId: 'rev-1',
            fromCents: 200_000,
            toCents: 150_000,
            acceptedBy: PROVIDER_ID,
            fees: { finderFeeCents: 7_500, r0OptionCents: 3_000 },
            previousFees: { finderFeeCents: 10_000, r0OptionCents: 4_000 },
            revisedAt: LATER,
          },
        },
      ]);
    const after = spec.given([
      ...r0,
      ...(projectDecider.decide(answer('AcceptAmountRevision'), spec.given(r0).state()) as never[]),
    ]);
    expect(after.state()).toMatchObject({
      terms: terms({ amountCents: 150_000, formula: 'r0' }),
      pendingRevision: null,
    });
  });

  it('rejected by the other party: nothing changes', () => {
    spec
      .given([...signed, proposed()])
      .when(answer('RejectAmountRevision'))
      .then([
        {
          type: 'ProjectAmountRevisionRejected',
          data: {
            projectId: 'project-1',
            revisionId: 'rev-1',
            rejectedBy: PROVIDER_ID,
            rejectedAt: LATER,
          },
        },
      ]);
  });

  it('cannot be answered by its proposer, nor for another revision id', () => {
    spec
      .given([...signed, proposed()])
      .when(answer('AcceptAmountRevision', meta()))
      .thenThrows('PROJECT_OWN_REVISION');
    spec
      .given([...signed, proposed()])
      .when(answer('RejectAmountRevision', providerMeta(), 'rev-2'))
      .thenThrows('PROJECT_NO_SUCH_REVISION');
    spec.given(signed).when(answer('AcceptAmountRevision')).thenThrows('PROJECT_NO_SUCH_REVISION');
  });
});

describe('Project: finishing', () => {
  const signed = [posted, selected(), confirmed()];

  it('is marked finished by the client once signed', () => {
    spec
      .given(signed)
      .when(finish())
      .then([
        {
          type: 'ProjectFinished',
          data: { projectId: 'project-1', finishedBy: CLIENT_ID, finishedAt: NOW },
        },
      ]);
  });

  it('is refused before signature, to the provider, and while a revision awaits an answer', () => {
    spec.given([posted]).when(finish()).thenThrows('PROJECT_NOT_SIGNED', { currentStatus: 'open' });
    spec.given(signed).when(finish(providerMeta())).thenThrows('PROJECT_OWNER_ONLY');
    spec
      .given([...signed, proposed()])
      .when(finish())
      .thenThrows('PROJECT_REVISION_PENDING');
  });
});
