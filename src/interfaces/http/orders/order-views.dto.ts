import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Answer shapes of the order, escrow and custom-request reads, for the OpenAPI document. */

const UUID = { format: 'uuid' } as const;
const NULLABLE_INSTANT = { type: String, format: 'date-time', nullable: true } as const;
const REVISION = { example: '3', description: 'Stream revision, for If-Match.' } as const;
const OPEN_OBJECT = { type: 'object', additionalProperties: true } as const;

export class OrderViewResponse {
  @ApiProperty(UUID) orderId!: string;
  @ApiProperty(UUID) escrowId!: string;
  @ApiProperty(UUID) buyerId!: string;
  @ApiProperty(UUID) sellerId!: string;
  @ApiProperty({ example: 'active' }) status!: string;
  @ApiProperty({ example: 'Actif' }) statusLabel!: string;
  @ApiProperty({ type: String, nullable: true }) statusSubLabel!: string | null;
  @ApiProperty({ ...OPEN_OBJECT, description: 'The gig (and extras) or the custom offer ordered.' })
  source!: Record<string, unknown>;
  @ApiProperty({ type: 'integer', example: 49900, description: 'TTC.' }) amountCents!: number;
  @ApiProperty({ type: 'integer' }) vatCents!: number;
  @ApiProperty({ type: 'integer', example: 1000 }) commissionRateBp!: number;
  @ApiProperty({ type: 'integer' }) commissionCents!: number;
  @ApiProperty({ type: 'integer' }) sellerNetCents!: number;
  @ApiProperty({ type: 'integer' }) totalDeliveryDays!: number;
  @ApiProperty({ format: 'date-time' }) placedAt!: string;
  @ApiProperty(NULLABLE_INSTANT) startedAt!: string | null;
  @ApiProperty(NULLABLE_INSTANT) deliveryDueAt!: string | null;
  @ApiProperty({ description: 'False once the buyer asked for a revision.' })
  deadlineApplies!: boolean;
  @ApiProperty(NULLABLE_INSTANT) lateMarkedAt!: string | null;
  @ApiProperty({ type: 'integer' }) deliveries!: number;
  @ApiProperty({ type: 'integer' }) revisionRequests!: number;
  @ApiProperty(NULLABLE_INSTANT) lastDeliveredAt!: string | null;
  @ApiProperty({ ...OPEN_OBJECT, nullable: true, description: '`requestedBy`, `reason`.' })
  pendingCancellation!: Record<string, unknown> | null;
  @ApiProperty({ ...OPEN_OBJECT, nullable: true, description: '`disputeId`, `contestedBy`.' })
  dispute!: Record<string, unknown> | null;
  @ApiProperty(NULLABLE_INSTANT) completedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) intellectualPropertyOwner!: string | null;
  @ApiProperty({
    ...OPEN_OBJECT,
    nullable: true,
    description: '`reason`, `cancelledBy`, `refundCents`, `markedOn`, `cancelledAt`.',
  })
  cancellation!: Record<string, unknown> | null;
  @ApiProperty({
    ...OPEN_OBJECT,
    nullable: true,
    description: '`rating`, `comment`, `reviewedAt`.',
  })
  review!: Record<string, unknown> | null;
  @ApiProperty(REVISION) revision!: string;
}

export class DetectedContactDetail {
  @ApiProperty({ enum: ['email', 'phone', 'payment_handle'] }) kind!: string;
  @ApiProperty({ type: 'integer' }) start!: number;
  @ApiProperty({ type: 'integer' }) end!: number;
  @ApiProperty() value!: string;
}

export class MessageFlag {
  @ApiProperty({ enum: ['CONTACT_DETAILS'] }) reason!: string;
  @ApiProperty({ type: [DetectedContactDetail] }) detected!: DetectedContactDetail[];
}

export class OrderMessageResponse {
  @ApiProperty(UUID) messageId!: string;
  @ApiProperty(UUID) authorId!: string;
  @ApiProperty({ example: 'Merci pour votre commande !' }) text!: string;
  @ApiProperty({ type: [String] }) fileRefs!: string[];
  @ApiProperty({ description: "Posted by the platform (the gig's opening message)." })
  automatic!: boolean;
  @ApiProperty({ format: 'date-time' }) postedAt!: string;
  @ApiProperty({
    description: 'Contact details were found: the other party reads each as "[masqué]".',
  })
  masked!: boolean;
  @ApiPropertyOptional({ type: MessageFlag, description: 'Staff only, on a masked message.' })
  flag?: MessageFlag;
}

export class EscrowViewResponse {
  @ApiProperty(UUID) escrowId!: string;
  @ApiProperty({ ...OPEN_OBJECT, description: '`kind` and `id` of what the money is for.' })
  subject!: Record<string, unknown>;
  @ApiProperty(UUID) payerId!: string;
  @ApiProperty(UUID) payeeId!: string;
  @ApiProperty({ example: 'held' }) status!: string;
  @ApiProperty({ example: 'Sous séquestre' }) statusLabel!: string;
  @ApiProperty({ type: 'integer' }) commissionRateBp!: number;
  @ApiProperty({ type: 'integer' }) fundedCents!: number;
  @ApiProperty({ type: 'integer' }) releasedCents!: number;
  @ApiProperty({ type: 'integer' }) refundedCents!: number;
  @ApiProperty({ type: 'integer' }) heldCents!: number;
  @ApiProperty({ type: 'integer' }) commissionCents!: number;
  @ApiProperty({ type: 'integer' }) payeeNetCents!: number;
  @ApiProperty({ type: String, nullable: true }) frozenByDisputeId!: string | null;
  @ApiProperty(REVISION) revision!: string;
}

export class CustomRequestViewResponse {
  @ApiProperty(UUID) customRequestId!: string;
  @ApiProperty(UUID) buyerId!: string;
  @ApiProperty({ example: 'open' }) status!: string;
  @ApiProperty({ example: 'Ouverte' }) statusLabel!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ type: 'integer' }) proposedPriceCents!: number;
  @ApiProperty({
    type: 'object',
    required: ['kind'],
    properties: { kind: { type: 'string', enum: ['days', 'date'] }, days: { type: 'integer' }, date: { type: 'string' } },
    description: "The buyer's deadline: a number of days or a date.",
  })
  deadline!: unknown;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      required: ['sellerId', 'status'],
      properties: { sellerId: { type: 'string' }, status: { type: 'string' } },
      additionalProperties: true,
    },
    description: 'The buyer and staff see every invitation; an invited seller sees only their own.',
  })
  invitations!: unknown[];
  @ApiProperty({ type: String, nullable: true }) orderId!: string | null;
  @ApiProperty(REVISION) revision!: string;
}
