import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class CustomDeadlineDto {
  @ApiProperty({
    enum: ['days', 'date'],
    description: 'A number of days, or a date to deliver by.',
    example: 'days',
  })
  @IsIn(['days', 'date'])
  kind!: 'days' | 'date';

  @ApiPropertyOptional({ description: 'With kind "days".', example: 10 })
  @IsOptional()
  @IsInt()
  days?: number;

  @ApiPropertyOptional({
    description: 'With kind "date": an ISO date in the future.',
    example: '2026-12-15T00:00:00.000Z',
  })
  @IsOptional()
  @IsString()
  date?: string;
}

export class SubmitCustomRequestDto {
  @ApiProperty({ example: 'Audit de ma politique de rémunération' })
  @IsString()
  title!: string;

  @ApiProperty({ example: 'PME de 40 salariés, grilles à revoir avant les NAO.' })
  @IsString()
  description!: string;

  @ApiProperty({ example: 'ressources-humaines' })
  @IsString()
  category!: string;

  @ApiProperty({ description: 'The price the buyer proposes, TTC, in cents.', example: 80_000 })
  @IsInt()
  proposedPriceCents!: number;

  @ApiProperty({ type: CustomDeadlineDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CustomDeadlineDto)
  deadline!: CustomDeadlineDto;
}

export class InviteSellersDto {
  @ApiProperty({
    type: [String],
    description: 'The sellers staff pick for this request.',
    example: ['9b2e4f61-0c3a-4d8e-b7f5-6a1d2c3e4f50'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  sellerIds!: string[];

  @ApiPropertyOptional({
    description: 'Days each seller has to answer; configured default when omitted.',
    example: 7,
  })
  @IsOptional()
  @IsInt()
  invitationTtlDays?: number;
}

export class CounterOfferDto {
  @ApiProperty({ description: 'TTC, in cents.', example: 95_000 })
  @IsInt()
  priceCents!: number;

  @ApiProperty({ example: 14 })
  @IsInt()
  deliveryDays!: number;
}

export class AcceptOfferDto {
  @ApiProperty({
    description: 'Payment method token; simulated gateway: `pm_card_visa` or `pm_card_declined`.',
    example: 'pm_card_visa',
  })
  @IsString()
  @MaxLength(255)
  paymentMethod!: string;
}

export class CustomRequestChangeResponse {
  @ApiProperty({ example: '6e5d4c3b-2a19-4087-9f6e-5d4c3b2a1908' })
  customRequestId!: string;

  @ApiProperty({ enum: ['open', 'converted', 'cancelled'], example: 'open' })
  status!: string;

  @ApiProperty({ example: 'Ouverte' })
  statusLabel!: string;

  @ApiProperty({ example: '1' })
  revision!: string;
}
