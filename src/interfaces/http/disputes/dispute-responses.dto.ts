import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Answer shapes of the dispute and case routes, for the OpenAPI document. */

export class DisputeOrderState {
  @ApiProperty({ example: 'contested' }) status!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Contesté' }) statusLabel!: string | null;
}

export class DisputeMissionState {
  @ApiProperty({ example: 'disputed' }) status!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Problème signalé' }) statusLabel!:
    string | null;
}

export class DisputeSubjectRef {
  @ApiProperty({ enum: ['order', 'mission', 'project'], example: 'mission' }) kind!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class DisputeEscrowState {
  @ApiProperty({ example: 'frozen' }) status!: string;
  @ApiProperty({ example: 'Gelé' }) statusLabel!: string;
  @ApiProperty({ type: 'integer', example: 12000 }) heldCents!: number;
}

export class DisputeCaseResponse {
  @ApiProperty({ format: 'uuid' }) disputeId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The disputed order; null for a mission’s dispute (see `subject`).',
  })
  orderId!: string | null;
  @ApiProperty({ type: DisputeSubjectRef, nullable: true, description: 'What is disputed.' })
  subject!: DisputeSubjectRef | null;
  @ApiProperty({
    enum: ['open', 'under_review', 'settlement_proposed', 'withdrawn', 'resolved'],
    example: 'open',
  })
  status!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Ouvert' }) statusLabel!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '3',
    description: 'The dispute revision, for If-Match on the next command.',
  })
  revision!: string | null;
  @ApiProperty({
    type: [String],
    example: ['DisputeOpened'],
    description: 'Types of the events appended (none when nothing changed).',
  })
  events!: string[];
  @ApiProperty({ type: DisputeOrderState, nullable: true }) order!: DisputeOrderState | null;
  @ApiProperty({
    type: DisputeMissionState,
    nullable: true,
    description:
      'The disputed mission (Problème signalé while the dispute runs); null for an order.',
  })
  mission!: DisputeMissionState | null;
  @ApiProperty({ type: DisputeEscrowState, nullable: true }) escrow!: DisputeEscrowState | null;
  @ApiProperty({
    enum: ['done', 'pending'],
    description: '`pending`: the consequences on the order or escrow are still being carried out.',
  })
  effects!: 'done' | 'pending';
}

export class ProposedSettlementResponse extends DisputeCaseResponse {
  @ApiProperty({ format: 'uuid', description: 'To accept or reject.' }) settlementId!: string;
}

export class DisputeViewResponse extends DisputeCaseResponse {
  @ApiProperty({ enum: ['staff', 'party', 'auditor'] }) access!: string;
  @ApiProperty({ example: 'Prestation non livrée' }) reasonLabel!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The dispute state: parties, reason, statements, settlement, deadlines (never internal notes).',
  })
  dispute!: Record<string, unknown>;
}

export class CaseActor {
  @ApiProperty({ type: String, nullable: true }) id!: string | null;
  @ApiProperty({ type: String, nullable: true }) role!: string | null;
  @ApiProperty({
    enum: [
      'buyer',
      'seller',
      'client',
      'provider',
      'mediator',
      'admin',
      'finance',
      'system',
      'other',
    ],
    description: 'On a mission’s case the parties are `client` and `provider`.',
  })
  caseRole!: string;
}

export class CaseEvent {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ type: 'integer' }) schemaVersion!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The event data as recorded (personal data erased reads "[erased]").',
  })
  data!: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata!: Record<string, unknown>;
}

export class TimelineEntryResponse {
  @ApiProperty({ type: 'integer', description: "1-based rank in the viewer's timeline." })
  seq!: number;
  @ApiProperty({
    example: '1042:1187',
    description: 'Pass it back as `at` to rebuild the case just after this event.',
  })
  position!: string;
  @ApiProperty({ format: 'date-time' }) time!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ enum: ['order', 'mission', 'project', 'escrow', 'dispute'] }) stream!: string;
  @ApiProperty() streamName!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty() type!: string;
  @ApiProperty({ type: CaseActor }) actor!: CaseActor;
  @ApiProperty({ description: 'A plain-words line.' }) description!: string;
  @ApiProperty({ type: CaseEvent }) event!: CaseEvent;
}

export class CaseAsOf {
  @ApiProperty() at!: string;
  @ApiProperty({ enum: ['time', 'position'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true }) lastPosition!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastRecordedAt!:
    string | null;
}

export class CaseSubject {
  @ApiProperty({ enum: ['order', 'mission', 'project'] }) kind!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class CaseHistoryResponse {
  @ApiProperty({ type: CaseSubject, description: 'The order or mission the case is about.' })
  subject!: CaseSubject;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The order; null for a mission’s case.',
  })
  orderId!: string | null;
  @ApiProperty({ format: 'uuid' }) escrowId!: string;
  @ApiProperty({ format: 'uuid' }) buyerId!: string;
  @ApiProperty({
    description: 'The seller, or a mission’s confirmed provider (empty before a confirmation).',
  })
  sellerId!: string;
  @ApiProperty({ type: [String] }) disputeIds!: string[];
  @ApiProperty({ enum: ['staff', 'party', 'auditor'] }) access!: string;
  @ApiProperty({ type: CaseAsOf, nullable: true, description: 'Set when `at` was asked.' })
  asOf!: CaseAsOf | null;
  @ApiProperty({ type: 'integer' }) totalEvents!: number;
  @ApiProperty({ type: [TimelineEntryResponse] }) timeline!: TimelineEntryResponse[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'With `at`: the order (or mission), escrow and disputes as they stood then.',
  })
  state?: Record<string, unknown>;
}
