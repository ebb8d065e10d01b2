import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MISSION_STATUSES } from '../../../domain/missions';
import { PageQuery } from '../shared/page-query.dto';
import { PartyResponse } from '../shared/read-model.dto';

/** Query and answer shapes of the missions read side (client area, provider agenda, staff), for the OpenAPI document. */

const UUID = { format: 'uuid' } as const;
const INSTANT = { format: 'date-time' } as const;
const NULLABLE_INSTANT = { type: String, format: 'date-time', nullable: true } as const;
const SHEET_URL = {
  example: '/missions/6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e/intervention-sheet',
  description: 'The printable intervention sheet (PDF).',
} as const;

/** Past this, a page is empty anyway; a bound keeps the number a Postgres integer. */
const MAX_OFFSET = 1_000_000;

export class MissionPageQuery extends PageQuery {
  @ApiPropertyOptional({ example: 0, default: 0, minimum: 0, maximum: MAX_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;
}

export class StaffMissionsQuery extends MissionPageQuery {
  @ApiPropertyOptional({ enum: MISSION_STATUSES, example: 'confirmed' })
  @IsOptional()
  @IsIn(MISSION_STATUSES)
  status?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-01T00:00:00.000Z',
    description: 'Interventions starting at or after this instant.',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2027-01-01T00:00:00.000Z',
    description: 'Interventions starting before this instant.',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

export class MissionPlaceResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '12 rue des Lilas',
    description: 'null once the client was erased.',
  })
  address!: string | null;
  @ApiProperty({ example: '69003' }) postalCode!: string;
  @ApiProperty({ example: 'Lyon' }) city!: string;
  @ApiProperty({ example: 45.7597 }) lat!: number;
  @ApiProperty({ example: 4.8422 }) lng!: number;
}

export class MissionCandidateResponse {
  @ApiProperty(UUID) providerId!: string;
  @ApiProperty({ type: 'integer', example: 1 }) rank!: number;
  @ApiProperty({ type: 'integer', example: 7500 }) priceCents!: number;
  @ApiProperty() refused!: boolean;
}

export class MissionReservationResponse {
  @ApiProperty({ type: 'integer', example: 7500, description: 'Held until a provider accepts.' })
  reservedCents!: number;
  @ApiProperty({ ...INSTANT, description: 'No acceptance by then: the request expires.' })
  respondBy!: string;
}

export class MissionAuthorisationFailureResponse {
  @ApiProperty({ type: 'integer', example: 1 }) attempt!: number;
  @ApiProperty({ example: 'card_declined' }) reason!: string;
  @ApiProperty(NULLABLE_INSTANT) nextAttemptAt!: string | null;
  @ApiProperty(INSTANT) failedAt!: string;
}

export class MissionPaymentResponse {
  @ApiProperty({
    enum: ['authorise_now', 'authorise_later', 'hour_pack'],
    example: 'authorise_later',
  })
  plan!: string;
  @ApiProperty({ ...INSTANT, description: 'When the card is (or was) authorised.' })
  authoriseAt!: string;
  @ApiProperty({ description: 'The card authorisation is in place (the money is reserved).' })
  authorised!: boolean;
  @ApiProperty(NULLABLE_INSTANT) authorisedAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 7500 }) authorisedCents!: number | null;
  @ApiProperty({ type: 'integer', example: 0 }) failedAttempts!: number;
  @ApiProperty({ type: MissionAuthorisationFailureResponse, nullable: true })
  lastFailure!: MissionAuthorisationFailureResponse | null;
}

export class MissionChangeProposalResponse {
  @ApiProperty(UUID) proposalId!: string;
  @ApiProperty(UUID) proposedBy!: string;
  @ApiProperty(INSTANT) startsAt!: string;
  @ApiProperty({ type: 'integer', example: 180 }) durationMinutes!: number;
  @ApiProperty({ example: 'Prévoir aussi les vitres.' }) details!: string;
  @ApiProperty({ type: 'integer', example: 9000 }) priceCents!: number;
  @ApiProperty(INSTANT) proposedAt!: string;
}

export class AppreciationResponse {
  @ApiProperty({ enum: [-2, -1, 1, 2], example: 2 }) value!: number;
  @ApiProperty({ example: 'Très satisfait' }) label!: string;
  @ApiProperty({ example: 'Travail soigné, très ponctuelle.' }) comment!: string;
  @ApiProperty(INSTANT) appreciatedAt!: string;
}

export class RecommendationResponse {
  @ApiProperty({ example: 'Je recommande vivement.' }) text!: string;
  @ApiProperty(INSTANT) recommendedAt!: string;
}

export class MissionDisputeResponse {
  @ApiProperty(UUID) disputeId!: string;
  @ApiProperty(INSTANT) reportedAt!: string;
}

export class MissionCancellationResponse {
  @ApiProperty({ enum: ['client', 'provider', 'system'], example: 'client' }) cancelledBy!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty({ enum: ['pending', 'confirmed'], example: 'confirmed' }) from!: string;
  @ApiProperty({ description: 'Within the late-cancellation window before the start.' })
  late!: boolean;
  @ApiProperty({ type: 'integer', example: 0 }) feeCents!: number;
  @ApiProperty({ type: 'integer', example: 7500 }) refundCents!: number;
  @ApiProperty(INSTANT) cancelledAt!: string;
}

export class MissionViewResponse {
  @ApiProperty(UUID) missionId!: string;
  @ApiProperty({ example: '4', description: 'Stream revision, for If-Match.' }) revision!: string;
  @ApiProperty({ enum: MISSION_STATUSES, example: 'confirmed' }) status!: string;
  @ApiProperty({ example: 'Rendez-vous confirmé' }) statusLabel!: string;
  @ApiProperty(UUID) serviceTypeId!: string;
  @ApiProperty({ example: 'Ménage' }) serviceTypeLabel!: string;
  @ApiProperty({ enum: ['dispatch', 'direct'], example: 'dispatch' }) targeting!: string;
  @ApiProperty(INSTANT) startsAt!: string;
  @ApiProperty({ type: 'integer', example: 150 }) durationMinutes!: number;
  @ApiProperty(INSTANT) endsAt!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Appartement de 60 m², produits fournis.',
    description: '"Détails importants"; null once the client was erased.',
  })
  details!: string | null;
  @ApiProperty({ type: MissionPlaceResponse }) place!: MissionPlaceResponse;
  @ApiProperty({ type: PartyResponse }) client!: PartyResponse;
  @ApiProperty({
    type: PartyResponse,
    nullable: true,
    description: 'The confirmed provider, or the one a direct request was sent to; null otherwise.',
  })
  provider!: PartyResponse | null;
  @ApiProperty({
    type: 'integer',
    example: 7500,
    description: "TTC: the confirmed provider's price, or what the request reserves.",
  })
  priceCents!: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 1500 }) commissionCents!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 6000 }) providerNetCents!: number | null;
  @ApiProperty({
    type: [MissionCandidateResponse],
    description: 'Who the request was sent to (a candidate sees only itself).',
  })
  candidates!: MissionCandidateResponse[];
  @ApiProperty({ type: MissionReservationResponse }) reservation!: MissionReservationResponse;
  @ApiProperty({ type: MissionPaymentResponse }) payment!: MissionPaymentResponse;
  @ApiProperty({
    ...INSTANT,
    description: 'Without validation or a reported problem by then, the mission is validated.',
  })
  autoValidateAt!: string;
  @ApiProperty({ type: MissionChangeProposalResponse, nullable: true })
  pendingChange!: MissionChangeProposalResponse | null;
  @ApiProperty({ type: AppreciationResponse, nullable: true })
  appreciation!: AppreciationResponse | null;
  @ApiProperty({ type: RecommendationResponse, nullable: true })
  recommendation!: RecommendationResponse | null;
  @ApiProperty(NULLABLE_INSTANT) validatedAt!: string | null;
  @ApiProperty({ type: MissionDisputeResponse, nullable: true })
  dispute!: MissionDisputeResponse | null;
  @ApiProperty({ type: MissionCancellationResponse, nullable: true })
  cancellation!: MissionCancellationResponse | null;
  @ApiProperty(INSTANT) requestedAt!: string;
  @ApiProperty(SHEET_URL) interventionSheetUrl!: string;
}

export class MissionListItemResponse {
  @ApiProperty(UUID) missionId!: string;
  @ApiProperty({ enum: MISSION_STATUSES, example: 'pending' }) status!: string;
  @ApiProperty({ example: 'En attente de réponse' }) statusLabel!: string;
  @ApiProperty({ example: 'Ménage' }) serviceTypeLabel!: string;
  @ApiProperty(INSTANT) startsAt!: string;
  @ApiProperty({ type: 'integer', example: 150 }) durationMinutes!: number;
  @ApiProperty(INSTANT) endsAt!: string;
  @ApiProperty({ example: 'Lyon' }) city!: string;
  @ApiProperty({ example: '69003' }) postalCode!: string;
  @ApiProperty({ type: PartyResponse }) client!: PartyResponse;
  @ApiProperty({
    type: PartyResponse,
    nullable: true,
    description: 'The confirmed provider, or the one a direct request was sent to.',
  })
  provider!: PartyResponse | null;
  @ApiProperty({ type: 'integer', example: 7500, description: 'TTC.' }) priceCents!: number;
  @ApiProperty(SHEET_URL) interventionSheetUrl!: string;
}

export class ProviderRequestItemResponse extends MissionListItemResponse {
  @ApiProperty({
    type: 'integer',
    example: 1,
    description: 'Where this provider stands in the dispatch order.',
  })
  rank!: number;
}

export class MissionHistoryItemResponse extends MissionListItemResponse {
  @ApiProperty({
    example: 'Ménage — 2 h 30 — 75,00 € — Mission terminée',
    description: '"Une synthèse des services effectués".',
  })
  summary!: string;
  @ApiProperty(NULLABLE_INSTANT) validatedAt!: string | null;
  @ApiProperty({ type: AppreciationResponse, nullable: true })
  appreciation!: AppreciationResponse | null;
  @ApiProperty({ type: RecommendationResponse, nullable: true })
  recommendation!: RecommendationResponse | null;
}

class PageResponse {
  @ApiProperty({ type: 'integer', example: 3 }) total!: number;
  @ApiProperty({ type: 'integer', example: 50 }) limit!: number;
  @ApiProperty({ type: 'integer', example: 0 }) offset!: number;
}

export class MissionListResponse extends PageResponse {
  @ApiProperty({ type: [MissionListItemResponse] }) items!: MissionListItemResponse[];
}

export class ProviderRequestListResponse extends PageResponse {
  @ApiProperty({ type: [ProviderRequestItemResponse] }) items!: ProviderRequestItemResponse[];
}

export class MissionHistoryResponse extends PageResponse {
  @ApiProperty({ type: [MissionHistoryItemResponse] }) items!: MissionHistoryItemResponse[];
}

export class MissionMessageResponse {
  @ApiProperty(UUID) messageId!: string;
  @ApiProperty(UUID) authorId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Bonjour, faut-il apporter l’aspirateur ?',
    description: 'null once the author was erased.',
  })
  text!: string | null;
  @ApiProperty({ type: [String], example: [] }) fileRefs!: string[];
  @ApiProperty(INSTANT) postedAt!: string;
}

export class MissionMessageListResponse extends PageResponse {
  @ApiProperty({ type: [MissionMessageResponse] }) items!: MissionMessageResponse[];
}
