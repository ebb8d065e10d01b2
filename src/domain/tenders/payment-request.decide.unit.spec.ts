import { DeciderSpecification } from '../../../test/support/decider-spec';
import {
  approve,
  approved,
  INVOICE_2,
  paid,
  payoutFailed,
  PROVIDER_ID,
  recordFailed,
  recordPaid,
  refuse,
  refused,
  RELEASE,
  RELEASE_ID,
  submit,
  submitted,
} from './payment-request.fixtures.spec';
import { paymentRequestDecider } from './payment-request.decider';

const spec = DeciderSpecification.for(paymentRequestDecider);

describe('Payment request: a release without an invoice', () => {
  it('takes the provider’s invoice for the release’s net amount, its number trimmed', () => {
    spec.given([]).when(submit()).then([submitted()]);
  });

  it('answers a release of someone else, of an order or of another project as unknown (404)', () => {
    for (const release of [
      null,
      { ...RELEASE, payeeId: 'other-provider' },
      { ...RELEASE, subjectKind: 'order' },
      { ...RELEASE, subjectId: 'project-2' },
    ])
      spec
        .given([])
        .when(submit({ release }))
        .thenThrows('PROJECT_RELEASE_NOT_FOUND', { releaseId: RELEASE_ID });
  });

  it('is submitted only by the provider paid by the release', () => {
    spec
      .given([])
      .when(submit({}, { id: 'someone-else' }))
      .thenThrows('PAYMENT_REQUEST_PROVIDER_ONLY');
    spec
      .given([])
      .when(submit({}, { id: PROVIDER_ID, role: 'client' }))
      .thenThrows('PAYMENT_REQUEST_PROVIDER_ONLY');
  });

  it.each(['', '   ', 'x'.repeat(41), '-F42', 'F42\u0007'])(
    'refuses the invoice number %j',
    (invoiceNumber) => {
      spec.given([]).when(submit({ invoiceNumber })).thenThrows('INVALID_INVOICE_NUMBER');
    },
  );

  it('needs the invoice file', () => {
    spec
      .given([])
      .when(submit({ invoiceFileId: ' ' }))
      .thenThrows('INVOICE_FILE_REQUIRED');
  });

  it('refuses a release that pays the provider nothing (422)', () => {
    spec
      .given([])
      .when(submit({ release: { ...RELEASE, payeeNetCents: 0 } }))
      .thenThrows('RELEASE_NOTHING_TO_PAY');
  });

  it('cannot be approved, refused or paid (404)', () => {
    spec.given([]).when(approve()).thenThrows('PAYMENT_REQUEST_NOT_FOUND');
    spec.given([]).when(refuse()).thenThrows('PAYMENT_REQUEST_NOT_FOUND');
    spec.given([]).when(recordPaid()).thenThrows('PAYMENT_REQUEST_NOT_FOUND');
  });
});

describe('Payment request: an invoice waiting for finance', () => {
  it('takes the same invoice again as a no-op, another one is refused while pending (409)', () => {
    spec.given([submitted()]).when(submit()).then([]);
    spec
      .given([submitted()])
      .when(submit({ invoiceFileId: INVOICE_2 }))
      .thenThrows('PAYMENT_REQUEST_PENDING', { currentStatus: 'submitted' });
  });

  it('is refused by finance with a reason', () => {
    spec.given([submitted()]).when(refuse()).then([refused]);
    spec.given([submitted()]).when(refuse('  ')).thenThrows('PAYMENT_REQUEST_REASON_REQUIRED');
    spec
      .given([submitted()])
      .when(refuse('x'.repeat(1001)))
      .thenThrows('PAYMENT_REQUEST_REASON_REQUIRED');
  });

  it('is approved by finance to the provider’s withdrawal account, with its payout', () => {
    spec.given([submitted()]).when(approve()).then([approved]);
  });

  it('cannot be approved while the provider has no withdrawal account (422)', () => {
    spec
      .given([submitted()])
      .when(approve(null))
      .thenThrows('PROVIDER_HAS_NO_WITHDRAWAL_ACCOUNT', { providerId: PROVIDER_ID });
  });

  it.each(['admin', 'mediator', 'provider', 'client', 'system'] as const)(
    'is decided by finance only, not by a %s',
    (role) => {
      spec.given([submitted()]).when(approve('a', role)).thenThrows('PAYMENT_REQUEST_FINANCE_ONLY');
      spec
        .given([submitted()])
        .when(refuse('Non', role))
        .thenThrows('PAYMENT_REQUEST_FINANCE_ONLY');
    },
  );

  it('has no transfer to record yet (409)', () => {
    spec.given([submitted()]).when(recordPaid()).thenThrows('PAYMENT_REQUEST_NOT_APPROVED');
  });
});

describe('Payment request: a refused invoice', () => {
  it('keeps the refusal and takes a corrected invoice for the same release', () => {
    const given = spec.given([submitted(), refused]);
    expect(given.state()).toMatchObject({
      status: 'refused',
      refusals: [{ invoiceFileId: 'file-1', reason: 'Le SIRET manque' }],
    });
    given
      .when(submit({ invoiceFileId: INVOICE_2, invoiceNumber: 'F-2026/043' }))
      .then([submitted(INVOICE_2, 'F-2026/043')]);
    expect(
      spec.given([submitted(), refused, submitted(INVOICE_2, 'F-2026/043')]).state(),
    ).toMatchObject({ status: 'submitted', submissions: 2, invoiceFileId: INVOICE_2 });
  });

  it('refuses the very file already refused (422)', () => {
    spec
      .given([submitted(), refused])
      .when(submit())
      .thenThrows('INVOICE_ALREADY_REFUSED', { invoiceFileId: 'file-1' });
  });

  it('cannot be approved or refused again (409)', () => {
    spec
      .given([submitted(), refused])
      .when(approve())
      .thenThrows('PAYMENT_REQUEST_NOT_PENDING', { currentStatus: 'refused' });
    spec.given([submitted(), refused]).when(refuse()).thenThrows('PAYMENT_REQUEST_NOT_PENDING');
  });
});

describe('Payment request: approved', () => {
  const given = [submitted(), approved];

  it('takes no other invoice (409)', () => {
    spec
      .given(given)
      .when(submit({ invoiceFileId: INVOICE_2 }))
      .thenThrows('PAYMENT_REQUEST_ALREADY_APPROVED', { currentStatus: 'approved' });
  });

  it('is paid when its payout is sent, once', () => {
    spec.given(given).when(recordPaid()).then([paid]);
    spec
      .given([...given, paid])
      .when(recordPaid())
      .then([]);
    expect(spec.given([...given, paid]).state()).toMatchObject({
      status: 'paid',
      paidAt: paid.data.paidAt,
    });
  });

  it('records a failed transfer, once', () => {
    spec.given(given).when(recordFailed()).then([payoutFailed]);
    spec
      .given([...given, payoutFailed])
      .when(recordFailed())
      .then([]);
    spec
      .given([...given, payoutFailed])
      .when(recordPaid())
      .thenThrows('PAYMENT_REQUEST_NOT_APPROVED');
  });

  it('ignores the outcome of another payout, and outcomes come from the platform only', () => {
    spec.given(given).when(recordPaid('other')).thenThrows('PAYMENT_REQUEST_NOT_APPROVED');
    spec
      .given(given)
      .when(recordPaid(undefined, 'finance'))
      .thenThrows('PAYMENT_REQUEST_SYSTEM_ONLY');
  });

  it('cannot be approved twice (409)', () => {
    spec.given(given).when(approve()).thenThrows('PAYMENT_REQUEST_NOT_PENDING');
  });
});
