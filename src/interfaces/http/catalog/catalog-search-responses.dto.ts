import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PartyResponse, RatingSummaryResponse } from '../shared/read-model.dto';

/** Answer shapes of the public search and profile routes, for the OpenAPI document. */

export class GigSearchItem {
  @ApiProperty({ format: 'uuid' }) gigId!: string;
  @ApiProperty({ example: 'Logo vectoriel' }) title!: string;
  @ApiProperty({ example: 'service' }) kind!: string;
  @ApiProperty({ example: 'design' }) category!: string;
  @ApiProperty({ type: [String], example: ['logo'] }) keywords!: string[];
  @ApiProperty({ type: 'integer', example: 12000, description: 'TTC.' }) priceCents!: number;
  @ApiProperty({ type: 'integer' }) vatCents!: number;
  @ApiProperty({ type: 'integer' }) deliveryDays!: number;
  @ApiProperty({ type: RatingSummaryResponse }) rating!: RatingSummaryResponse;
  @ApiProperty({ type: 'integer' }) completedOrders!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: PartyResponse }) seller!: PartyResponse;
  @ApiProperty({ type: 'integer', description: "The seller's cancellation marks not withdrawn." })
  sellerCancellationMarks!: number;
  @ApiProperty({
    description:
      'The seller runs a Pro subscription ("profil mis en avant", docs/plans-pro.md): a featured result. In the `relevance` sort its gigs get a small bounded boost; the price, rating and newest sorts ignore it.',
    example: false,
  })
  featured!: boolean;
  @ApiProperty({
    description:
      'The seller holds the "Prestataire Certifié" badge (references approved by the SCP or reputation, docs/tenders-certification.md).',
    example: false,
  })
  sellerCertified!: boolean;
}

export class GigSearchResponse {
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) limit!: number;
  @ApiProperty({ type: 'integer' }) offset!: number;
  @ApiProperty({ type: [GigSearchItem] }) items!: GigSearchItem[];
}

export class ProfileReview {
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) rating!: number;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt!: string | null;
}

export class CancellationAmendment {
  @ApiProperty({ format: 'uuid' }) by!: string;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) rating!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) amendedAt!: string | null;
}

export class ProfileCancellation {
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ example: 'late_delivery' }) reason!: string;
  @ApiProperty({ description: "This account cancelled (else the mark is a late seller's)." })
  byThisAccount!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt!: string | null;
  @ApiPropertyOptional({ type: CancellationAmendment, nullable: true })
  amendment?: CancellationAmendment | null;
}

export class ProfileMissionCancellation {
  @ApiProperty({ format: 'uuid' }) missionId!: string;
  @ApiProperty({ enum: ['client', 'provider', 'system'], example: 'client' }) cancelledBy!: string;
  @ApiProperty({ description: 'This provider cancelled it.' }) byThisAccount!: boolean;
  @ApiProperty({ enum: ['pending', 'confirmed'], example: 'confirmed' }) from!: string;
  @ApiProperty({ description: 'Within the late-cancellation window before the start.' })
  late!: boolean;
  @ApiProperty({ type: 'integer', example: 0 }) feeCents!: number;
  @ApiProperty({ format: 'date-time' }) cancelledAt!: string;
}

export class ProfileMissionCancellations {
  @ApiProperty({ type: 'integer', example: 1 }) count!: number;
  @ApiProperty({ type: [ProfileMissionCancellation] }) recent!: ProfileMissionCancellation[];
}

export class ProfileMissionAppreciation {
  @ApiProperty({ format: 'uuid' }) missionId!: string;
  @ApiProperty({ enum: [-2, -1, 1, 2], example: 2 }) value!: number;
  @ApiProperty({ example: 'Très satisfait' }) label!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null once the client was erased.' })
  comment!: string | null;
  @ApiProperty({ format: 'date-time' }) appreciatedAt!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Je recommande vivement.' })
  recommendation!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recommendedAt!: string | null;
}

export class ProfileMissionAppreciations {
  @ApiProperty({ type: 'integer', example: 4 }) count!: number;
  @ApiProperty({ type: Number, nullable: true, example: 1.5 }) average!: number | null;
  @ApiProperty({ type: 'integer', example: 3 }) recommendations!: number;
  @ApiProperty({ type: [ProfileMissionAppreciation] }) recent!: ProfileMissionAppreciation[];
}

export class ProfileProjectReviews {
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: Number, nullable: true, example: 4.75 }) average!: number | null;
}

export class ProviderProfileResponse {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ type: String, nullable: true }) displayName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'PR-7K3Q9' }) providerReference!:
    string | null;
  @ApiProperty() erased!: boolean;
  @ApiProperty({
    description:
      'The Pro badge: a Pro subscription of this provider runs now (not cancelled, suspended or paused). It changes visibility only, never how a payment is protected (docs/plans-pro.md).',
    example: true,
  })
  pro!: boolean;
  @ApiProperty({
    description:
      'A featured profile ("profil mis en avant"): true while Pro runs; its gigs show `featured` in search.',
    example: true,
  })
  featured!: boolean;
  @ApiProperty({ type: RatingSummaryResponse }) rating!: RatingSummaryResponse;
  @ApiProperty({ type: 'integer' }) completedOrders!: number;
  @ApiProperty({ type: 'integer' }) cancellationMarks!: number;
  @ApiProperty({ type: [ProfileReview] }) recentReviews!: ProfileReview[];
  @ApiProperty({ type: [ProfileCancellation] }) recentCancellations!: ProfileCancellation[];
  @ApiProperty({
    type: ProfileMissionCancellations,
    description:
      'Every cancellation of a mission this provider had confirmed, whoever cancelled, late or not.',
  })
  missionCancellations!: ProfileMissionCancellations;
  @ApiProperty({
    type: ProfileMissionAppreciations,
    description: 'Clients’ appreciations of missions (seed 002 scale -2..2) and recommendations.',
  })
  missionAppreciations!: ProfileMissionAppreciations;
  @ApiProperty({
    description:
      'The "Prestataire Certifié" badge: 3 client references approved by the SCP, or the reputation threshold (docs/tenders-certification.md).',
    example: true,
  })
  certified!: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'Prestataire Certifié' })
  certifiedLabel!: string | null;
  @ApiProperty({
    type: ProfileProjectReviews,
    description: 'Clients’ reviews (1 to 5 stars) of finished tender projects.',
  })
  projectReviews!: ProfileProjectReviews;
}
