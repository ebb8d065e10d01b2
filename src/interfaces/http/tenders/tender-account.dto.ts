import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { TRANCHE_STATUSES } from '../../../domain/tenders';

const INSTANT = { type: String, format: 'date-time', example: '2026-03-01T09:00:00.000Z' };
const NULLABLE_INSTANT = { ...INSTANT, nullable: true };

/** "Alimenter le compte interne": one tranche, paid by card now. */
export class FundTrancheDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description:
      'The tranche, in cents TTC; funded + this must not exceed the agreed amount (422 PROJECT_ACCOUNT_OVERFUNDED).',
    example: 150_000,
  })
  @IsInt()
  @Min(1)
  @Max(100_000_000_00)
  amountCents!: number;

  @ApiProperty({
    description: 'What the tranche pays for, shown to both parties.',
    example: 'Maquettes et charte graphique',
    maxLength: 200,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  // A blank label is refused here, before the card is charged (the escrow would refuse it after).
  @Matches(/\S/, { message: 'label must not be blank' })
  label!: string;

  @ApiProperty({
    description:
      'A card token from the front end, charged at once. Simulated gateway: `pm_card_visa` works, `pm_card_declined` is refused (422 PAYMENT_DECLINED). Bank transfer and PayPal are not accepted here.',
    example: 'pm_card_visa',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  paymentMethodId!: string;
}

export class TrancheResponse {
  @ApiProperty({ format: 'uuid', example: '8b1e6d0c-2f3a-4c5b-9d6e-7f8a9b0c1d2e' })
  trancheId!: string;
  @ApiProperty({ example: 'Maquettes et charte graphique' }) label!: string;
  @ApiProperty({ type: 'integer', example: 150_000 }) amountCents!: number;
  @ApiProperty({ type: 'integer', example: 0 }) releasedCents!: number;
  @ApiProperty({ type: 'integer', example: 0 }) refundedCents!: number;
  @ApiProperty({
    enum: TRANCHE_STATUSES,
    description:
      '`funded` (on the account), `released` (paid out to the provider on the client’s acknowledgement or a decision), `refunded` (given back to the client by a decision), `split` (a decision shared it).',
    example: 'funded',
  })
  status!: string;
  @ApiProperty({ example: 'Sur le compte' }) statusLabel!: string;
  @ApiProperty(NULLABLE_INSTANT) fundedAt!: string | null;
  @ApiProperty(NULLABLE_INSTANT) settledAt!: string | null;
}

/** "Gestion paiements". */
export class TenderAccountResponse {
  @ApiProperty({ format: 'uuid', example: '2c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f' })
  projectId!: string;
  @ApiProperty({
    description: 'The project’s escrow id.',
    example: '1b7c2d3e-4f5a-4b6c-8d9e-0f1a2b3c4d5e',
  })
  escrowId!: string;
  @ApiProperty({ type: String, nullable: true, example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' })
  clientId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a' })
  providerId!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['base', 'r0'], example: 'r0' })
  formula!: string | null;
  @ApiProperty({
    type: 'integer',
    description: 'The agreed amount (follows accepted revisions).',
    example: 500_000,
  })
  agreedCents!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Paid in by the client, all tranches.',
    example: 300_000,
  })
  fundedCents!: number;
  @ApiProperty({ type: 'integer', description: 'Paid out to the provider.', example: 150_000 })
  releasedCents!: number;
  @ApiProperty({ type: 'integer', description: 'Given back to the client.', example: 0 })
  refundedCents!: number;
  @ApiProperty({
    type: 'integer',
    description: 'On the account now: the only part the provider should work on.',
    example: 150_000,
  })
  heldCents!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Still to fund: agreed − funded.',
    example: 200_000,
  })
  unfundedCents!: number;
  @ApiProperty({ description: 'Frozen by a dispute (SMA).', example: false }) frozen!: boolean;
  @ApiProperty({ type: String, nullable: true, example: null }) disputeId!: string | null;
  @ApiProperty({ example: 'Alimenté' }) statusLabel!: string;
  @ApiProperty({ type: [TrancheResponse] }) tranches!: TrancheResponse[];
}
