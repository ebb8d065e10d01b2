import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { FundingInstructions } from '../../../domain/orders';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** What the buyer pays with, as the gateway gave it: bank details to wire to, or a PayPal link. */
const FUNDING_INSTRUCTIONS_SCHEMA: SchemaObject[] = [
  {
    type: 'object',
    required: ['kind', 'iban', 'bic', 'accountHolderName', 'reference', 'amountCents'],
    properties: {
      kind: { type: 'string', enum: ['bank_transfer'] },
      iban: { type: 'string', example: 'FR7630001007941234567890185' },
      bic: { type: 'string', example: 'SIMUFRPPXXX' },
      accountHolderName: { type: 'string' },
      reference: { type: 'string', description: 'Put it on the transfer.' },
      amountCents: { type: 'integer', example: 49_900 },
    },
  },
  {
    type: 'object',
    required: ['kind', 'approvalUrl'],
    properties: {
      kind: { type: 'string', enum: ['paypal'] },
      approvalUrl: { type: 'string', format: 'uri' },
    },
  },
];

export class PlaceOrderDto {
  @ApiProperty({
    description: 'The published gig to order.',
    example: '3f1c2b9e-7a4d-4c51-9e0b-2d8a6f4b1c07',
  })
  @IsString()
  @MaxLength(100)
  gigId!: string;

  @ApiPropertyOptional({
    type: [String],
    description: "Ids of the gig's paid extras the buyer chooses.",
    example: ['express-48h'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  extraIds?: string[];

  @ApiProperty({
    description:
      'A card payment method token from the front end (card, the default way to pay), or `bank_transfer` (SEPA transfer to a virtual IBAN; the order waits for the funds), or `paypal`. Simulated gateway: `pm_card_visa` pays, `pm_card_declined` is refused (422 PAYMENT_DECLINED).',
    example: 'pm_card_visa',
  })
  @IsString()
  @MaxLength(255)
  paymentMethod!: string;
}

export class DeliverDto {
  @ApiProperty({ example: 'Voici votre business plan, version finale.' })
  @IsString()
  message!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Ids of files the seller uploaded as `deliverable` (POST /files).',
    example: ['3f6c2a9e-7b1d-4e8a-9c3f-2d5e6f7a8b90'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  fileRefs?: string[];
}

export class RevisionRequestDto {
  @ApiProperty({
    description:
      'Precise instructions for the next delivery; the delivery deadline no longer applies afterwards.',
    example: 'Merci de détailler le BFR sur 3 ans.',
  })
  @IsString()
  instructions!: string;
}

export class CancellationRequestDto {
  @ApiProperty({ example: 'Le projet est abandonné de notre côté.' })
  @IsString()
  reason!: string;
}

export class CancellationMarkAmendmentDto {
  @ApiProperty({
    enum: ['amend', 'withdraw'],
    example: 'amend',
    description:
      '`amend` replaces the comment (and optional rating) shown with the mark; `withdraw` takes the mark off the profile.',
  })
  @IsString()
  action!: 'amend' | 'withdraw';

  @ApiPropertyOptional({
    maxLength: 2000,
    example: 'Annulation prévenue à temps, aucun souci.',
    description: 'Required to amend; ignored to withdraw.',
  })
  @IsOptional()
  @IsString()
  comment?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 5, example: 4, nullable: true })
  @IsOptional()
  @IsInt()
  rating?: number | null;
}

export class PostMessageDto {
  @ApiPropertyOptional({ example: "Pouvez-vous m'envoyer le dernier bilan ?" })
  @IsOptional()
  @IsString()
  text?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Ids of files the author uploaded as `message_attachment` (POST /files).',
    example: ['3f6c2a9e-7b1d-4e8a-9c3f-2d5e6f7a8b90'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  fileRefs?: string[];
}

export class ReviewDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @ApiProperty({ example: 'Travail clair, livré en avance.' })
  @IsString()
  comment!: string;
}

export class OrderChangeResponse {
  @ApiProperty({ example: '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a' })
  orderId!: string;

  @ApiProperty({
    enum: [
      'awaiting_funds',
      'awaiting_start',
      'active',
      'delivered',
      'in_revision',
      'completed',
      'contested',
      'resolved',
      'cancelled',
    ],
    example: 'delivered',
  })
  status!: string;

  @ApiProperty({
    description:
      "French label shown to users: one of the seed's five (Actif, Délivré, Terminé, Contesté, Résolu), or Annulé.",
    example: 'Délivré',
  })
  statusLabel!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Which step of the label the order is in, when the label alone does not tell (e.g. "En attente de démarrage" for an order placed but not started).',
    example: null,
  })
  statusSubLabel!: string | null;

  @ApiProperty({ description: 'Order stream revision, for If-Match.', example: '4' })
  revision!: string;
}

export class PostedMessageResponse extends OrderChangeResponse {
  @ApiProperty({ example: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f' })
  messageId!: string;

  @ApiProperty({
    description:
      'True when the message holds contact details (e-mail, phone number, payment handle): the other party reads each as "[masqué]"; the sender and staff read it as sent.',
    example: true,
  })
  masked!: boolean;

  @ApiPropertyOptional({
    enum: ['CONTACT_DETAILS'],
    description: 'Why it was masked, when masked.',
  })
  reason?: 'CONTACT_DETAILS';

  @ApiPropertyOptional({
    type: [String],
    enum: ['email', 'phone', 'payment_handle'],
    description: 'The kinds of contact details found, when masked.',
    example: ['phone'],
  })
  detected?: string[];

  @ApiPropertyOptional({
    description: 'The rule explained to the sender, in French, when masked.',
    example:
      "Votre message contient des coordonnées (e-mail, téléphone ou moyen de paiement) : elles ont été masquées pour l'autre partie. Les échanges entre acheteur et vendeur se font uniquement via la plateforme ; ne communiquez aucune information personnelle.",
  })
  notice?: string;
}

export class PlacedOrderResponse extends OrderChangeResponse {
  @ApiProperty({ example: 'a3c1e5f7-9b2d-5e4f-8a6c-1b3d5f7a9c2e' })
  escrowId!: string;

  @ApiProperty({ description: 'Gig price plus chosen extras, TTC, in cents.', example: 49_900 })
  amountCents!: number;

  @ApiProperty({
    description: 'Platform commission (10 % catalog, 20 % custom), half-even.',
    example: 4_990,
  })
  commissionCents!: number;

  @ApiProperty({ example: 44_910 })
  sellerNetCents!: number;

  @ApiPropertyOptional({
    enum: ['bank_transfer', 'paypal'],
    description: 'Only while the order awaits its funds.',
  })
  paymentMethod?: 'bank_transfer' | 'paypal';

  @ApiPropertyOptional({
    description:
      'Only while the order awaits its funds: what the buyer pays with, as the gateway gave it.',
    oneOf: FUNDING_INSTRUCTIONS_SCHEMA,
  })
  fundingInstructions?: FundingInstructions;

  @ApiPropertyOptional({
    description: 'Only while the order awaits its funds: past it, the order expires.',
    example: '2026-12-08T10:00:00.000Z',
  })
  fundsDueAt?: string;
}

/** Where a transfer or PayPal payment stands (`GET /orders/{orderId}/funding`). */
export class OrderFundingResponse {
  @ApiProperty({ format: 'uuid' })
  orderId!: string;

  @ApiProperty({
    enum: ['awaiting_funds', 'payment_expired', 'funds_received'],
    description: 'Received: the order is placed and reads at `GET /orders/{orderId}`.',
  })
  status!: 'awaiting_funds' | 'payment_expired' | 'funds_received';

  @ApiProperty({ example: 'En attente de paiement' })
  statusLabel!: string;

  @ApiProperty({ enum: ['bank_transfer', 'paypal'] })
  paymentMethod!: 'bank_transfer' | 'paypal';

  @ApiProperty({ example: 49_900 })
  amountCents!: number;

  @ApiProperty({
    description: 'What the buyer pays with, as the gateway gave it.',
    oneOf: FUNDING_INSTRUCTIONS_SCHEMA,
  })
  fundingInstructions!: FundingInstructions;

  @ApiProperty({ example: '2026-12-08T10:00:00.000Z', description: 'Past it, the order expires.' })
  fundsDueAt!: string;

  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' })
  requestedAt!: string;
}
