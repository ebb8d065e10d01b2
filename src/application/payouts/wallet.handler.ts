import { CommandHandler } from '@nestjs/cqrs';
import { walletDecider } from '../../domain/payouts';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import { WalletCommandMessage, walletStream } from './wallet.messages';

/** The wallet's one handler; the payouts flows and the crediting reactor both send WalletCommandMessage. */
@CommandHandler(WalletCommandMessage)
export class WalletCommandHandler extends aggregateCommandHandler(walletDecider, walletStream) {}
