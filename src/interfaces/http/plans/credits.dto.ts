import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CREDIT_KINDS, CREDIT_REFUND_REASONS, type CreditKind } from '../../../domain/plans';
import { PageQuery } from '../shared/page-query.dto';

export const CREDITS_EXAMPLE = {
  accountId: '9b2e4f61-0c3a-4d8e-b7f5-6a1d2c3e4f50',
  spendId: '3c1f0a2b-5d4e-5f6a-8b7c-9d0e1f2a3b4c',
  grantId: '7a6b5c4d-3e2f-5a1b-9c8d-7e6f5a4b3c2d',
};

export class CreditAllowanceResponse {
  @ApiProperty({ type: 'integer', example: 5, description: '"Consultation".' })
  consultation!: number;
  @ApiProperty({ type: 'integer', example: 3, description: '"Offre".' }) offer!: number;
  @ApiProperty({ type: 'integer', example: 1, description: '"Contact direct".' })
  direct_contact!: number;
}

/** Bonus amounts: each kind optional, 0 to 1000, at least one above 0. */
export class CreditAllowanceInput {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 1000, example: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  consultation?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 1000, example: 2 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  offer?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 1000, example: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  direct_contact?: number;
}

export class CreditTotalsResponse {
  @ApiProperty({ type: CreditAllowanceResponse }) granted!: CreditAllowanceResponse;
  @ApiProperty({ type: CreditAllowanceResponse }) spent!: CreditAllowanceResponse;
  @ApiProperty({ type: CreditAllowanceResponse }) refunded!: CreditAllowanceResponse;
  @ApiProperty({ type: CreditAllowanceResponse }) forfeited!: CreditAllowanceResponse;
}

export class CreditKindResponse {
  @ApiProperty({ enum: CREDIT_KINDS, example: 'offer' }) kind!: CreditKind;
  @ApiProperty({ example: 'Offre' }) label!: string;
  @ApiProperty({ type: 'integer', example: 3 }) balance!: number;
  @ApiProperty({ type: 'integer', example: 6 }) granted!: number;
  @ApiProperty({ type: 'integer', example: 4 }) spent!: number;
  @ApiProperty({ type: 'integer', example: 1 }) refunded!: number;
  @ApiProperty({ type: 'integer', example: 0 }) forfeited!: number;
}

export class CreditLedgerResponse {
  @ApiProperty({ format: 'uuid', example: CREDITS_EXAMPLE.accountId }) accountId!: string;
  @ApiProperty({ type: CreditAllowanceResponse, description: 'What is left, per kind.' })
  balance!: CreditAllowanceResponse;
  @ApiProperty({
    description:
      'A payment incident (a suspended subscription) froze the credits: the balance is kept but nothing can be spent (`CREDITS_FROZEN`) until it is paid.',
    example: false,
  })
  frozen!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  frozenSince!: string | null;
  @ApiProperty({
    description: 'The account was closed: what was left was forfeited.',
    example: false,
  })
  closed!: boolean;
  @ApiProperty({ type: CreditTotalsResponse }) totals!: CreditTotalsResponse;
  @ApiProperty({
    type: [CreditKindResponse],
    description: 'The same per kind, with its French label.',
  })
  kinds!: CreditKindResponse[];
  @ApiProperty({
    description: 'The rule for unspent credits, in French.',
    example:
      'Les crédits non utilisés sont reportés d’une période à l’autre, sans date d’expiration, tant que votre compte existe.',
  })
  carryOver!: string;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Reads only: the last movement the read model applied.',
  })
  updatedAt?: string | null;
}

export class CreditSubjectResponse {
  @ApiProperty({ example: 'project' }) type!: string;
  @ApiProperty({ example: '4f3e2d1c-0b9a-4876-9543-210fedcba987' }) id!: string;
}

export class CreditHistoryItemResponse {
  @ApiProperty({ example: '0e1d2c3b-4a59-4867-9756-a4b3c2d1e0f9|offer' }) entryId!: string;
  @ApiProperty({
    enum: ['grant', 'bonus', 'spend', 'refund', 'freeze', 'unfreeze', 'forfeit'],
    example: 'spend',
  })
  entry!: string;
  @ApiProperty({ example: 'Crédit utilisé' }) label!: string;
  @ApiProperty({
    enum: CREDIT_KINDS,
    nullable: true,
    example: 'offer',
    description: 'null for a freeze (every kind).',
  })
  kind!: CreditKind | null;
  @ApiProperty({ type: String, nullable: true, example: 'Offre' }) kindLabel!: string | null;
  @ApiProperty({
    type: 'integer',
    example: -1,
    description: 'Signed: + granted or refunded, − spent or forfeited.',
  })
  amount!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 2,
    description: 'The kind’s balance after this line.',
  })
  balanceAfter!: number | null;
  @ApiProperty({
    type: CreditAllowanceResponse,
    description: 'Every kind’s balance after this line.',
  })
  balances!: CreditAllowanceResponse;
  @ApiProperty({ enum: ['subscription', 'bonus'], nullable: true, example: null })
  source!: 'subscription' | 'bonus' | null;
  @ApiProperty({ type: String, nullable: true, example: null }) grantId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: CREDITS_EXAMPLE.spendId,
    description: 'A spend’s id (what staff refund).',
  })
  spendId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) subscriptionId!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: null }) period!: number | null;
  @ApiProperty({ type: CreditSubjectResponse, nullable: true })
  subject!: CreditSubjectResponse | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description:
      'A bonus’s reason, a refund’s reason code (`project_no_longer_current`, `spent_twice`, `other`), `payment_incident` or `account_closed`.',
  })
  reason!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class CreditHistoryResponse {
  @ApiProperty({ type: [CreditHistoryItemResponse] }) items!: CreditHistoryItemResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: '37',
    description: 'Pass as `cursor` for the next (older) page; null on the last page.',
  })
  nextCursor!: string | null;
}

export class CreditHistoryQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CREDIT_KINDS, description: 'That kind’s lines (and the freezes).' })
  @IsOptional()
  @IsIn(CREDIT_KINDS)
  kind?: CreditKind;

  @ApiPropertyOptional({ example: '37', description: 'The `nextCursor` of the page before.' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,15}$/)
  cursor?: string;
}

export class RefundCreditDto {
  @ApiProperty({
    format: 'uuid',
    example: CREDITS_EXAMPLE.spendId,
    description: 'From the history.',
  })
  @IsUUID()
  spendId!: string;

  @ApiProperty({
    enum: CREDIT_REFUND_REASONS,
    example: 'project_no_longer_current',
    description:
      '`project_no_longer_current` (the project was no longer open), `spent_twice` (the same credit spent twice on one project by mistake), `other` (say why in `note`).',
  })
  @IsIn(CREDIT_REFUND_REASONS)
  reason!: (typeof CREDIT_REFUND_REASONS)[number];

  @ApiPropertyOptional({
    maxLength: 500,
    example: 'Projet retiré par le client le jour même.',
    description: 'Required with `other`.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class BonusCreditsDto {
  @ApiProperty({ type: CreditAllowanceInput })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CreditAllowanceInput)
  credits!: CreditAllowanceInput;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Article promouvant la plateforme' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason!: string;
}

export class CreditRefundResponse {
  @ApiProperty({ format: 'uuid', example: CREDITS_EXAMPLE.spendId }) spendId!: string;
  @ApiProperty({ enum: CREDIT_KINDS, example: 'offer' }) kind!: CreditKind;
  @ApiProperty({ type: CreditSubjectResponse }) subject!: CreditSubjectResponse;
  @ApiProperty({ enum: CREDIT_REFUND_REASONS }) reason!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) refundedAt!: string;
  @ApiProperty({ type: CreditLedgerResponse }) ledger!: CreditLedgerResponse;
}

export class CreditBonusResponse {
  @ApiProperty({ format: 'uuid', example: CREDITS_EXAMPLE.grantId }) grantId!: string;
  @ApiProperty({ type: CreditAllowanceResponse }) credits!: CreditAllowanceResponse;
  @ApiProperty({ example: 'Article promouvant la plateforme' }) reason!: string;
  @ApiProperty({ type: CreditLedgerResponse }) ledger!: CreditLedgerResponse;
}
