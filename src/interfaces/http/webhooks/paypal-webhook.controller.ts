import { Controller, HttpCode, Inject, Optional, Post, RawBodyRequest, Req } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PAYPAL_WEBHOOKS } from '../../../infrastructure/payments/paypal/paypal.factory';
import { PayPalWebhooks } from '../../../infrastructure/payments/paypal/paypal-webhooks';
import { InvalidWebhookSignatureError } from '../../../infrastructure/payments/stripe/stripe-webhooks';
import { Public } from '../auth/actor';
import { ProblemException } from '../problem/problem-details.filter';
import {
  GatewayNotifications,
  NotificationResult,
} from '../../../application/payments/gateway-notifications.service';

/**
 * PayPal's webhooks (payout items paid or failed). PayPal verifies each one for us before
 * anything is read from it, so a forged or altered delivery is answered 400 and changes nothing.
 */
@ApiTags('webhooks')
@Controller('webhooks')
export class PayPalWebhookController {
  constructor(
    private readonly notifications: GatewayNotifications,
    @Optional() @Inject(PAYPAL_WEBHOOKS) private readonly webhooks: PayPalWebhooks | null = null,
  ) {}

  @Public()
  @Post('paypal')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async paypal(
    @Req() request: RawBodyRequest<FastifyRequest>,
  ): Promise<{ received: true; eventId: string } & NotificationResult> {
    if (!this.webhooks) {
      // Without a webhook id this deployment takes no PayPal webhooks at all.
      throw new ProblemException(
        404,
        'PAYPAL_WEBHOOKS_NOT_CONFIGURED',
        'PayPal webhooks are not configured on this server',
      );
    }
    let event;
    try {
      event = await this.webhooks.verify(request.rawBody ?? '', request.headers);
    } catch (error) {
      if (error instanceof InvalidWebhookSignatureError)
        throw new ProblemException(400, error.code, error.message);
      throw error;
    }
    const result = await this.notifications.handle(this.webhooks.toNotification(event));
    return { received: true, eventId: event.id, ...result };
  }
}
