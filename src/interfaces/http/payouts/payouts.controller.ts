import { Body, Controller, Get, Headers, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { createHash, randomUUID } from 'node:crypto';
import {
  PayoutView,
  WalletView,
  WithdrawalAccountInput,
  Withdrawals,
} from '../../../application/payouts/withdrawals.service';
import { Clock } from '../../../application/shared/clock';
import { NotFoundError } from '../../../domain/shared';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import {
  PayoutResponse,
  RegisteredAccountResponse,
  RegisterWithdrawalAccountDto,
  RequestWithdrawalDto,
  WalletResponse,
} from './payouts.dto';
import { IdParam } from '../problem/id-param';

/** A new id derived from the Idempotency-Key when there is one, so a retried creation lands on the same id. */
function newId(kind: string, actor: Actor, key: string | undefined): string {
  if (!key) return randomUUID();
  const hex = createHash('sha256')
    .update(`${kind}\u001f${actor.accountId}\u001f${key}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The payee acts as a provider, or as an association account (paid by the solidarity pot). */
function payeeRole(actor: Actor): 'provider' | 'association' {
  if (actor.activeRole === 'association') return 'association';
  return actor.has('provider') || !actor.has('association') ? 'provider' : 'association';
}

const payoutNotFound = (payoutId: string) =>
  new NotFoundError('PAYOUT_NOT_FOUND', 'No payout has been requested under this id', { payoutId });

@ApiTags('payouts')
@ApiBearerAuth()
@Controller()
export class PayoutsController {
  constructor(
    private readonly withdrawals: Withdrawals,
    private readonly clock: Clock,
  ) {}

  @Get('wallet')
  @Roles('provider', 'association')
  @ApiOperation({
    summary: 'My wallet',
    description:
      'Balances (credited, available, in transit, paid out), withdrawal accounts and withdrawals of the caller: a provider, or an association account paid its share of the solidarity pot (the payee; the payouts domain calls it `providerId`).',
  })
  @ApiOkResponse({ type: WalletResponse })
  wallet(@CurrentActor() actor: Actor): Promise<WalletView> {
    return this.withdrawals.wallet(actor.accountId);
  }

  @Get('wallets/:providerId')
  @Roles('finance', 'admin')
  @ApiOperation({
    summary: "A provider's wallet (finance, admin)",
    description: 'The same view as GET /wallet, for any provider.',
  })
  @ApiOkResponse({ type: WalletResponse })
  providerWallet(@IdParam('providerId') providerId: string): Promise<WalletView> {
    return this.withdrawals.wallet(providerId);
  }

  @Post('wallet/withdrawal-accounts')
  @Roles('provider', 'association')
  @ApiOperation({
    summary: 'Register a withdrawal account',
    description:
      'A bank account (IBAN checked by its checksum, stored without spaces) or a PayPal e-mail. Needed before the first withdrawal; an association account registers the account its share of the solidarity pot is paid to. Refusals: 400 INVALID_IBAN, INVALID_PAYPAL_EMAIL, VALIDATION_FAILED.',
  })
  @ApiResponse({ status: 201, type: RegisteredAccountResponse })
  async registerAccount(
    @CurrentActor() actor: Actor,
    @Body() body: RegisterWithdrawalAccountDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<{ account: unknown; revision: string | null }> {
    const input: WithdrawalAccountInput =
      body.kind === 'bank'
        ? { kind: 'bank', iban: body.iban ?? '', holderName: body.holderName ?? '' }
        : { kind: 'paypal', email: body.email ?? '' };
    return this.withdrawals.registerAccount(
      actor.meta(this.clock.now(), payeeRole(actor)),
      actor.causation,
      newId('withdrawal-account', actor, key),
      input,
    );
  }

  @Post('wallet/withdrawals')
  @Roles('provider', 'association')
  @ApiOperation({
    summary: 'Request a withdrawal',
    description:
      'Reserves any amount up to the available balance and asks for a payout to a registered account; a worker pays it through the gateway (the payout id is the idempotency key) and the payout becomes sent, or failed with the money back in the wallet. Refusals: 422 INSUFFICIENT_BALANCE, 422 NO_WITHDRAWAL_ACCOUNT, 404 WITHDRAWAL_ACCOUNT_NOT_FOUND.',
  })
  @ApiResponse({ status: 201, type: PayoutResponse })
  requestWithdrawal(
    @CurrentActor() actor: Actor,
    @Body() body: RequestWithdrawalDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<PayoutView> {
    return this.withdrawals.requestWithdrawal(
      actor.meta(this.clock.now(), payeeRole(actor)),
      actor.causation,
      newId('payout', actor, key),
      body,
    );
  }

  @Get('payouts/:payoutId')
  @Roles('provider', 'association', 'finance', 'admin')
  @ApiOperation({
    summary: 'Where a withdrawal stands',
    description: 'Its owner, finance and admins see it; anyone else gets 404.',
  })
  @ApiOkResponse({ type: PayoutResponse })
  async payout(
    @CurrentActor() actor: Actor,
    @IdParam('payoutId') payoutId: string,
  ): Promise<PayoutView> {
    let view: PayoutView;
    try {
      view = await this.withdrawals.payout(payoutId);
    } catch (error) {
      if (error instanceof NotFoundError) throw payoutNotFound(payoutId);
      throw error;
    }
    if (view.providerId !== actor.accountId && !actor.has('finance') && !actor.has('admin'))
      throw payoutNotFound(payoutId);
    return view;
  }
}
