import { Body, Controller, Get, Headers, HttpCode, Inject, Post } from '@nestjs/common';
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
import { AcceptCustomOfferCommand } from '../../../application/orders/accept-custom-offer.handler';
import { CustomRequestCommandMessage } from '../../../application/orders/custom-request.messages';
import {
  CustomRequestView,
  GetCustomRequestQuery,
} from '../../../application/orders/custom-request.queries';
import { ORDER_SETTINGS, OrderSettings } from '../../../application/orders/order-settings';
import { HandleResult } from '../../../application/shared/command-handling';
import { Clock } from '../../../application/shared/clock';
import {
  CUSTOM_REQUEST_STATUS_LABELS,
  CustomRequestCommand,
  CustomRequestErrorCode,
  CustomRequestEvent,
  CustomRequestState,
} from '../../../domain/orders';
import { NotFoundError } from '../../../domain/shared';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import {
  AcceptOfferDto,
  CounterOfferDto,
  CustomRequestChangeResponse,
  InviteSellersDto,
  SubmitCustomRequestDto,
} from './custom-request.dto';
import { ApiStateChange, commandOptions, newId } from '../shared/http-support';
import { existingRevisionOf } from '../../../application/shared/revision';
import { PlacedOrderResponse } from './order.dto';
import { placementResponse, viewerOf } from './orders.controller';
import { IdParam } from '../problem/id-param';
import { CustomRequestViewResponse } from './order-views.dto';

const notFound = (customRequestId: string) =>
  new NotFoundError(CustomRequestErrorCode.NOT_FOUND, 'Custom request not found', {
    customRequestId,
  });
const REQUEST_ID = { name: 'customRequestId', example: '6e5d4c3b-2a19-4087-9f6e-5d4c3b2a1908' };
const CLOSED = { status: 409 as const, code: 'CUSTOM_REQUEST_CLOSED', currentStatus: 'converted' };

@ApiTags('custom requests')
@Controller('custom-requests')
export class CustomRequestsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    @Inject(ORDER_SETTINGS) private readonly settings: OrderSettings,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('client')
  @ApiStateChange({
    summary: 'Ask for custom work ("commande sur-mesure")',
    description:
      'The buyer describes the need, proposes a price (TTC, cents) and a deadline (days or a date). Staff then invite the sellers best placed to do it.',
    refusals: [
      { status: 400, code: 'CUSTOM_REQUEST_INVALID_PRICE' },
      { status: 400, code: 'CUSTOM_REQUEST_INVALID_DEADLINE' },
    ],
    ifMatch: false,
  })
  @ApiResponse({ status: 201, type: CustomRequestChangeResponse })
  submit(
    @CurrentActor() actor: Actor,
    @Body() body: SubmitCustomRequestDto,
    @Headers('idempotency-key') key?: string,
  ) {
    const customRequestId = newId('custom-request', actor, key);
    const { deadline } = body;
    return this.send(actor, customRequestId, {
      type: 'SubmitCustomRequest',
      data: {
        customRequestId,
        title: body.title,
        description: body.description,
        category: body.category,
        proposedPriceCents: body.proposedPriceCents,
        deadline:
          deadline.kind === 'days'
            ? { kind: 'days', days: deadline.days as number }
            : { kind: 'date', date: deadline.date as string },
      },
      meta: actor.meta(this.clock.now(), 'client'),
    });
  }

  @Get(':customRequestId')
  @ApiBearerAuth()
  @ApiParam(REQUEST_ID)
  @ApiOperation({
    summary: 'Read a custom request',
    description:
      'The buyer and staff see every invitation and offer; an invited seller sees the request and only their own invitation. Anyone else gets 404.',
  })
  @ApiExtraModels(CustomRequestViewResponse)
  @ApiOkResponse({
    schema: {
      $ref: getSchemaPath(CustomRequestViewResponse),
    },
  })
  @ApiResponse({ status: 404, description: '`CUSTOM_REQUEST_NOT_FOUND`' })
  async get(
    @CurrentActor() actor: Actor,
    @IdParam('customRequestId') id: string,
  ): Promise<CustomRequestView> {
    return this.visible(actor, id);
  }

  @Post(':customRequestId/invitations')
  @Roles('admin')
  @ApiParam(REQUEST_ID)
  @ApiStateChange({
    summary: 'Invite sellers (staff)',
    description:
      'A staff admin picks sellers; each gets an invitation that lapses after the given number of days. Sellers already invited and not lapsed are left alone.',
    refusals: [
      { status: 404, code: 'CUSTOM_REQUEST_NOT_FOUND' },
      { status: 422, code: 'CUSTOM_REQUEST_CANNOT_INVITE_BUYER' },
      CLOSED,
    ],
  })
  @ApiResponse({ status: 201, type: CustomRequestChangeResponse })
  invite(
    @CurrentActor() actor: Actor,
    @IdParam('customRequestId') id: string,
    @Body() body: InviteSellersDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.send(
      actor,
      id,
      {
        type: 'InviteSellers',
        data: {
          customRequestId: id,
          sellerIds: body.sellerIds,
          invitationTtlDays: body.invitationTtlDays ?? this.settings.invitationTtlDays,
        },
        meta: actor.meta(this.clock.now(), 'admin'),
      },
      ifMatch,
    );
  }

  @Post(':customRequestId/accept')
  @HttpCode(200)
  @Roles('provider')
  @ApiParam(REQUEST_ID)
  @ApiStateChange({
    summary: "Take the request at the buyer's terms (invited seller)",
    description:
      "The invited seller offers to do the work at the buyer's price and deadline; the buyer then accepts one offer.",
    refusals: [
      { status: 404, code: 'CUSTOM_REQUEST_NOT_FOUND' },
      { status: 409, code: 'CUSTOM_REQUEST_INVITATION_EXPIRED', currentStatus: 'open' },
      { status: 422, code: 'CUSTOM_REQUEST_DEADLINE_PASSED' },
      CLOSED,
    ],
  })
  @ApiOkResponse({ type: CustomRequestChangeResponse })
  async acceptRequest(
    @CurrentActor() actor: Actor,
    @IdParam('customRequestId') id: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    await this.visible(actor, id);
    return this.send(
      actor,
      id,
      {
        type: 'AcceptCustomRequest',
        data: { customRequestId: id },
        meta: actor.meta(this.clock.now(), 'provider'),
      },
      ifMatch,
    );
  }

  @Post(':customRequestId/counter-offers')
  @Roles('provider')
  @ApiParam(REQUEST_ID)
  @ApiStateChange({
    summary: 'Counter-offer (invited seller)',
    description:
      "The invited seller proposes another price and delivery time; a later counter-offer replaces the seller's earlier one.",
    refusals: [
      { status: 404, code: 'CUSTOM_REQUEST_NOT_FOUND' },
      { status: 400, code: 'CUSTOM_REQUEST_INVALID_PRICE' },
      { status: 409, code: 'CUSTOM_REQUEST_INVITATION_EXPIRED', currentStatus: 'open' },
      CLOSED,
    ],
  })
  @ApiResponse({ status: 201, type: CustomRequestChangeResponse })
  async counterOffer(
    @CurrentActor() actor: Actor,
    @IdParam('customRequestId') id: string,
    @Body() body: CounterOfferDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    await this.visible(actor, id);
    return this.send(
      actor,
      id,
      {
        type: 'CounterOffer',
        data: { customRequestId: id, priceCents: body.priceCents, deliveryDays: body.deliveryDays },
        meta: actor.meta(this.clock.now(), 'provider'),
      },
      ifMatch,
    );
  }

  @Post(':customRequestId/offers/:sellerId/accept')
  @Roles('client')
  @ApiParam(REQUEST_ID)
  @ApiParam({ name: 'sellerId', example: '9b2e4f61-0c3a-4d8e-b7f5-6a1d2c3e4f50' })
  @ApiStateChange({
    summary: "Accept a seller's offer and pay",
    description:
      "The buyer accepts one offer: the payment is secured in escrow and the request becomes an order with the offer's price and delivery time, a 20 % commission and the usual lifecycle (start, deliver, accept...). Retrying resumes the same order and never charges twice.",
    refusals: [
      { status: 404, code: 'CUSTOM_REQUEST_NOT_FOUND' },
      { status: 409, code: 'CUSTOM_REQUEST_NO_OFFER_FROM_SELLER', currentStatus: 'open' },
      { status: 422, code: 'PAYMENT_DECLINED' },
      { status: 400, code: 'PAYMENT_METHOD_NOT_ACCEPTED' },
      CLOSED,
      { status: 409, code: 'ORDER_PLACEMENT_ABANDONED', currentStatus: 'placement_abandoned' },
    ],
    ifMatch: false,
  })
  @ApiResponse({ status: 201, type: PlacedOrderResponse })
  async acceptOffer(
    @CurrentActor() actor: Actor,
    @IdParam('customRequestId') id: string,
    @IdParam('sellerId') sellerId: string,
    @Body() body: AcceptOfferDto,
  ): Promise<PlacedOrderResponse> {
    await this.visible(actor, id);
    return placementResponse(
      await this.commandBus.execute(
        new AcceptCustomOfferCommand(
          id,
          sellerId,
          body.paymentMethod,
          actor.meta(this.clock.now(), 'client'),
          actor.causation,
        ),
      ),
    );
  }

  @Post(':customRequestId/cancel')
  @HttpCode(200)
  @Roles('client')
  @ApiParam(REQUEST_ID)
  @ApiStateChange({
    summary: 'Withdraw the request (buyer)',
    description: 'Possible while no offer has been accepted.',
    refusals: [{ status: 404, code: 'CUSTOM_REQUEST_NOT_FOUND' }, CLOSED],
  })
  @ApiOkResponse({ type: CustomRequestChangeResponse })
  async cancel(
    @CurrentActor() actor: Actor,
    @IdParam('customRequestId') id: string,
    @Headers('if-match') ifMatch?: string,
  ) {
    await this.visible(actor, id);
    return this.send(
      actor,
      id,
      {
        type: 'CancelCustomRequest',
        data: { customRequestId: id },
        meta: actor.meta(this.clock.now(), 'client'),
      },
      ifMatch,
    );
  }

  /** Outsiders get the same 404 as for an unknown request. */
  private async visible(actor: Actor, id: string): Promise<CustomRequestView> {
    const view = await this.queryBus.execute(new GetCustomRequestQuery(id, viewerOf(actor)));
    if (!view) throw notFound(id);
    return view;
  }

  private async send(
    actor: Actor,
    id: string,
    command: CustomRequestCommand,
    ifMatch?: string,
  ): Promise<CustomRequestChangeResponse> {
    const result: HandleResult<CustomRequestState, CustomRequestEvent> =
      await this.commandBus.execute(
        new CustomRequestCommandMessage(id, command, actor.causation, commandOptions(ifMatch)),
      );
    if (result.state.status === 'none') throw notFound(id);
    return {
      customRequestId: id,
      status: result.state.status,
      statusLabel: CUSTOM_REQUEST_STATUS_LABELS[result.state.status],
      revision: existingRevisionOf(result.nextExpectedRevision),
    };
  }
}
