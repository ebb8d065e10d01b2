import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import {
  PaymentRequests,
  PaymentRequestView,
} from '../../../application/tenders/payment-requests.service';
import { Clock } from '../../../application/shared/clock';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import {
  financePaymentRequests,
  providerPaymentRequests,
} from '../../../projections/tender-payment-requests/tender-payment-requests.queries';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange } from '../shared/http-support';
import {
  FinancePaymentRequestListResponse,
  FinancePaymentRequestsQuery,
  PaymentRequestResponse,
  ProviderPaymentRequestsResponse,
  RefusePaymentRequestDto,
  SubmitPaymentRequestDto,
} from './payment-requests.dto';

const notFoundDoc = {
  status: 404,
  description: '`PAYMENT_REQUEST_NOT_FOUND`',
  content: {
    'application/problem+json': {
      example: {
        type: 'https://docs.marketplace.local/problems/payment-request-not-found',
        title: 'Not Found',
        status: 404,
        code: 'PAYMENT_REQUEST_NOT_FOUND',
        detail: 'No payment request under this id',
      },
    },
  },
};

/**
 * "Demandes de paiement" (seed 003, Étape 4): a release of a project's internal account is paid to
 * the provider once finance accepts their invoice for it, by a transfer to their withdrawal account.
 */
@ApiTags('tenders: payment requests')
@ApiBearerAuth()
@Controller()
export class PaymentRequestsController {
  constructor(
    private readonly requests: PaymentRequests,
    private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get('me/payment-requests')
  @Roles('provider')
  @ApiOperation({
    summary: 'My payment requests (the provider’s dashboard)',
    description:
      'Every release of your projects’ internal accounts, most recent first: those still waiting for your invoice (`awaiting_invoice`), then each invoice’s state with its French label (being checked, refused with the reason, accepted with the transfer on its way, paid), and the totals in cents by state. Money released is withdrawable only once finance accepts the invoice. Read model: a change may take a moment to show.',
  })
  @ApiOkResponse({ type: ProviderPaymentRequestsResponse })
  mine(@CurrentActor() actor: Actor) {
    return providerPaymentRequests(this.pool, actor.accountId);
  }

  @Post('projects/:projectId/payment-requests')
  @Roles('provider')
  @ApiStateChange({
    summary: 'Send my invoice for a release of the project',
    description:
      'Upload the invoice first (POST /files, purpose `provider_invoice`, a PDF), then name it here with its number. The invoice is for the release’s net amount (TTC). One request per release: while finance checks it another invoice is refused (409 `PAYMENT_REQUEST_PENDING`; the same one again is a no-op); after a refusal send a corrected invoice (a new file: the refused one answers 422 `INVOICE_ALREADY_REFUSED`). A release that is not yours or not this project’s answers 404 `PROJECT_RELEASE_NOT_FOUND`; a file that is not your upload 422 `FILE_NOT_FOUND`, another purpose 422 `FILE_PURPOSE_MISMATCH`.',
    ifMatch: false,
    refusals: [
      { status: 400, code: 'INVALID_INVOICE_NUMBER' },
      { status: 404, code: 'PROJECT_RELEASE_NOT_FOUND' },
      { status: 409, code: 'PAYMENT_REQUEST_PENDING', currentStatus: 'submitted' },
      { status: 409, code: 'PAYMENT_REQUEST_ALREADY_APPROVED', currentStatus: 'approved' },
      { status: 422, code: 'INVOICE_ALREADY_REFUSED' },
      { status: 422, code: 'FILE_NOT_FOUND' },
      { status: 422, code: 'FILE_PURPOSE_MISMATCH' },
      { status: 422, code: 'RELEASE_NOTHING_TO_PAY' },
    ],
  })
  @ApiResponse({ status: 201, type: PaymentRequestResponse, description: 'Sent to finance.' })
  submit(
    @CurrentActor() actor: Actor,
    @IdParam('projectId') projectId: string,
    @Body() body: SubmitPaymentRequestDto,
  ): Promise<PaymentRequestView> {
    return this.requests.submit(
      actor.meta(this.clock.now(), 'provider'),
      actor.causation,
      projectId,
      body,
    );
  }

  @Get('finance/payment-requests')
  @Roles('finance')
  @ApiOperation({
    summary: 'Payment requests (finance’s dashboard)',
    description:
      'Requests oldest first (the queue to check), filtered by `status`; `totals` counts them and sums their amounts by state, whatever the filter. Read model: a change may take a moment to show.',
  })
  @ApiOkResponse({ type: FinancePaymentRequestListResponse })
  list(@Query() query: FinancePaymentRequestsQuery) {
    return financePaymentRequests(this.pool, {
      status: query.status,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  @Get('finance/payment-requests/:requestId')
  @Roles('finance')
  @ApiOperation({
    summary: 'A payment request, with its invoice',
    description:
      'Read from the request’s own stream (current). `invoice.linkPath` gives finance a short-lived download link of the PDF; `refusals` lists the earlier invoices refused and why.',
  })
  @ApiOkResponse({ type: PaymentRequestResponse })
  @ApiResponse(notFoundDoc)
  get(@IdParam('requestId') requestId: string): Promise<PaymentRequestView> {
    return this.requests.get(requestId);
  }

  @Post('finance/payment-requests/:requestId/approve')
  @Roles('finance')
  @HttpCode(200)
  @ApiStateChange({
    summary: 'Accept the invoice: pay the provider by bank transfer',
    description:
      'The amount is credited to the provider’s wallet and paid out at once to their latest withdrawal account (a payout; the request becomes `paid` when the transfer is sent, `payout_failed` when the bank refuses it, the money then staying withdrawable in the wallet). A provider without a withdrawal account answers 422 `PROVIDER_HAS_NO_WITHDRAWAL_ACCOUNT`; a request not waiting for its check 409 `PAYMENT_REQUEST_NOT_PENDING`.',
    ifMatch: false,
    refusals: [
      { status: 404, code: 'PAYMENT_REQUEST_NOT_FOUND' },
      { status: 409, code: 'PAYMENT_REQUEST_NOT_PENDING', currentStatus: 'approved' },
      { status: 422, code: 'PROVIDER_HAS_NO_WITHDRAWAL_ACCOUNT' },
    ],
  })
  @ApiOkResponse({ type: PaymentRequestResponse, description: 'Accepted; the transfer follows.' })
  approve(
    @CurrentActor() actor: Actor,
    @IdParam('requestId') requestId: string,
  ): Promise<PaymentRequestView> {
    return this.requests.approve(
      actor.meta(this.clock.now(), 'finance'),
      actor.causation,
      requestId,
    );
  }

  @Post('finance/payment-requests/:requestId/refuse')
  @Roles('finance')
  @HttpCode(200)
  @ApiStateChange({
    summary: 'Refuse the invoice, saying what to correct',
    description:
      'The provider reads the reason on their dashboard and sends a corrected invoice for the same release. A request not waiting for its check answers 409 `PAYMENT_REQUEST_NOT_PENDING`.',
    ifMatch: false,
    refusals: [
      { status: 400, code: 'PAYMENT_REQUEST_REASON_REQUIRED' },
      { status: 404, code: 'PAYMENT_REQUEST_NOT_FOUND' },
      { status: 409, code: 'PAYMENT_REQUEST_NOT_PENDING', currentStatus: 'refused' },
    ],
  })
  @ApiOkResponse({ type: PaymentRequestResponse, description: 'Refused.' })
  refuse(
    @CurrentActor() actor: Actor,
    @IdParam('requestId') requestId: string,
    @Body() body: RefusePaymentRequestDto,
  ): Promise<PaymentRequestView> {
    return this.requests.refuse(
      actor.meta(this.clock.now(), 'finance'),
      actor.causation,
      requestId,
      body?.reason,
    );
  }
}
