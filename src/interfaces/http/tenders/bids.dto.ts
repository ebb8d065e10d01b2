import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../shared/page-query.dto';

const PROJECT_ID = '3f6b2c1a-8d4e-4f7a-9b0c-5e1d2a3b4c5d';
const PROVIDER_ID = '9c2e4a6b-1d3f-4e5a-8b7c-0d9e8f7a6b5c';
const OFFER_ID = '6a1b2c3d-4e5f-5a6b-8c7d-9e0f1a2b3c4d';
const FILE_ID = '2b0b7a63-2a3e-4d55-9a55-6f0b9f7d3c11';
const STATUSES = ['open', 'selected', 'signed', 'finished', 'withdrawn'];

export class BidOfferTermsDto {
  @ApiProperty({ description: 'TTC, in cents, above 0.', example: 250_000, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(10_000_000_000)
  amountCents!: number;

  @ApiProperty({
    description: 'Days to deliver, 1 to 3650.',
    example: 21,
    minimum: 1,
    maximum: 3650,
  })
  @IsInt()
  @Min(1)
  @Max(3650)
  delayDays!: number;

  @ApiProperty({
    description: 'What the client reads: 10 to 5000 characters.',
    example: 'Je réalise votre site vitrine en 3 semaines, maquettes comprises.',
    minLength: 10,
    maxLength: 5000,
  })
  @IsString()
  @MaxLength(6000)
  message!: string;
}

export class BidReportMessageDto {
  @ApiProperty({
    description: '1 to 5000 characters.',
    example: 'Le cahier des charges inclut-il la version anglaise ?',
    maxLength: 5000,
  })
  @IsString()
  @MaxLength(6000)
  text!: string;

  @ApiPropertyOptional({
    description: 'Your uploads with the purpose `message_attachment` (at most 10).',
    type: [String],
    example: [FILE_ID],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  fileIds?: string[];
}

export class BidMyOffersQuery extends PageQuery {
  @ApiPropertyOptional({ example: 0, minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  offset?: number;
}

export class BidOfferResponse {
  @ApiProperty({ example: OFFER_ID }) offerId!: string;
  @ApiProperty({ example: PROJECT_ID }) projectId!: string;
  @ApiProperty({ example: PROVIDER_ID }) providerId!: string;
  @ApiProperty({ example: 250_000 }) amountCents!: number;
  @ApiProperty({ example: 21 }) delayDays!: number;
  @ApiProperty({ example: 'Je réalise votre site vitrine en 3 semaines.' }) message!: string;
  @ApiProperty({ format: 'date-time' }) madeAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) editedAt!: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the client last opened the offer.',
  })
  readAt!: string | null;
  @ApiProperty({
    description: 'The client read the offer as it stands now (an edit makes it unread).',
  })
  readByClient!: boolean;
}

export class BidMadeOfferResponse {
  @ApiProperty({ description: 'False when this was a repeat of the same offer.' })
  created!: boolean;
  @ApiProperty({
    description: 'Whether an "offre" credit was spent by this call (false when it already was).',
  })
  spentNow!: boolean;
  @ApiProperty({ type: () => BidOfferResponse }) offer!: BidOfferResponse;
}

export class BidMyOfferResponse extends BidOfferResponse {
  @ApiProperty({ example: 'Site vitrine pour une boulangerie' }) projectTitle!: string;
  @ApiProperty({ enum: STATUSES }) projectStatus!: string;
  @ApiProperty({ description: 'You are the provider the client selected.' }) selected!: boolean;
}

export class BidMyOfferListResponse {
  @ApiProperty({ type: [BidMyOfferResponse] }) items!: BidMyOfferResponse[];
  @ApiProperty({ example: 1 }) total!: number;
}

export class BidClientOfferListResponse {
  @ApiProperty({ example: PROJECT_ID }) projectId!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ example: "En attente d'offres" }) statusLabel!: string;
  @ApiProperty({ type: [BidOfferResponse] }) items!: BidOfferResponse[];
}

export class BidReportMessageResponse {
  @ApiProperty() messageId!: string;
  @ApiProperty() authorId!: string;
  @ApiProperty({ enum: ['client', 'provider'] }) authorRole!: string;
  @ApiProperty({ enum: ['question', 'message'] }) kind!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String], description: 'Read through GET /files/{fileId}.' })
  fileIds!: string[];
  @ApiProperty({ format: 'date-time' }) postedAt!: string;
}

export class BidQuestionResponse extends BidReportMessageResponse {
  @ApiProperty({ description: 'Whether the "offre" credit was spent by this call.' })
  spentNow!: boolean;
}

export class BidReportTermsResponse {
  @ApiProperty({ example: 240_000 }) amountCents!: number;
  @ApiProperty({ example: 20 }) delayDays!: number;
  @ApiProperty({ enum: ['base', 'r0'] }) formula!: string;
  @ApiProperty({ enum: ['client', 'provider'] }) feePayer!: string;
}

export class BidReportSelectionResponse {
  @ApiProperty() providerId!: string;
  @ApiProperty({ nullable: true, type: String }) offerId!: string | null;
  @ApiProperty({ type: () => BidReportTermsResponse, nullable: true })
  terms!: BidReportTermsResponse | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) selectedAt!: string | null;
  @ApiProperty({ description: 'The winner confirmed the terms.' }) signed!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'For the selected provider while the terms await their confirmation.',
  })
  notice!: string | null;
}

export class BidReportBriefResponse {
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() category!: string;
  @ApiProperty() budgetMinCents!: number;
  @ApiProperty() budgetMaxCents!: number;
  @ApiProperty({ example: '2026-06-30' }) wishedDeadline!: string;
  @ApiProperty({ type: [String], description: 'The specification and other attachments.' })
  attachmentFileIds!: string[];
  @ApiProperty({ format: 'date-time' }) postedAt!: string;
}

export class BidMyCreditsResponse {
  @ApiProperty() consultation!: boolean;
  @ApiProperty() offer!: boolean;
  @ApiProperty() direct_contact!: boolean;
}

export class BidProjectReportResponse {
  @ApiProperty({ example: PROJECT_ID }) projectId!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ example: "En attente d'offres" }) statusLabel!: string;
  @ApiProperty({
    enum: ['client', 'full', 'own'],
    description:
      '`client`: you posted the project; `full`: you spent your "consultation" credit (every offer, message and file); `own`: you did not, so you see only your own offer and messages.',
  })
  access!: string;
  @ApiProperty({ type: () => BidReportBriefResponse }) brief!: BidReportBriefResponse;
  @ApiProperty({ type: [BidOfferResponse] }) offers!: BidOfferResponse[];
  @ApiProperty({ type: [BidReportMessageResponse] }) messages!: BidReportMessageResponse[];
  @ApiProperty({ type: () => BidReportSelectionResponse, nullable: true })
  selection!: BidReportSelectionResponse | null;
  @ApiProperty({
    type: () => BidMyCreditsResponse,
    nullable: true,
    description: 'For a provider: the credits they spent on this project.',
  })
  myCredits!: BidMyCreditsResponse | null;
}

export class BidConsultationResponse {
  @ApiProperty({ description: 'Whether the "consultation" credit was spent by this call.' })
  spentNow!: boolean;
  @ApiProperty({ type: () => BidProjectReportResponse }) report!: BidProjectReportResponse;
}

export class BidClientContactResponse {
  @ApiProperty({ example: PROJECT_ID }) projectId!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ example: 'Camille Martin' }) name!: string;
  @ApiProperty({ example: 'camille.martin@example.fr' }) email!: string;
  @ApiProperty({ example: '0671429358', nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ description: 'Whether the "contact direct" credit was spent by this call.' })
  spentNow!: boolean;
}
