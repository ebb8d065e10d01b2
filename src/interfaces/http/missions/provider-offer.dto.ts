import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export const OFFER_EXAMPLE = {
  providerId: '9b2e4f61-0c3a-4d8e-b7f5-6a1d2c3e4f50',
  serviceTypeId: '0b7a1c2d-3e4f-5a6b-8c7d-9e0f1a2b3c4d',
  exceptionId: '5e1d6c7b-2a3f-4b8c-9d0e-1f2a3b4c5d6e',
};

/** PUT /me/provider-offer/services/{serviceTypeId}: an hourly rate or a fixed price, TTC cents. */
export class OfferServiceDto {
  @ApiProperty({
    enum: ['hourly', 'fixed'],
    description:
      "Per hour (times the request's estimated duration) or a fixed price per intervention.",
    example: 'hourly',
  })
  @IsIn(['hourly', 'fixed'])
  kind!: 'hourly' | 'fixed';

  @ApiPropertyOptional({
    description: 'With `hourly`: TTC cents per hour, 100 to 100 000.',
    example: 2_500,
  })
  @ValidateIf((o: OfferServiceDto) => o.kind === 'hourly')
  @IsInt()
  hourlyRateCents?: number;

  @ApiPropertyOptional({
    description: 'With `fixed`: TTC cents per intervention, 100 to 1 000 000.',
    example: 8_000,
  })
  @ValidateIf((o: OfferServiceDto) => o.kind === 'fixed')
  @IsInt()
  fixedPriceCents?: number;
}

export class ZoneDto {
  @ApiProperty({ description: 'French postal code, five digits.', example: '69003' })
  @IsString()
  @MaxLength(10)
  postalCode!: string;

  @ApiPropertyOptional({
    description: 'The commune; when absent, the first commune of the postal code.',
    example: 'Lyon',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  city?: string;

  @ApiPropertyOptional({
    description:
      'Latitude of the base location; with `lng`, or both absent to derive them from the postal code.',
    example: 45.7597,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  lat?: number;

  @ApiPropertyOptional({ description: 'Longitude of the base location.', example: 4.8422 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  lng?: number;

  @ApiProperty({
    description: 'Radius covered around the base location, whole km, 1 to 100.',
    example: 15,
  })
  @IsInt()
  radiusKm!: number;
}

export class WeeklySlotDto {
  @ApiProperty({ description: 'ISO weekday: 1 Monday .. 7 Sunday.', example: 1 })
  @IsInt()
  weekday!: number;

  @ApiProperty({ description: '"HH:MM", Europe/Paris local time.', example: '09:00' })
  @IsString()
  @MaxLength(5)
  from!: string;

  @ApiProperty({ description: '"HH:MM" after `from` (24:00 for midnight).', example: '12:30' })
  @IsString()
  @MaxLength(5)
  to!: string;
}

export class WeeklyHoursDto {
  @ApiProperty({
    type: [WeeklySlotDto],
    description:
      'The whole weekly schedule (replaces the previous one); slots of one day may touch, never overlap.',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => WeeklySlotDto)
  slots!: WeeklySlotDto[];
}

export class AvailabilityExceptionDto {
  @ApiProperty({
    enum: ['unavailable', 'available'],
    description: '`unavailable` (holidays, a day off) or `available` (extra hours).',
    example: 'unavailable',
  })
  @IsIn(['unavailable', 'available'])
  kind!: 'unavailable' | 'available';

  @ApiProperty({ description: 'ISO 8601 instant.', example: '2026-08-03T00:00:00+02:00' })
  @IsString()
  @MaxLength(40)
  from!: string;

  @ApiProperty({
    description: 'ISO 8601 instant after `from`, in the future; at most a year later.',
    example: '2026-08-17T00:00:00+02:00',
  })
  @IsString()
  @MaxLength(40)
  to!: string;
}

export class PricingResponse {
  @ApiProperty({ enum: ['hourly', 'fixed'], example: 'hourly' })
  kind!: string;

  @ApiPropertyOptional({ example: 2_500 })
  hourlyRateCents?: number;

  @ApiPropertyOptional({ example: 8_000 })
  fixedPriceCents?: number;
}

export class OfferedServiceResponse {
  @ApiProperty({ format: 'uuid', example: OFFER_EXAMPLE.serviceTypeId })
  serviceTypeId!: string;

  @ApiProperty({ nullable: true, type: String, example: 'Ménage' })
  label!: string | null;

  @ApiProperty({
    enum: ['active', 'retired', 'unknown'],
    description: 'A retired type stays in the offer but takes no new mission.',
    example: 'active',
  })
  serviceTypeStatus!: string;

  @ApiProperty({ type: PricingResponse })
  pricing!: PricingResponse;

  @ApiProperty({ format: 'date-time', example: '2026-03-01T08:00:00.000Z' })
  offeredAt!: string;
}

export class ZoneResponse {
  @ApiProperty({ example: '69003' })
  postalCode!: string;

  @ApiProperty({ example: 'Lyon' })
  city!: string;

  @ApiProperty({ example: 45.7597 })
  lat!: number;

  @ApiProperty({ example: 4.8422 })
  lng!: number;

  @ApiProperty({ example: 15 })
  radiusKm!: number;
}

export class PublicZoneResponse {
  @ApiProperty({ example: '69003' })
  postalCode!: string;

  @ApiProperty({ example: 'Lyon' })
  city!: string;

  @ApiProperty({ example: 15 })
  radiusKm!: number;
}

export class WeeklySlotResponse {
  @ApiProperty({ example: 1 }) weekday!: number;
  @ApiProperty({ example: '09:00' }) from!: string;
  @ApiProperty({ example: '12:30' }) to!: string;
}

export class AvailabilityExceptionResponse {
  @ApiProperty({ format: 'uuid', example: OFFER_EXAMPLE.exceptionId })
  exceptionId!: string;

  @ApiProperty({ enum: ['unavailable', 'available'], example: 'unavailable' })
  kind!: string;

  @ApiProperty({ format: 'date-time', example: '2026-08-02T22:00:00.000Z' })
  from!: string;

  @ApiProperty({ format: 'date-time', example: '2026-08-16T22:00:00.000Z' })
  to!: string;
}

/** The provider's own offer (GET /me/provider-offer and the answer of every change). */
export class ProviderOfferResponse {
  @ApiProperty({ format: 'uuid', example: OFFER_EXAMPLE.providerId })
  providerId!: string;

  @ApiProperty({
    description:
      'Every required document approved and in date: only verified providers are sent requests and take paid missions.',
    example: true,
  })
  verified!: boolean;

  @ApiProperty({ type: [OfferedServiceResponse] })
  services!: OfferedServiceResponse[];

  @ApiProperty({ type: ZoneResponse, nullable: true, description: 'Null until the zone is set.' })
  zone!: ZoneResponse | null;

  @ApiProperty({ type: [WeeklySlotResponse] })
  weeklyHours!: WeeklySlotResponse[];

  @ApiProperty({ type: [AvailabilityExceptionResponse], description: 'Sorted by start.' })
  exceptions!: AvailabilityExceptionResponse[];

  @ApiProperty({
    description: 'Stream revision (`-1` before the first declaration), for If-Match.',
    example: '3',
  })
  revision!: string;
}

export class ExceptionAddedResponse extends ProviderOfferResponse {
  @ApiProperty({
    format: 'uuid',
    description: 'The new exception (DELETE it by this id).',
    example: OFFER_EXAMPLE.exceptionId,
  })
  exceptionId!: string;
}

/** What a client sees of a provider found by reference (seed 002). */
export class PublicProviderOfferResponse {
  @ApiProperty({ format: 'uuid', example: OFFER_EXAMPLE.providerId })
  providerId!: string;

  @ApiProperty({ example: 'PR-7K3Q9' })
  providerReference!: string;

  @ApiProperty({ description: 'Only verified providers take paid missions.', example: true })
  verified!: boolean;

  @ApiProperty({ type: [OfferedServiceResponse], description: 'Active service types only.' })
  services!: OfferedServiceResponse[];

  @ApiProperty({
    type: PublicZoneResponse,
    nullable: true,
    description: 'The area covered; the exact base location stays private.',
  })
  zone!: PublicZoneResponse | null;

  @ApiProperty({ type: [WeeklySlotResponse] })
  weeklyHours!: WeeklySlotResponse[];

  @ApiProperty({
    type: [AvailabilityExceptionResponse],
    description: 'Exceptions that have not ended yet.',
  })
  exceptions!: AvailabilityExceptionResponse[];
}
