import { Controller, HttpCode, Inject, Post, RawBodyRequest, Req } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../../../infrastructure/config/config';
import { createStripeClient } from '../../../infrastructure/payments/stripe/stripe-payment-gateway';
import {
  InvalidWebhookSignatureError,
  StripeWebhooks,
} from '../../../infrastructure/payments/stripe/stripe-webhooks';
import { Public } from '../auth/actor';
import { ProblemException } from '../problem/problem-details.filter';
import {
  GatewayNotifications,
  NotificationResult,
} from '../../../application/payments/gateway-notifications.service';

/**
 * Stripe's signed webhooks. The signature is checked on the raw bytes before anything else, so
 * a forged or altered payload is answered 400 and changes nothing.
 */
@ApiTags('webhooks')
@Controller('webhooks')
export class StripeWebhookController {
  private readonly webhooks: StripeWebhooks | null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly notifications: GatewayNotifications,
  ) {
    // Verifying a signature needs no API call, so a placeholder key does when only the secret is set.
    this.webhooks = config.STRIPE_WEBHOOK_SECRET
      ? new StripeWebhooks(
          createStripeClient({
            secretKey: config.STRIPE_SECRET_KEY ?? 'sk_test_webhook_verification_only',
          }),
          config.STRIPE_WEBHOOK_SECRET,
        )
      : null;
  }

  @Public()
  @Post('stripe')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async stripe(
    @Req() request: RawBodyRequest<FastifyRequest>,
  ): Promise<{ received: true; eventId: string } & NotificationResult> {
    if (!this.webhooks) {
      // Without a signing secret this deployment takes no Stripe webhooks at all.
      throw new ProblemException(
        404,
        'STRIPE_WEBHOOKS_NOT_CONFIGURED',
        'Stripe webhooks are not configured on this server',
      );
    }
    const signature = request.headers['stripe-signature'];
    let event;
    try {
      event = this.webhooks.verify(
        request.rawBody ?? '',
        typeof signature === 'string' ? signature : undefined,
      );
    } catch (error) {
      if (error instanceof InvalidWebhookSignatureError)
        throw new ProblemException(400, error.code, error.message);
      throw error;
    }
    const result = await this.notifications.handle(this.webhooks.toNotification(event));
    return { received: true, eventId: event.id, ...result };
  }
}
