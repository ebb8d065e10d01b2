import { Body, Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
  ApiExtraModels,
  getSchemaPath,
} from '@nestjs/swagger';
import { ProviderVerificationPort } from '../../../application/catalog/provider-verification.port';
import { FileReferences } from '../../../application/files/file-references.contract';
import { EscrowView, GetEscrowQuery } from '../../../application/escrow/escrow.query';
import { PlacementResult } from '../../../application/orders/order-funding.service';
import { OrderCommandMessage } from '../../../application/orders/order.messages';
import {
  GetOrderFundingQuery,
  GetOrderQuery,
  ListOrderMessagesQuery,
  OrderFundingView,
  OrderMessageView,
  OrderView,
  Viewer,
} from '../../../application/orders/order.queries';
import { PlaceGigOrderCommand } from '../../../application/orders/place-gig-order.handler';
import { HandleResult } from '../../../application/shared/command-handling';
import { Clock } from '../../../application/shared/clock';
import {
  CONTACT_DETAILS_NOTICE,
  CONTACT_DETAILS_REASON,
  ORDER_STATUS_LABELS,
  ORDER_STATUS_SUB_LABELS,
  OrderCommand,
  OrderErrorCode,
  OrderEvent,
  OrderState,
} from '../../../domain/orders';
import { NotFoundError, percentOf } from '../../../domain/shared';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { ApiStateChange, asParty, commandOptions, newId } from '../shared/http-support';
import { existingRevisionOf } from '../../../application/shared/revision';
import {
  CancellationMarkAmendmentDto,
  CancellationRequestDto,
  DeliverDto,
  OrderChangeResponse,
  OrderFundingResponse,
  PlacedOrderResponse,
  PlaceOrderDto,
  PostedMessageResponse,
  PostMessageDto,
  RevisionRequestDto,
  ReviewDto,
} from './order.dto';
import { IdParam } from '../problem/id-param';
import { EscrowViewResponse, OrderMessageResponse, OrderViewResponse } from './order-views.dto';

const orderNotFound = (orderId: string) =>
  new NotFoundError(OrderErrorCode.NOT_FOUND, 'Order not found', { orderId });
const ORDER_ID = { name: 'orderId', example: '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a' };
const FROZEN = { status: 409 as const, code: 'ORDER_FROZEN', currentStatus: 'contested' };
const TERMINAL = { status: 409 as const, code: 'ORDER_TERMINAL', currentStatus: 'completed' };
const UNKNOWN = { status: 404 as const, code: 'ORDER_NOT_FOUND' };
/** A file reference that is not one of the actor's uploads, or was uploaded for another purpose. */
const FILE_NOT_YOURS = { status: 422 as const, code: 'FILE_NOT_FOUND' };
const FILE_WRONG_PURPOSE = { status: 422 as const, code: 'FILE_PURPOSE_MISMATCH' };

export const viewerOf = (actor: Actor): Viewer => ({
  accountId: actor.accountId,
  staff: actor.isStaff,
});

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly verification: ProviderVerificationPort,
    private readonly clock: Clock,
    private readonly files: FileReferences,
  ) {}

  @Post()
  @Roles('client')
  @ApiStateChange({
    summary: 'Order a gig and pay into escrow',
    description:
      "The buyer orders a published gig with some of its paid extras. Amount = price + extras (TTC); commission 10 %, rounded half-even once. `paymentMethod` is a card token (the default way), `bank_transfer` or `paypal`: the last two answer `status: awaiting_funds` with `fundingInstructions` (the IBAN, BIC and reference to wire to, or the PayPal approval URL) and `fundsDueAt`; the escrow opens and the order is placed when the gateway reports the funds (a signed `payment_intent.succeeded` webhook), and past `fundsDueAt` (ORDER_FUNDS_WINDOW_HOURS) the order expires: a retry answers 409 PAYMENT_EXPIRED. A custom offer is paid by card. The money is secured at the payment gateway (a manual-capture authorisation when the work is due within 7 days, a charge otherwise) and held in escrow; the order exists only once that succeeded, and the gig's opening message is posted at once. With an `Idempotency-Key` the order id derives from it, so a retry never charges twice. A placement whose request died after the payment and was not retried within 30 minutes is abandoned and refunded in full; a later retry with that key answers 409 ORDER_PLACEMENT_ABANDONED.",
    refusals: [
      { status: 404, code: 'GIG_NOT_FOUND' },
      { status: 409, code: 'GIG_NOT_PUBLISHED', currentStatus: 'paused' },
      { status: 400, code: 'ORDER_UNKNOWN_EXTRA' },
      { status: 422, code: 'CANNOT_BUY_OWN_GIG' },
      { status: 422, code: 'PAYMENT_DECLINED' },
      { status: 409, code: 'ORDER_PLACEMENT_ABANDONED', currentStatus: 'placement_abandoned' },
      { status: 409, code: 'PAYMENT_EXPIRED', currentStatus: 'payment_expired' },
    ],
    ifMatch: false,
  })
  @ApiResponse({
    status: 201,
    type: PlacedOrderResponse,
    description:
      "The funded order, awaiting the seller's start; or, paid by bank transfer or PayPal, the order awaiting its funds (`status: awaiting_funds`).",
  })
  async place(
    @CurrentActor() actor: Actor,
    @Body() body: PlaceOrderDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<PlacedOrderResponse> {
    const orderId = newId('order', actor, key);
    const placed: PlacementResult = await this.commandBus.execute(
      new PlaceGigOrderCommand(
        orderId,
        body.gigId,
        body.extraIds ?? [],
        body.paymentMethod,
        actor.meta(this.clock.now(), 'client'),
        actor.causation,
      ),
    );
    return placementResponse(placed);
  }

  @Get(':orderId')
  @ApiBearerAuth()
  @ApiParam(ORDER_ID)
  @ApiOperation({
    summary: 'Read an order',
    description:
      'The order as its event stream tells it: status with its French label (Actif, Délivré, Terminé, Contesté, Résolu...), amounts, deadlines, revision rounds, pending cancellation. Only its buyer and seller, and staff, see it; anyone else gets 404.',
  })
  @ApiExtraModels(OrderViewResponse)
  @ApiOkResponse({
    description: 'The order.',
    schema: {
      $ref: getSchemaPath(OrderViewResponse),
    },
  })
  @ApiResponse({
    status: 404,
    description: '`ORDER_NOT_FOUND` (also for an order of someone else).',
  })
  async get(@CurrentActor() actor: Actor, @IdParam('orderId') orderId: string): Promise<OrderView> {
    const view = await this.queryBus.execute(new GetOrderQuery(orderId, viewerOf(actor)));
    if (!view) throw orderNotFound(orderId);
    return view;
  }

  @Get(':orderId/funding')
  @ApiBearerAuth()
  @ApiParam(ORDER_ID)
  @ApiOperation({
    summary: 'Read the payment of an order paid by transfer or PayPal',
    description:
      'While a bank transfer or PayPal payment is awaited the order is not placed yet (`GET /orders/{orderId}` answers 404): this shows whether its funds are awaited (with the bank details or the PayPal link), expired, or received. Its buyer and seller, and staff.',
  })
  @ApiOkResponse({ type: OrderFundingResponse })
  @ApiResponse({
    status: 404,
    description: "`ORDER_NOT_FOUND`: no such order paid by transfer or PayPal, or someone else's.",
  })
  async funding(
    @CurrentActor() actor: Actor,
    @IdParam('orderId') orderId: string,
  ): Promise<OrderFundingView> {
    const view = await this.queryBus.execute(new GetOrderFundingQuery(orderId, viewerOf(actor)));
    if (!view) throw orderNotFound(orderId);
    return view;
  }

  @Get(':orderId/messages')
  @ApiBearerAuth()
  @ApiParam(ORDER_ID)
  @ApiOperation({
    summary: "Read the order's conversation",
    description:
      'Oldest first, including the automatic opening message. Parties and staff only. Contact details found at posting (`masked: true`) read as "[masqué]" for the other party; the author and staff read the text as sent, and staff also get `flag` with what was detected.',
  })
  @ApiExtraModels(OrderMessageResponse)
  @ApiOkResponse({
    schema: {
      type: 'array',
      items: { $ref: getSchemaPath(OrderMessageResponse) },
      example: [
        {
          messageId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
          authorId: '9b2e4f61-0c3a-4d8e-b7f5-6a1d2c3e4f50',
          text: 'Merci pour votre commande !',
          fileRefs: [],
          automatic: true,
          postedAt: '2026-11-23T10:00:00.000Z',
          masked: false,
        },
        {
          messageId: 'd2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f60',
          authorId: '4c5d6e7f-8091-4a2b-b3c4-d5e6f7081920',
          text: 'Appelez-moi au 06 12 34 56 78',
          fileRefs: [],
          automatic: false,
          postedAt: '2026-11-23T11:00:00.000Z',
          masked: true,
          flag: {
            reason: 'CONTACT_DETAILS',
            detected: [{ kind: 'phone', start: 15, end: 29, value: '06 12 34 56 78' }],
          },
        },
      ],
    },
  })
  @ApiResponse({ status: 404, description: '`ORDER_NOT_FOUND`' })
  async messages(
    @CurrentActor() actor: Actor,
    @IdParam('orderId') orderId: string,
  ): Promise<OrderMessageView[]> {
    const messages = await this.queryBus.execute(
      new ListOrderMessagesQuery(orderId, viewerOf(actor)),
    );
    if (!messages) throw orderNotFound(orderId);
    return messages;
  }

  @Get(':orderId/escrow')
  @ApiBearerAuth()
  @ApiParam(ORDER_ID)
  @ApiOperation({
    summary: "Read the order's escrow",
    description:
      'Funded, released, refunded and held amounts; funded = released + refunded + held at all times.',
  })
  @ApiExtraModels(EscrowViewResponse)
  @ApiOkResponse({
    schema: {
      $ref: getSchemaPath(EscrowViewResponse),
    },
  })
  @ApiResponse({ status: 404, description: '`ORDER_NOT_FOUND`' })
  async escrow(
    @CurrentActor() actor: Actor,
    @IdParam('orderId') orderId: string,
  ): Promise<EscrowView> {
    const order = await this.queryBus.execute(new GetOrderQuery(orderId, viewerOf(actor)));
    const escrow = order && (await this.queryBus.execute(new GetEscrowQuery(order.escrowId)));
    if (!escrow) throw orderNotFound(orderId);
    return escrow;
  }

  @Post(':orderId/start')
  @HttpCode(200)
  @Roles('provider')
  @ApiParam(ORDER_ID)
  @ApiStateChange({
    summary: 'Start the work ("Commencer")',
    description:
      "The seller starts: the delivery countdown runs and its end, `deliveryDueAt`, is recorded. The seller's verification documents must be in date.",
    refusals: [
      UNKNOWN,
      { status: 403, code: 'PROVIDER_NOT_VERIFIED' },
      { status: 409, code: 'ORDER_ALREADY_STARTED', currentStatus: 'active' },
      FROZEN,
      TERMINAL,
    ],
  })
  @ApiOkResponse({ type: OrderChangeResponse })
  async start(
    @CurrentActor() actor: Actor,
    @IdParam('orderId') orderId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    const meta = actor.meta(this.clock.now(), 'provider');
    const verification = await this.verification.check(actor.accountId, meta.now);
    return this.send(
      actor,
      orderId,
      {
        type: 'StartOrder',
        data: {
          orderId,
          sellerVerified: verification.verified,
          missingDocuments: verification.missingDocuments,
        },
        meta,
      },
      ifMatch,
    );
  }

  @Post(':orderId/decline')
  @HttpCode(200)
  @Roles('provider')
  @ApiParam(ORDER_ID)
  @ApiStateChange({
    summary: 'Decline the order',
    description:
      "Before starting, the seller turns the order down: it is cancelled, the buyer fully refunded, and the cancellation is marked on the seller's profile (the buyer may amend or withdraw the mark).",
    refusals: [
      UNKNOWN,
      { status: 409, code: 'ORDER_ALREADY_STARTED', currentStatus: 'active' },
      TERMINAL,
    ],
  })
  @ApiOkResponse({ type: OrderChangeResponse })
  decline(
    @CurrentActor() actor: Actor,
    @IdParam('orderId') orderId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      orderId,
      { type: 'DeclineOrder', data: { orderId }, meta: actor.meta(this.clock.now(), 'provider') },
      ifMatch,
    );
  }

  @Post(':orderId/cancel')
  @HttpCode(200)
  @Roles('client')
  @ApiParam(ORDER_ID)
  @ApiStateChange({
    summary: 'Cancel the order alone (buyer)',
    description:
      "Free with a full refund before the seller starts (marked on the buyer's profile), or once the first delivery is late (marked on the late seller's profile). Otherwise cancelling needs the other party's agreement (cancellation requests). The party not marked may amend or withdraw the mark once.",
    refusals: [
      UNKNOWN,
      { status: 409, code: 'ORDER_CANCELLATION_REQUIRES_AGREEMENT', currentStatus: 'active' },
      FROZEN,
      TERMINAL,
    ],
  })
  @ApiOkResponse({ type: OrderChangeResponse })
  cancel(
    @CurrentActor() actor: Actor,
    @IdParam('orderId') orderId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      orderId,
      { type: 'CancelOrder', data: { orderId }, meta: actor.meta(this.clock.now(), 'client') },
      ifMatch,
    );
  }

  @Post(':orderId/cancellation-requests')
  @Roles('client', 'provider')
  @ApiParam(ORDER_ID)
  @ApiStateChange({
    summary: 'Ask the other party to cancel',
    description:
      "After the start, a cancellation needs both parties: one asks with a reason, the other accepts or declines. An accepted cancellation refunds the buyer in full and is shown on the asking party's profile.",
    refusals: [
      UNKNOWN,
      { status: 409, code: 'ORDER_NOT_STARTED', currentStatus: 'awaiting_start' },
      { status: 409, code: 'ORDER_CANCELLATION_ALREADY_REQUESTED', currentStatus: 'active' },
      FROZEN,
      TERMINAL,
    ],
  })
  @ApiResponse({ status: 201, type: OrderChangeResponse })
  requestCancellation(
    @CurrentActor() actor: Actor,
    @IdParam('orderId') orderId: string,
    @Body() body: CancellationRequestDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      orderId,
      {
        type: 'RequestCancellation',
        data: { orderId, reason: body.reason },
        meta: actor.meta(this.clock.now()),
      },
      ifMatch,
    );
  }

  @Post(':orderId/cancellation-requests/accept')
  @HttpCode(200)
  @Roles('client', 'provider')
  @ApiParam(ORDER_ID)
  @ApiStateChange({
    summary: 'Accept the pending cancellation request',
    description:
      'Only the party who did not ask may accept; the order is cancelled and the buyer fully refunded.',
    refusals: [
      UNKNOWN,
      { status: 409, code: 'ORDER_NO_PENDING_CANCELLATION', currentStatus: 'active' },
      { status: 403, code: 'ORDER_CANCELLATION_REQUESTER_CANNOT_ANSWER' },
      FROZEN,
      TERMINAL,
    ],
  })
  @ApiOkResponse({ type: OrderChangeResponse })
  acceptCancellation(
    @CurrentActor() actor: Actor,
    @IdParam('orderId') orderId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      orderId,
      { type: 'AcceptCancellation', data: { orderId }, meta: actor.meta(this.clock.now()) },
      ifMatch,
    );
  }

  @Post(':orderId/cancellation-mark/amendment')
  @Roles('client', 'provider')
  @ApiParam(ORDER_ID)
  @ApiStateChange({
    summary: 'Amend or withdraw the cancellation mark',
    description:
      "Every cancellation shows on the canceller's profile as an evaluation (a late-delivery cancellation on the late seller's). The other party may answer it once: amend it with a comment (and optionally a rating from 1 to 5) shown with the mark, or withdraw it so it no longer shows or counts.",
    refusals: [
      UNKNOWN,
      { status: 409, code: 'ORDER_NO_CANCELLATION_MARK', currentStatus: 'completed' },
      { status: 409, code: 'CANCELLATION_MARK_ALREADY_AMENDED', currentStatus: 'cancelled' },
      { status: 403, code: 'NOT_THE_OTHER_PARTY' },
      { status: 400, code: 'CANCELLATION_MARK_COMMENT_REQUIRED' },
      { status: 400, code: 'CANCELLATION_MARK_INVALID_ACTION' },
      { status: 400, code: 'REVIEW_INVALID_RATING' },
    ],
  })
  @ApiResponse({ status: 201, type: OrderChangeResponse })
  amendCancellationMark(
    @CurrentActor() actor: Actor,
    @IdParam('orderId') orderId: string,
    @Body() body: CancellationMarkAmendmentDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      orderId,
      {
        type: 'AmendCancellationMark',
        data: { orderId, action: body.action, comment: body.comment, rating: body.rating ?? null },
        meta: actor.meta(this.clock.now()),
      },
      ifMatch,
    );
  }

  @Post(':orderId/cancellation-requests/decline')
  @HttpCode(200)
  @Roles('client', 'provider')
  @ApiParam(ORDER_ID)
  @ApiStateChange({
    summary: 'Decline the pending cancellation request',
    description: 'The order goes on; the asking party may contest instead.',
    refusals: [
      UNKNOWN,
      { status: 409, code: 'ORDER_NO_PENDING_CANCELLATION', currentStatus: 'active' },
      { status: 403, code: 'ORDER_CANCELLATION_REQUESTER_CANNOT_ANSWER' },
      FROZEN,
      TERMINAL,
    ],
  })
  @ApiOkResponse({ type: OrderChangeResponse })
  declineCancellation(
    @CurrentActor() actor: Actor,
    @IdParam('orderId') orderId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      orderId,
      { type: 'DeclineCancellation', data: { orderId }, meta: actor.meta(this.clock.now()) },
      ifMatch,
    );
  }

  @Post(':orderId/deliveries')
  @Roles('provider')
  @ApiParam(ORDER_ID)
  @ApiStateChange({
    summary: 'Deliver',
    description:
      'The seller delivers with a message and the ids of files uploaded as `deliverable` (`POST /files`); the first delivery after the deadline is recorded as late. After a revision request the seller delivers again the same way. The buyer then reads each file through `GET /files/{fileId}/link`.',
    refusals: [
      UNKNOWN,
      FILE_NOT_YOURS,
      FILE_WRONG_PURPOSE,
      { status: 409, code: 'ORDER_NOT_STARTED', currentStatus: 'awaiting_start' },
      { status: 409, code: 'ORDER_ALREADY_DELIVERED', currentStatus: 'delivered' },
      FROZEN,
      TERMINAL,
    ],
  })
  @ApiResponse({ status: 201, type: OrderChangeResponse })
  async deliver(
    @CurrentActor() actor: Actor,
    @IdParam('orderId') orderId: string,
    @Body() body: DeliverDto,
    @Headers('idempotency-key') key?: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    const deliveryId = newId('delivery', actor, key);
    return this.files.attach(
      actor.accountId,
      body.fileRefs ?? [],
      'deliverable',
      { kind: 'order', subjectId: orderId },
      'fileRefs',
      () =>
        this.send(
          actor,
          orderId,
          {
            type: 'DeliverOrder',
            data: { orderId, deliveryId, message: body.message, fileRefs: body.fileRefs ?? [] },
            meta: actor.meta(this.clock.now(), 'provider'),
          },
          ifMatch,
        ),
    );
  }

  @Post(':orderId/revision-requests')
  @Roles('client')
  @ApiParam(ORDER_ID)
  @ApiStateChange({
    summary: 'Ask for a revision',
    description:
      'The buyer refuses the delivery with precise instructions; the seller delivers again and the delivery deadline no longer applies.',
    refusals: [
      UNKNOWN,
      { status: 409, code: 'ORDER_NOT_DELIVERED', currentStatus: 'active' },
      FROZEN,
      TERMINAL,
    ],
  })
  @ApiResponse({ status: 201, type: OrderChangeResponse })
  requestRevision(
    @CurrentActor() actor: Actor,
    @IdParam('orderId') orderId: string,
    @Body() body: RevisionRequestDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      orderId,
      {
        type: 'RequestRevision',
        data: { orderId, instructions: body.instructions },
        meta: actor.meta(this.clock.now(), 'client'),
      },
      ifMatch,
    );
  }

  @Post(':orderId/accept')
  @HttpCode(200)
  @Roles('client')
  @ApiParam(ORDER_ID)
  @ApiStateChange({
    summary: 'Accept the delivery',
    description:
      'Completes the order ("Terminé"): the escrow is released, the seller\'s wallet credited with the amount less commission, the intellectual property passes to the buyer and the conversation closes. The buyer may then leave one review.',
    refusals: [
      UNKNOWN,
      { status: 409, code: 'ORDER_NOT_DELIVERED', currentStatus: 'in_revision' },
      FROZEN,
      TERMINAL,
    ],
  })
  @ApiOkResponse({ type: OrderChangeResponse })
  accept(
    @CurrentActor() actor: Actor,
    @IdParam('orderId') orderId: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      orderId,
      { type: 'AcceptDelivery', data: { orderId }, meta: actor.meta(this.clock.now(), 'client') },
      ifMatch,
    );
  }

  @Post(':orderId/messages')
  @Roles('client', 'provider')
  @ApiParam(ORDER_ID)
  @ApiStateChange({
    summary: 'Post a message in the order',
    description:
      'Buyer and seller talk only inside an order, also while a dispute is open; the conversation closes when the order ends. Exchanges stay on the platform: contact details (e-mail, French phone number, PayPal/Lydia/Revolut handle or link, IBAN) are masked for the other party, flagged for staff, and the answer says so (`masked`, `reason: CONTACT_DETAILS`, a French `notice`).',
    refusals: [
      UNKNOWN,
      { status: 400, code: 'ORDER_MESSAGE_EMPTY' },
      FILE_NOT_YOURS,
      FILE_WRONG_PURPOSE,
      { status: 409, code: 'ORDER_CONVERSATION_CLOSED', currentStatus: 'completed' },
    ],
  })
  @ApiResponse({ status: 201, type: PostedMessageResponse })
  async postMessage(
    @CurrentActor() actor: Actor,
    @IdParam('orderId') orderId: string,
    @Body() body: PostMessageDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<PostedMessageResponse> {
    const messageId = newId('order-message', actor, key);
    const { response, events } = await this.files.attach(
      actor.accountId,
      body.fileRefs ?? [],
      'message_attachment',
      { kind: 'order', subjectId: orderId },
      'fileRefs',
      () =>
        this.dispatch(actor, orderId, {
          type: 'PostMessage',
          data: { orderId, messageId, text: body.text ?? '', fileRefs: body.fileRefs ?? [] },
          meta: actor.meta(this.clock.now()),
        }),
    );
    // The decider detected the contact details once; the answer tells the sender what it found.
    const posted = events.find(
      (e) => e.type === 'OrderMessagePosted' && e.data.messageId === messageId,
    );
    const spans = posted?.type === 'OrderMessagePosted' ? posted.data.contactDetails : [];
    if (spans.length === 0) return { ...response, messageId, masked: false };
    return {
      ...response,
      messageId,
      masked: true,
      reason: CONTACT_DETAILS_REASON,
      detected: [...new Set(spans.map((s) => s.kind))],
      notice: CONTACT_DETAILS_NOTICE,
    };
  }

  @Post(':orderId/review')
  @Roles('client')
  @ApiParam(ORDER_ID)
  @ApiStateChange({
    summary: 'Review the seller',
    description:
      'Once the order is completed the buyer may leave one review: a rating from 1 to 5 and a comment.',
    refusals: [
      UNKNOWN,
      { status: 409, code: 'ORDER_NOT_COMPLETED', currentStatus: 'delivered' },
      { status: 409, code: 'ORDER_ALREADY_REVIEWED', currentStatus: 'completed' },
      { status: 400, code: 'REVIEW_INVALID_RATING' },
    ],
  })
  @ApiResponse({ status: 201, type: OrderChangeResponse })
  review(
    @CurrentActor() actor: Actor,
    @IdParam('orderId') orderId: string,
    @Body() body: ReviewDto,
  ) {
    return this.send(actor, orderId, {
      type: 'LeaveReview',
      data: { orderId, rating: body.rating, comment: body.comment },
      meta: actor.meta(this.clock.now(), 'client'),
    });
  }

  private async send(
    actor: Actor,
    orderId: string,
    command: OrderCommand,
    ifMatch?: string,
  ): Promise<OrderChangeResponse> {
    return (await this.dispatch(actor, orderId, command, ifMatch)).response;
  }

  private async dispatch(
    actor: Actor,
    orderId: string,
    command: OrderCommand,
    ifMatch?: string,
  ): Promise<{ response: OrderChangeResponse; events: OrderEvent[] }> {
    const result = await asParty<HandleResult<OrderState, OrderEvent>>(
      actor,
      () => orderNotFound(orderId),
      () =>
        this.commandBus.execute(
          new OrderCommandMessage(orderId, command, actor.causation, commandOptions(ifMatch)),
        ),
    );
    if (result.state.status === 'none') throw orderNotFound(orderId);
    const response = {
      orderId,
      status: result.state.status,
      statusLabel: ORDER_STATUS_LABELS[result.state.status],
      statusSubLabel: ORDER_STATUS_SUB_LABELS[result.state.status],
      revision: existingRevisionOf(result.nextExpectedRevision),
    };
    return { response, events: result.events };
  }
}

/** What the buyer sees while the order waits for a transfer or PayPal payment. */
export const AWAITING_FUNDS_LABEL = 'En attente de paiement';

export function placementResponse(placed: PlacementResult): PlacedOrderResponse {
  const { state } = placed;
  if (state.status === 'none' && state.awaitingFunds) {
    const { event } = state.awaitingFunds;
    const commissionCents = percentOf(event.amountCents, event.placement.commissionRateBp);
    return {
      orderId: placed.orderId,
      escrowId: placed.escrowId,
      status: 'awaiting_funds',
      statusLabel: AWAITING_FUNDS_LABEL,
      statusSubLabel: null,
      amountCents: event.amountCents,
      commissionCents,
      sellerNetCents: event.amountCents - commissionCents,
      revision: existingRevisionOf(placed.revision),
      paymentMethod: event.paymentMethod,
      fundingInstructions: event.instructions,
      fundsDueAt: event.fundsDueAt,
    };
  }
  if (state.status === 'none') throw orderNotFound(placed.orderId);
  return {
    orderId: placed.orderId,
    escrowId: placed.escrowId,
    status: state.status,
    statusLabel: ORDER_STATUS_LABELS[state.status],
    statusSubLabel: ORDER_STATUS_SUB_LABELS[state.status],
    amountCents: state.order.amountCents,
    commissionCents: state.order.commissionCents,
    sellerNetCents: state.order.sellerNetCents,
    revision: existingRevisionOf(placed.revision),
  };
}
