import { ApiProperty } from '@nestjs/swagger';
import { AddressResponse } from '../shared/read-model.dto';

/** Answer shapes of the finance and invoice routes, for the OpenAPI document. */

export class LedgerAccountBalance {
  @ApiProperty({ example: 'escrow' }) account!: string;
  @ApiProperty({ example: 'Séquestre' }) label!: string;
  @ApiProperty({ example: 'liability' }) nature!: string;
  @ApiProperty({ type: 'integer' }) debitCents!: number;
  @ApiProperty({ type: 'integer' }) creditCents!: number;
  @ApiProperty({ type: 'integer', description: 'Debits minus credits.' }) balanceCents!: number;
}

export class LedgerTotals {
  @ApiProperty({ type: 'integer' }) debitCents!: number;
  @ApiProperty({ type: 'integer' }) creditCents!: number;
  @ApiProperty({ type: 'integer', example: 0 }) balanceCents!: number;
}

export class TrialBalanceResponse {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) asOf!: string | null;
  @ApiProperty({ type: [LedgerAccountBalance] }) accounts!: LedgerAccountBalance[];
  @ApiProperty({ type: LedgerTotals }) totals!: LedgerTotals;
  @ApiProperty({ description: 'Every entry balances.' }) balanced!: boolean;
  @ApiProperty({ type: 'integer' }) entries!: number;
  @ApiProperty({ type: 'integer', example: 0 }) unbalancedEntries!: number;
}

export class JournalLine {
  @ApiProperty({ example: 'escrow' }) account!: string;
  @ApiProperty({ type: String, nullable: true }) partyId!: string | null;
  @ApiProperty({ type: 'integer' }) debitCents!: number;
  @ApiProperty({ type: 'integer' }) creditCents!: number;
}

export class JournalEntry {
  @ApiProperty({ example: '42' }) entryId!: string;
  @ApiProperty({ example: 'escrow_funded' }) kind!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'EscrowFunded' }) eventType!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) occurredAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) escrowId!: string | null;
  @ApiProperty({ type: String, nullable: true }) payoutId!: string | null;
  @ApiProperty({ type: 'integer' }) totalCents!: number;
  @ApiProperty({ type: [JournalLine] }) lines!: JournalLine[];
}

export class JournalResponse {
  @ApiProperty({ type: [JournalEntry] }) entries!: JournalEntry[];
}

export class InvoicePartyResponse {
  @ApiProperty({ type: String, nullable: true }) accountId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Atelier Dupont' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'PR-7K3Q9' }) reference!: string | null;
  @ApiProperty({ type: AddressResponse, nullable: true }) address!: AddressResponse | null;
}

export class InvoiceRefResponse {
  @ApiProperty({ format: 'uuid' }) invoiceId!: string;
  @ApiProperty({ example: 'F-2026-000042' }) number!: string;
}

export class InvoiceResponse {
  @ApiProperty({ format: 'uuid' }) invoiceId!: string;
  @ApiProperty({ example: 'F-2026-000042' }) number!: string;
  @ApiProperty({ enum: ['invoice', 'credit_note'] }) kind!: string;
  @ApiProperty({
    enum: ['service', 'commission', 'subscription', 'hour_pack', 'fee'],
    description:
      "`service`: the seller's service under the billing mandate; `commission`: the platform's commission; `subscription`, `hour_pack`, `fee`: the platform's own sales (docs/plans-billing.md).",
  })
  subject!: string;
  @ApiProperty({ description: "Issued by the platform in the seller's name (billing mandate)." })
  underMandate!: boolean;
  @ApiProperty({ type: InvoicePartyResponse }) issuer!: InvoicePartyResponse;
  @ApiProperty({ type: InvoicePartyResponse }) recipient!: InvoicePartyResponse;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The order or mission invoiced; null for the platform’s own sales.',
  })
  orderId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The platform’s own sale invoiced: the subscription’s id (`subscription`) or the hour pack’s id (`hour_pack`); null for orders and missions.',
  })
  saleId!: string | null;
  @ApiProperty({
    type: InvoiceRefResponse,
    nullable: true,
    description: 'The invoice a credit note cancels.',
  })
  refersTo!: InvoiceRefResponse | null;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ format: 'date', example: '2026-11-30' }) issueDate!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: 'integer' }) quantity!: number;
  @ApiProperty({ type: 'integer' }) unitPriceHtCents!: number;
  @ApiProperty({ type: 'integer' }) totalHtCents!: number;
  @ApiProperty({ type: 'integer', example: 2000, description: 'Basis points: 2000 = 20 %.' })
  vatRateBp!: number;
  @ApiProperty({ type: 'integer' }) vatCents!: number;
  @ApiProperty({ type: 'integer' }) totalTtcCents!: number;
}

export class InvoiceListResponse {
  @ApiProperty({ type: [InvoiceResponse] }) items!: InvoiceResponse[];
}
