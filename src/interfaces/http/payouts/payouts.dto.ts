import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

export class RegisterWithdrawalAccountDto {
  @ApiProperty({
    enum: ['bank', 'paypal'],
    example: 'bank',
    description: 'A bank account (IBAN) or a PayPal address.',
  })
  @IsIn(['bank', 'paypal'])
  kind!: 'bank' | 'paypal';

  @ApiPropertyOptional({
    example: 'FR76 3000 6000 0112 3456 7890 189',
    description: 'Required for a bank account; checked by its ISO 13616 checksum.',
  })
  @ValidateIf((o: RegisterWithdrawalAccountDto) => o.kind === 'bank')
  @IsString()
  @MaxLength(64)
  iban?: string;

  @ApiPropertyOptional({ example: 'Camille Martin', description: 'Required for a bank account.' })
  @ValidateIf((o: RegisterWithdrawalAccountDto) => o.kind === 'bank')
  @IsString()
  @IsNotEmpty()
  @MaxLength(140)
  holderName?: string;

  @ApiPropertyOptional({
    example: 'camille.martin@example.fr',
    description: 'Required for PayPal.',
  })
  @ValidateIf((o: RegisterWithdrawalAccountDto) => o.kind === 'paypal')
  @IsString()
  @MaxLength(254)
  email?: string;
}

export class RequestWithdrawalDto {
  @ApiProperty({
    example: 4500,
    description: 'Amount in euro cents, at most the available balance.',
  })
  @IsInt()
  @Min(1)
  amountCents!: number;

  @ApiProperty({
    example: '9b1f0c2e-3d4a-4b5c-8d6e-7f8091a2b3c4',
    description: 'A withdrawal account registered on this wallet.',
  })
  @IsUUID()
  accountId!: string;
}

export class WithdrawalAccountResponse {
  @ApiProperty({ example: '9b1f0c2e-3d4a-4b5c-8d6e-7f8091a2b3c4' }) accountId!: string;
  @ApiProperty({ enum: ['bank', 'paypal'] }) kind!: 'bank' | 'paypal';
  @ApiPropertyOptional({ example: 'FR76 **** 0189' }) ibanMasked?: string;
  @ApiPropertyOptional({ example: 'Camille Martin' }) holderName?: string;
  @ApiPropertyOptional({ example: 'camille.martin@example.fr' }) email?: string;
}

export class RegisteredAccountResponse {
  @ApiProperty({ type: WithdrawalAccountResponse }) account!: WithdrawalAccountResponse;
  @ApiProperty({ example: '3', description: 'The wallet stream revision after the change.' })
  revision!: string;
}

export class PayoutResponse {
  @ApiProperty({ example: '5c4b3a29-1807-4f6e-9d5c-4b3a29180716' }) payoutId!: string;
  @ApiProperty() providerId!: string;
  @ApiProperty({ example: 4500 }) amountCents!: number;
  @ApiProperty({ enum: ['requested', 'submitted', 'sent', 'failed'], example: 'requested' })
  status!: string;
  @ApiProperty({ example: 'Demandé' }) statusLabel!: string;
  @ApiProperty({ type: WithdrawalAccountResponse }) account!: WithdrawalAccountResponse;
  @ApiProperty({ type: String, nullable: true, example: null }) gatewayPayoutId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) failureCode!: string | null;
  @ApiProperty({ example: '0', description: 'The payout stream revision.' }) revision!: string;
}

export class WalletPayoutResponse {
  @ApiProperty() payoutId!: string;
  @ApiProperty({ example: 4500 }) amountCents!: number;
  @ApiProperty() accountId!: string;
  @ApiProperty({ enum: ['in_transit', 'paid_out', 'returned'] }) status!: string;
}

export class WalletResponse {
  @ApiProperty() providerId!: string;
  @ApiProperty({ example: 12000, description: 'Everything ever credited by released escrows.' })
  creditedCents!: number;
  @ApiProperty({ example: 7500, description: 'What may be withdrawn now.' })
  availableCents!: number;
  @ApiProperty({ example: 4500 }) inTransitCents!: number;
  @ApiProperty({ example: 0 }) paidOutCents!: number;
  @ApiProperty({ type: [WithdrawalAccountResponse] }) accounts!: WithdrawalAccountResponse[];
  @ApiProperty({ type: [WalletPayoutResponse] }) payouts!: WalletPayoutResponse[];
  @ApiProperty({ type: String, nullable: true, example: '4' }) revision!: string | null;
}
