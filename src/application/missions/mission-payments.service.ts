import { Inject, Injectable } from '@nestjs/common';
import { MissionPayments } from './mission-payments.port';
import { MISSION_PAYMENT_GATEWAY, MissionPaymentGateway } from './mission-payment-gateway.port';
import { missionGatewayKeys } from './mission-money-ids';

/**
 * The `MISSION_PAYMENTS` port: what the mission request needs from the gateway before it is
 * published. `authorise_now` authorises the reservation under the mission's own key (the money
 * reactor repeats the call with the same key on `MissionRequested` and gets the same
 * authorisation); `authorise_later` saves the card for off-session use. A refused card throws
 * `PaymentDeclinedError` before anything is written.
 */
@Injectable()
export class MissionPaymentsService implements MissionPayments {
  constructor(@Inject(MISSION_PAYMENT_GATEWAY) private readonly gateway: MissionPaymentGateway) {}

  async secure(
    request: Parameters<MissionPayments['secure']>[0],
  ): Promise<{ paymentMethodRef: string }> {
    if (request.plan === 'authorise_now') {
      await this.gateway.authorise({
        missionId: request.missionId,
        clientId: request.clientId,
        amountCents: request.amountCents,
        paymentMethod: request.paymentMethod,
        idempotencyKey: missionGatewayKeys.firstAuthorisation(request.missionId),
      });
      // The card token itself: the reactor's repeat of the authorisation names the same card.
      return { paymentMethodRef: request.paymentMethod };
    }
    return this.gateway.savePaymentMethod({
      missionId: request.missionId,
      clientId: request.clientId,
      paymentMethod: request.paymentMethod,
      idempotencyKey: missionGatewayKeys.saveMethod(request.missionId),
    });
  }

  async saveReplacement(
    request: Parameters<MissionPayments['saveReplacement']>[0],
  ): Promise<{ paymentMethodRef: string }> {
    return this.gateway.savePaymentMethod({
      missionId: request.missionId,
      clientId: request.clientId,
      paymentMethod: request.paymentMethod,
      idempotencyKey: missionGatewayKeys.saveReplacement(request.missionId, request.idempotencyKey),
    });
  }
}
