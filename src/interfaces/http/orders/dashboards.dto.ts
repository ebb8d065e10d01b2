import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ORDER_STATUS_LABELS } from '../../../domain/orders';
import { PageQuery } from '../shared/page-query.dto';

const ORDER_STATUSES = Object.keys(ORDER_STATUS_LABELS);

export class BuyerDashboardQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: ORDER_STATUSES,
    example: 'delivered',
    description: 'Only orders in this status',
  })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: string;
}
