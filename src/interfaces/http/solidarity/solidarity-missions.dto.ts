import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../shared/page-query.dto';

const MISSION_ID = '5b8f0c2e-1d3a-4e7b-9c6d-2a4f6e8b0c1d';
const VOLUNTEER_ID = '8d1c7e2a-4b6f-4c3d-9e0a-1f2b3c4d5e6f';
const ASSOCIATION_ID = '2a9e4c1b-7d3f-4e8a-b6c5-0d1e2f3a4b5c';

export class SolidarityPlaceDto {
  @ApiProperty({ example: '3 rue de la Solidarité', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  address!: string;

  @ApiProperty({
    description: 'French postal code (5 digits); the coordinates come from it.',
    example: '75011',
  })
  @IsString()
  @Matches(/^\d{5}$/, { message: 'postalCode must be 5 digits' })
  postalCode!: string;

  @ApiPropertyOptional({
    description: 'The commune; when absent it comes from the postal code.',
    example: 'Paris',
    maxLength: 300,
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  city?: string;
}

export class ProposeSolidarityMissionDto {
  @ApiProperty({
    description: 'An active solidarity type (GET /solidarity/types).',
    example: 'aide-alimentaire',
  })
  @IsString()
  @MaxLength(100)
  solidarityTypeId!: string;

  @ApiProperty({
    description: '1 to 120 characters.',
    example: 'Distribution de colis alimentaires',
  })
  @IsString()
  @MaxLength(500)
  title!: string;

  @ApiProperty({
    description: 'Up to 4 000 characters; may be empty.',
    example: 'Préparer et distribuer 80 colis avec l’équipe.',
  })
  @IsString()
  @MaxLength(8_000)
  description!: string;

  @ApiProperty({ type: SolidarityPlaceDto })
  @ValidateNested()
  @Type(() => SolidarityPlaceDto)
  place!: SolidarityPlaceDto;

  @ApiProperty({
    format: 'date-time',
    description: 'In the future.',
    example: '2026-12-12T09:00:00.000Z',
  })
  @IsDateString()
  startsAt!: string;

  @ApiProperty({ minimum: 30, maximum: 720, example: 180 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  durationMinutes!: number;

  @ApiProperty({ minimum: 1, maximum: 100, example: 3 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  volunteersNeeded!: number;
}

export class CancelSolidarityMissionDto {
  @ApiProperty({
    description: '1 to 1 000 characters, sent to the volunteers signed up.',
    example: 'La salle n’est plus disponible.',
  })
  @IsString()
  @MaxLength(2_000)
  reason!: string;
}

export class ConfirmAttendanceDto {
  @ApiProperty({
    type: [String],
    description:
      'The volunteers who came, among those signed up; every other one signed up is recorded absent.',
    example: [VOLUNTEER_ID],
    maxItems: 100,
  })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  attended!: string[];
}

export class BrowseSolidarityMissionsQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'A French postal code: nearest missions first, within `radiusKm`.',
    example: '75011',
  })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'near must be a 5-digit postal code' })
  near?: string;

  @ApiPropertyOptional({
    description: 'With `near`: whole km, 1 to 200.',
    minimum: 1,
    maximum: 200,
    default: 20,
    example: 20,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  radiusKm?: number;

  @ApiPropertyOptional({
    description: 'Only missions of this solidarity type.',
    example: 'aide-alimentaire',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  type?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Only missions starting at or after this instant.',
    example: '2026-12-01T00:00:00.000Z',
  })
  @IsOptional()
  @IsDateString()
  from?: string;
}

export class SolidarityPlaceResponse {
  @ApiProperty({ example: '3 rue de la Solidarité' })
  address!: string;
  @ApiProperty({ example: '75011' })
  postalCode!: string;
  @ApiProperty({ example: 'Paris' })
  city!: string;
  @ApiProperty({ example: 48.8674 })
  lat!: number;
  @ApiProperty({ example: 2.3636 })
  lng!: number;
}

export class SolidarityMissionResponse {
  @ApiProperty({ format: 'uuid', example: MISSION_ID })
  missionId!: string;
  @ApiProperty({ enum: ['open', 'full', 'cancelled', 'completed'], example: 'open' })
  status!: string;
  @ApiProperty({ example: 'Ouverte' })
  statusLabel!: string;
  @ApiProperty({ format: 'uuid', example: ASSOCIATION_ID })
  associationId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Les Restos du Cœur Paris 11' })
  associationName!: string | null;
  @ApiProperty({ example: 'aide-alimentaire' })
  solidarityTypeId!: string;
  @ApiProperty({ example: 'Aide alimentaire' })
  solidarityTypeLabel!: string;
  @ApiProperty({ example: 'Distribution de colis alimentaires' })
  title!: string;
  @ApiProperty({ example: 'Préparer et distribuer 80 colis avec l’équipe.' })
  description!: string;
  @ApiProperty({ type: SolidarityPlaceResponse })
  place!: SolidarityPlaceResponse;
  @ApiProperty({ format: 'date-time', example: '2026-12-12T09:00:00.000Z' })
  startsAt!: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-12T12:00:00.000Z' })
  endsAt!: string;
  @ApiProperty({ example: 180 })
  durationMinutes!: number;
  @ApiProperty({ example: 3 })
  volunteersNeeded!: number;
  @ApiProperty({ example: 1 })
  volunteersSignedUp!: number;
  @ApiProperty({ example: 2 })
  placesLeft!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'From the `near` postal code, km to 0.1.',
    example: 1.2,
  })
  distanceKm!: number | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-01T09:00:00.000Z' })
  proposedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  cancelledAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null })
  cancelReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  attendanceConfirmedAt!: string | null;
}

export class SolidarityMissionDetailResponse extends SolidarityMissionResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['signed_up', 'withdrawn', 'attended', 'absent', 'mission_cancelled', null],
    description: 'The caller’s own sign-up on this mission, or null.',
    example: null,
  })
  mySignUp!: string | null;
}

export class SolidarityMissionListResponse {
  @ApiProperty({ type: [SolidarityMissionResponse] })
  items!: SolidarityMissionResponse[];
}

export class MissionVolunteerResponse {
  @ApiProperty({ format: 'uuid', example: VOLUNTEER_ID })
  volunteerId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null once the account is erased.',
    example: 'Camille Bernard',
  })
  displayName!: string | null;
  @ApiProperty({
    enum: ['signed_up', 'withdrawn', 'attended', 'absent', 'mission_cancelled'],
    example: 'signed_up',
  })
  status!: string;
  @ApiProperty({ example: 'Inscrit' })
  statusLabel!: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-02T10:00:00.000Z' })
  signedUpAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  withdrewAt!: string | null;
}

export class AssociationMissionResponse extends SolidarityMissionResponse {
  @ApiProperty({ type: [MissionVolunteerResponse] })
  volunteers!: MissionVolunteerResponse[];
}

export class AssociationMissionListResponse {
  @ApiProperty({ type: [AssociationMissionResponse] })
  items!: AssociationMissionResponse[];
}

export class VolunteerSignUpResponse {
  @ApiProperty({
    enum: ['signed_up', 'withdrawn', 'attended', 'absent', 'mission_cancelled'],
    example: 'signed_up',
  })
  signUpStatus!: string;
  @ApiProperty({ example: 'Inscrit' })
  signUpStatusLabel!: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-02T10:00:00.000Z' })
  signedUpAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  withdrewAt!: string | null;
  @ApiProperty({ type: SolidarityMissionResponse })
  mission!: SolidarityMissionResponse;
}

export class VolunteerSignUpListResponse {
  @ApiProperty({ type: [VolunteerSignUpResponse] })
  items!: VolunteerSignUpResponse[];
}

/** The mission as its stream holds it after a change (no projection lag). */
export class SolidarityMissionChangeResponse {
  @ApiProperty({ format: 'uuid', example: MISSION_ID })
  missionId!: string;
  @ApiProperty({ enum: ['open', 'full', 'cancelled', 'completed'], example: 'open' })
  status!: string;
  @ApiProperty({ example: 'Ouverte' })
  statusLabel!: string;
  @ApiProperty({ example: 3 })
  volunteersNeeded!: number;
  @ApiProperty({ example: 2 })
  placesLeft!: number;
  @ApiProperty({ format: 'date-time', example: '2026-12-12T09:00:00.000Z' })
  startsAt!: string;
  @ApiProperty({ description: 'Stream revision, for If-Match.', example: '2' })
  revision!: string;
}

export class AttendanceResponse extends SolidarityMissionChangeResponse {
  @ApiProperty({ type: [String], example: [VOLUNTEER_ID] })
  attended!: string[];
  @ApiProperty({ type: [String], example: [] })
  absent!: string[];
}
