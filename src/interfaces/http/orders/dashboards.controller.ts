import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  BuyerDashboardResponse,
  SellerDashboardResponse,
  WalletDashboardResponse,
} from './dashboards-responses.dto';
import { Pool } from 'pg';
import { Clock } from '../../../application/shared/clock';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import { buyerDashboard, sellerDashboard } from '../../../projections/orders/dashboards.queries';
import { sellerWallet } from '../../../projections/wallets/wallet.queries';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { PageQuery } from '../shared/page-query.dto';
import { BuyerDashboardQuery } from './dashboards.dto';

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardsController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  @Get('buyer')
  @Roles('client')
  @ApiOperation({
    summary: 'Buyer dashboard',
    description:
      'My orders by status with their French labels (Actif, Délivré, Terminé, Contesté, Résolu…), amounts and due dates, and my custom requests awaiting an answer.',
  })
  @ApiResponse({ status: 200, type: BuyerDashboardResponse })
  buyer(@CurrentActor() actor: Actor, @Query() query: BuyerDashboardQuery) {
    return buyerDashboard(this.pool, actor.accountId, {
      status: query.status,
      limit: query.limit ?? 50,
      now: this.clock.now(),
    });
  }

  @Get('seller')
  @Roles('provider')
  @ApiOperation({
    summary: 'Seller dashboard',
    description: 'Orders to start, orders due (late ones flagged) and earnings.',
  })
  @ApiResponse({ status: 200, type: SellerDashboardResponse })
  seller(@CurrentActor() actor: Actor, @Query() query: PageQuery) {
    return sellerDashboard(this.pool, actor.accountId, {
      limit: query.limit ?? 50,
      now: this.clock.now(),
    });
  }

  @Get('wallet')
  @Roles('provider')
  @ApiOperation({
    summary: 'Seller wallet',
    description:
      'Available balance, amount still held in escrow for my orders, in transit and paid out; recent withdrawals.',
  })
  @ApiResponse({ status: 200, type: WalletDashboardResponse })
  wallet(@CurrentActor() actor: Actor, @Query() query: PageQuery) {
    return sellerWallet(this.pool, actor.accountId, query.limit ?? 20);
  }
}
