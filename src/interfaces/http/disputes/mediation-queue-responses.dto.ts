import { ApiProperty } from '@nestjs/swagger';
import { PartyResponse, SubjectResponse } from '../shared/read-model.dto';

/** Answer shape of the mediation queue, for the OpenAPI document. */

const NULLABLE_INSTANT = { type: String, format: 'date-time', nullable: true } as const;

export class RespondentResponse {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ example: 'seller' }) role!: string;
}

export class PendingSettlement {
  @ApiProperty({ format: 'uuid' }) settlementId!: string;
  @ApiProperty({ type: 'integer' }) refundCents!: number;
  @ApiProperty({ type: 'integer' }) releaseCents!: number;
  @ApiProperty({ type: [String], description: 'The parties who accepted so far.' })
  acceptedBy!: string[];
}

export class MediationQueueItem {
  @ApiProperty({ format: 'uuid' }) disputeId!: string;
  @ApiProperty({ type: SubjectResponse }) subject!: SubjectResponse;
  @ApiProperty({ format: 'uuid' }) escrowId!: string;
  @ApiProperty({ example: 'open' }) status!: string;
  @ApiProperty({ example: 'Ouvert' }) statusLabel!: string;
  @ApiProperty({ example: 'not_delivered' }) reason!: string;
  @ApiProperty() reasonLabel!: string;
  @ApiProperty() summary!: string;
  @ApiProperty(NULLABLE_INSTANT) openedAt!: string | null;
  @ApiProperty({ type: 'integer' }) ageMs!: number;
  @ApiProperty({ type: 'integer' }) ageDays!: number;
  @ApiProperty({ type: 'integer' }) heldCents!: number;
  @ApiProperty({ type: PartyResponse }) buyer!: PartyResponse;
  @ApiProperty({ type: PartyResponse }) seller!: PartyResponse;
  @ApiProperty({ format: 'uuid' }) openedBy!: string;
  @ApiProperty({ example: 'buyer' }) openerRole!: string;
  @ApiProperty({ type: RespondentResponse }) respondent!: RespondentResponse;
  @ApiProperty(NULLABLE_INSTANT) responseDueAt!: string | null;
  @ApiProperty(NULLABLE_INSTANT) respondedAt!: string | null;
  @ApiProperty() responseOverdue!: boolean;
  @ApiProperty({ type: String, nullable: true }) mediatorId!: string | null;
  @ApiProperty({ type: 'integer', description: 'Statements so far.' }) statements!: number;
  @ApiProperty({
    type: PendingSettlement,
    nullable: true,
    description: 'The pending settlement proposal.',
  })
  settlement!: PendingSettlement | null;
  @ApiProperty(NULLABLE_INSTANT) lastActivityAt!: string | null;
}

export class MediationQueueResponse {
  @ApiProperty({ type: [MediationQueueItem] }) items!: MediationQueueItem[];
}
