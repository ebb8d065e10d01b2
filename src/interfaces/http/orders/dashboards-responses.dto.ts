import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PartyResponse, SubjectResponse } from '../shared/read-model.dto';

/** Answer shapes of the dashboards, for the OpenAPI document (the read models build the values). */

const NULLABLE_INSTANT = { type: String, format: 'date-time', nullable: true } as const;

export class DashboardOrderResponse {
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ example: 'Logo vectoriel' }) title!: string;
  @ApiProperty({ example: 'gig' }) kind!: string;
  @ApiProperty({ example: 'active' }) status!: string;
  @ApiProperty({ example: 'En cours' }) statusLabel!: string;
  @ApiProperty({ type: String, nullable: true }) statusSubLabel!: string | null;
  @ApiProperty({ type: 'integer', example: 12000 }) amountCents!: number;
  @ApiProperty({ type: 'integer', example: 10800 }) sellerNetCents!: number;
  @ApiProperty({ format: 'date-time' }) placedAt!: string;
  @ApiProperty(NULLABLE_INSTANT) startedAt!: string | null;
  @ApiProperty(NULLABLE_INSTANT) deliveryDueAt!: string | null;
  @ApiProperty({ description: 'Past its delivery deadline.' }) late!: boolean;
  @ApiProperty(NULLABLE_INSTANT) deliveredAt!: string | null;
  @ApiProperty(NULLABLE_INSTANT) completedAt!: string | null;
  @ApiProperty(NULLABLE_INSTANT) cancelledAt!: string | null;
  @ApiProperty({ type: 'integer' }) refundedCents!: number;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 5 }) rating!: number | null;
  @ApiProperty({ type: PartyResponse }) buyer!: PartyResponse;
  @ApiProperty({ type: PartyResponse }) seller!: PartyResponse;
}

export class StatusCountResponse {
  @ApiProperty({ example: 'delivered' }) status!: string;
  @ApiProperty({ example: 'Livrée' }) label!: string;
  @ApiProperty({ type: String, nullable: true }) subLabel!: string | null;
  @ApiProperty({ type: 'integer' }) count!: number;
}

export class CustomRequestOfferSummary {
  @ApiProperty({ format: 'uuid' }) sellerId!: string;
  @ApiProperty({ type: 'integer' }) priceCents!: number;
  @ApiProperty({ type: 'integer' }) deliveryDays!: number;
  @ApiProperty() atBuyerTerms!: boolean;
}

export class OpenCustomRequestResponse {
  @ApiProperty({ format: 'uuid' }) customRequestId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ example: 'open' }) status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty({ type: 'integer', nullable: true }) proposedPriceCents!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-20' }) deadline?:
    string | null;
  @ApiProperty(NULLABLE_INSTANT) submittedAt!: string | null;
  @ApiProperty({ type: 'integer' }) invitedSellers!: number;
  @ApiProperty({ type: [CustomRequestOfferSummary] }) offers!: CustomRequestOfferSummary[];
}

export class BuyerDashboardResponse {
  @ApiProperty({ format: 'uuid' }) buyerId!: string;
  @ApiProperty({ type: [StatusCountResponse], description: 'Every order status, with its count.' })
  statuses!: StatusCountResponse[];
  @ApiProperty({ type: [DashboardOrderResponse] }) orders!: DashboardOrderResponse[];
  @ApiProperty({ type: [OpenCustomRequestResponse] })
  openCustomRequests!: OpenCustomRequestResponse[];
}

export class SellerEarningsResponse {
  @ApiProperty({ type: 'integer' }) earnedCents!: number;
  @ApiProperty({ type: 'integer' }) commissionCents!: number;
  @ApiProperty({ type: 'integer' }) pendingCents!: number;
  @ApiProperty({ type: 'integer' }) completedOrders!: number;
}

export class SellerDashboardResponse {
  @ApiProperty({ format: 'uuid' }) sellerId!: string;
  @ApiProperty({ type: [StatusCountResponse] }) statuses!: StatusCountResponse[];
  @ApiProperty({ type: [DashboardOrderResponse] }) toStart!: DashboardOrderResponse[];
  @ApiProperty({ type: [DashboardOrderResponse] }) due!: DashboardOrderResponse[];
  @ApiProperty({ type: [DashboardOrderResponse] }) late!: DashboardOrderResponse[];
  @ApiProperty({ type: SellerEarningsResponse }) earnings!: SellerEarningsResponse;
}

export class HeldEscrowResponse {
  @ApiProperty({ format: 'uuid' }) escrowId!: string;
  @ApiProperty({ type: SubjectResponse }) subject!: SubjectResponse;
  @ApiProperty({ type: 'integer' }) heldCents!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The dispute freezing it.' })
  frozenByDispute!: string | null;
}

export class WalletAccountHint {
  @ApiProperty({ example: 'bank' }) kind!: string;
  @ApiProperty({ type: String, nullable: true, example: 'FR76 •••• 0189' }) hint!: string | null;
}

export class DashboardPayoutResponse {
  @ApiProperty({ format: 'uuid' }) payoutId!: string;
  @ApiProperty({ type: 'integer' }) amountCents!: number;
  @ApiProperty({ type: String, nullable: true, example: 'sent' }) status!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Envoyé' }) statusLabel!: string | null;
  @ApiProperty({ type: String, nullable: true }) walletStatus!: string | null;
  @ApiProperty({ type: WalletAccountHint, nullable: true }) account!: WalletAccountHint | null;
  @ApiProperty({ type: String, nullable: true }) failureCode!: string | null;
  @ApiProperty(NULLABLE_INSTANT) updatedAt!: string | null;
}

export class WalletDashboardResponse {
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiProperty({ type: 'integer', example: 10800 }) availableCents!: number;
  @ApiProperty({ type: 'integer' }) heldInEscrowCents!: number;
  @ApiProperty({ type: 'integer' }) inTransitCents!: number;
  @ApiProperty({ type: 'integer' }) paidOutCents!: number;
  @ApiProperty({ type: 'integer' }) creditedCents!: number;
  @ApiProperty({ type: [HeldEscrowResponse] }) heldEscrows!: HeldEscrowResponse[];
  @ApiProperty({ type: [DashboardPayoutResponse] }) payouts!: DashboardPayoutResponse[];
}
