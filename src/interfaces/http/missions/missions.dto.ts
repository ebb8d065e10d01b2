import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  APPRECIATION_COMMENT_MAX_LENGTH,
  APPRECIATION_SCALE,
  MISSION_COMMENT_MAX_LENGTH,
  MISSION_DETAILS_MAX_LENGTH,
  MISSION_DURATION_MAX_MINUTES,
  MISSION_DURATION_MIN_MINUTES,
  MISSION_MESSAGE_MAX_FILES,
  MISSION_MESSAGE_MAX_LENGTH,
  RECOMMENDATION_MAX_LENGTH,
  REFUSAL_REASONS,
} from '../../../domain/missions';

export class MissionPlaceDto {
  @ApiProperty({ example: '12 rue des Lilas', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  address!: string;

  @ApiProperty({ description: 'French postal code (5 digits).', example: '69003' })
  @IsString()
  @Matches(/^\d{5}$/, { message: 'postalCode must be 5 digits' })
  postalCode!: string;

  @ApiPropertyOptional({
    description:
      'The commune; when absent it comes from the postal code (the first commune when the code serves several).',
    example: 'Lyon',
    maxLength: 300,
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  city?: string;

  @ApiPropertyOptional({
    description: 'Latitude; with `lng`, or both derived from the postal code.',
    example: 45.7597,
  })
  @IsOptional()
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat?: number;

  @ApiPropertyOptional({ description: 'Longitude.', example: 4.8422 })
  @IsOptional()
  @IsNumber()
  @Min(-180)
  @Max(180)
  lng?: number;
}

const START_DESCRIPTION = 'When the intervention starts (ISO 8601, in the future).';
const DURATION_DESCRIPTION = `Estimated duration in minutes (${MISSION_DURATION_MIN_MINUTES} to ${MISSION_DURATION_MAX_MINUTES}); an hourly price is the rate times this.`;

export class PublishMissionDto {
  @ApiProperty({
    description: 'A service type of the catalogue (`GET /service-types`).',
    example: '7c1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  serviceTypeId!: string;

  @ApiProperty({ type: MissionPlaceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MissionPlaceDto)
  place!: MissionPlaceDto;

  @ApiProperty({ description: START_DESCRIPTION, example: '2026-12-10T08:00:00.000Z' })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({
    description: DURATION_DESCRIPTION,
    minimum: MISSION_DURATION_MIN_MINUTES,
    maximum: MISSION_DURATION_MAX_MINUTES,
    example: 120,
  })
  @IsInt()
  @Min(MISSION_DURATION_MIN_MINUTES)
  @Max(MISSION_DURATION_MAX_MINUTES)
  durationMinutes!: number;

  @ApiPropertyOptional({
    description: '"Détails importants": anything the provider must know.',
    example: 'Digicode 4521, 3e étage. Prévoir les produits.',
    maxLength: MISSION_DETAILS_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MISSION_DETAILS_MAX_LENGTH)
  details?: string;

  @ApiPropertyOptional({
    description:
      'Seed 002 "trouver un intervenant grâce à sa référence": the request goes to this provider only (their zone and agenda are not checked; they answer). Absent: it is dispatched to the available providers.',
    example: 'PR-7K3Q9',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  providerReference?: string;

  @ApiPropertyOptional({
    description:
      'A card token from the front end. Simulated gateway: `pm_card_visa` works, `pm_card_declined` is refused (422 PAYMENT_DECLINED). Exactly one of `paymentMethod` and `hourPackId` (else 422 MISSION_PAYMENT_SOURCE_REQUIRED).',
    example: 'pm_card_visa',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  paymentMethod?: string;

  @ApiPropertyOptional({
    description:
      'Pay from one of your hour packs instead of a card (`GET /me/hour-packs`): the pack must be of this service type, valid at the start and have the duration available (422 HOUR_PACK_NOT_FOUND, HOUR_PACK_WRONG_SERVICE_TYPE, HOUR_PACK_EXPIRED, HOUR_PACK_INSUFFICIENT_HOURS). No card is authorised.',
    example: '0b6f7c1e-3a41-4f7e-9d2b-6a9e2f1c8d40',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  hourPackId?: string;
}

export class ChangeMissionDto {
  @ApiPropertyOptional({ type: MissionPlaceDto, description: 'A new place (the whole place).' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MissionPlaceDto)
  place?: MissionPlaceDto;

  @ApiPropertyOptional({ description: START_DESCRIPTION, example: '2026-12-11T14:00:00.000Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startsAt?: string;

  @ApiPropertyOptional({
    description: DURATION_DESCRIPTION,
    minimum: MISSION_DURATION_MIN_MINUTES,
    maximum: MISSION_DURATION_MAX_MINUTES,
    example: 180,
  })
  @IsOptional()
  @IsInt()
  @Min(MISSION_DURATION_MIN_MINUTES)
  @Max(MISSION_DURATION_MAX_MINUTES)
  durationMinutes?: number;

  @ApiPropertyOptional({ example: 'Finalement 3 heures.', maxLength: MISSION_DETAILS_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MISSION_DETAILS_MAX_LENGTH)
  details?: string;
}

export class ProposeMissionChangeDto {
  @ApiPropertyOptional({ description: START_DESCRIPTION, example: '2026-12-10T09:00:00.000Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startsAt?: string;

  @ApiPropertyOptional({
    description: DURATION_DESCRIPTION,
    minimum: MISSION_DURATION_MIN_MINUTES,
    maximum: MISSION_DURATION_MAX_MINUTES,
    example: 180,
  })
  @IsOptional()
  @IsInt()
  @Min(MISSION_DURATION_MIN_MINUTES)
  @Max(MISSION_DURATION_MAX_MINUTES)
  durationMinutes?: number;

  @ApiPropertyOptional({
    example: 'Ajouter le nettoyage des vitres.',
    maxLength: MISSION_DETAILS_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MISSION_DETAILS_MAX_LENGTH)
  details?: string;
}

export class RefuseMissionDto {
  @ApiProperty({
    enum: REFUSAL_REASONS,
    description:
      'Seed 000: skills (compétences), availability (disponibilité), place (lieu), or other.',
    example: 'availability',
  })
  @IsIn(REFUSAL_REASONS as unknown as string[])
  reason!: (typeof REFUSAL_REASONS)[number];

  @ApiPropertyOptional({ example: 'Déjà pris ce matin-là.', maxLength: MISSION_COMMENT_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MISSION_COMMENT_MAX_LENGTH)
  comment?: string;
}

export class CommentDto {
  @ApiPropertyOptional({ example: 'Impossible ce jour-là.', maxLength: MISSION_COMMENT_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MISSION_COMMENT_MAX_LENGTH)
  comment?: string;
}

export class CancelMissionDto {
  @ApiPropertyOptional({ example: 'Empêchement.', maxLength: MISSION_COMMENT_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MISSION_COMMENT_MAX_LENGTH)
  reason?: string;
}

export class PostMissionMessageDto {
  @ApiProperty({
    example: 'Bonjour, faut-il apporter une échelle ?',
    maxLength: MISSION_MESSAGE_MAX_LENGTH,
  })
  @IsString()
  @MaxLength(MISSION_MESSAGE_MAX_LENGTH)
  text!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Ids of files the author uploaded as `message_attachment` (POST /files).',
    example: ['3f6c2a9e-7b1d-4e8a-9c3f-2d5e6f7a8b90'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MISSION_MESSAGE_MAX_FILES)
  @IsString({ each: true })
  fileIds?: string[];
}

export class AppreciateMissionDto {
  @ApiProperty({
    enum: APPRECIATION_SCALE,
    description: 'Seed 002: −2 très insatisfait, −1 insatisfait, 1 satisfait, 2 très satisfait.',
    example: 2,
  })
  @IsIn(APPRECIATION_SCALE as unknown as number[])
  value!: (typeof APPRECIATION_SCALE)[number];

  @ApiPropertyOptional({
    example: 'Ponctuelle et très soigneuse.',
    maxLength: APPRECIATION_COMMENT_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(APPRECIATION_COMMENT_MAX_LENGTH)
  comment?: string;
}

export class RecommendMissionDto {
  @ApiProperty({ example: 'Je recommande sans hésiter.', maxLength: RECOMMENDATION_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(RECOMMENDATION_MAX_LENGTH)
  text!: string;
}

export class ReplacePaymentMethodDto {
  @ApiProperty({
    description: 'A new card token, after the automatic authorisation of the saved one failed.',
    example: 'pm_card_visa',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  paymentMethod!: string;
}
