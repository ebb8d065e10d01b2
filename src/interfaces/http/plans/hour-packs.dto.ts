import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../shared/page-query.dto';

const INSTANT = { type: String, format: 'date-time', example: '2026-03-01T09:00:00.000Z' };

export class PurchaseHourPackDto {
  @ApiProperty({
    description:
      'An active plan of kind `hour_pack` (its current version’s price and terms apply).',
    example: 'plan-menage-10h',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  planId!: string;

  @ApiProperty({
    description:
      'A card token from the front end, saved and charged at once. Simulated gateway: `pm_card_visa` works, `pm_card_declined` is refused (422 PAYMENT_DECLINED).',
    example: 'pm_card_visa',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  paymentMethod!: string;
}

export class HourPackListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['active', 'expired', 'withdrawn'], example: 'active' })
  @IsOptional()
  @IsIn(['active', 'expired', 'withdrawn'])
  status?: 'active' | 'expired' | 'withdrawn';
}

export class HourPackMissionResponse {
  @ApiProperty({ format: 'uuid', example: '6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e' })
  missionId!: string;
  @ApiProperty({ type: 'integer', example: 120 }) minutes!: number;
  @ApiProperty({
    enum: ['reserved', 'consumed', 'released'],
    description:
      '`reserved` at the mission’s confirmation, `consumed` at its validation, `released` when it was cancelled before.',
    example: 'consumed',
  })
  use!: string;
  @ApiProperty({
    type: 'integer',
    description: 'Once consumed: the minutes’ share of the pack’s price, in cents (0 before).',
    example: 5_000,
  })
  valueCents!: number;
}

export class HourPackResponse {
  @ApiProperty({ format: 'uuid', example: '0b6f7c1e-3a41-4f7e-9d2b-6a9e2f1c8d40' }) packId!: string;
  @ApiProperty({ example: 'plan-menage-10h' }) planId!: string;
  @ApiProperty({ type: 'integer', example: 1 }) planVersion!: number;
  @ApiProperty({ example: 'Pack Ménage 10 h' }) planName!: string;
  @ApiProperty({
    description: 'The service type whose missions the pack pays.',
    example: 'st-menage',
  })
  serviceTypeId!: string;
  @ApiProperty({
    enum: ['active', 'expired', 'withdrawn'],
    description:
      '`active` until `expiresAt`; `expired` afterwards (unused minutes refunded); `withdrawn` after the withdrawal (fully refunded).',
    example: 'active',
  })
  status!: string;
  @ApiProperty({ type: 'integer', description: 'Price paid, TTC, in cents.', example: 25_000 })
  priceTtcCents!: number;
  @ApiProperty({ type: 'integer', description: 'Minutes bought.', example: 600 }) minutes!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Held by confirmed missions not yet validated.',
    example: 120,
  })
  reservedMinutes!: number;
  @ApiProperty({ type: 'integer', description: 'Used by validated missions.', example: 120 })
  consumedMinutes!: number;
  @ApiProperty({ type: 'integer', description: 'Refunded (withdrawal or expiry).', example: 0 })
  refundedMinutes!: number;
  @ApiProperty({
    type: 'integer',
    description: 'minutes − reserved − consumed − refunded: what a new mission may use.',
    example: 360,
  })
  availableMinutes!: number;
  @ApiProperty({ type: 'integer', example: 5_000 }) consumedCents!: number;
  @ApiProperty({ type: 'integer', example: 0 }) refundedCents!: number;
  @ApiProperty(INSTANT) purchasedAt!: string;
  @ApiProperty({ ...INSTANT, example: '2026-09-01T09:00:00.000Z' }) expiresAt!: string;
  @ApiProperty({ ...INSTANT, nullable: true, example: null }) expiredAt!: string | null;
  @ApiProperty({
    type: [HourPackMissionResponse],
    description: 'The missions the pack paid or holds minutes for.',
  })
  missions!: HourPackMissionResponse[];
}

export class HourPackListResponse {
  @ApiProperty({ type: [HourPackResponse] }) items!: HourPackResponse[];
}
