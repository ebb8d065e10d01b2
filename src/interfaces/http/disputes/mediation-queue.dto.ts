import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '../shared/page-query.dto';

export class MediationQueueQuery extends PageQuery {
  @ApiPropertyOptional({
    example: 'open,under_review',
    description: 'Comma-separated dispute statuses; defaults to every open status',
  })
  @IsOptional()
  @Matches(
    /^(open|under_review|settlement_proposed|resolved|withdrawn)(,(open|under_review|settlement_proposed|resolved|withdrawn))*$/,
  )
  status?: string;

  @ApiPropertyOptional({
    example: 'me',
    description: '`me`, `unassigned`, or a mediator account id',
  })
  @IsOptional()
  @Matches(
    /^(me|unassigned|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/,
  )
  assignee?: string;

  @ApiPropertyOptional({
    enum: ['order', 'mission', 'project'],
    example: 'mission',
    description:
      'Only the disputes about orders, about missions ("Signaler un problème"), or about tender projects (SMA, R0 account)',
  })
  @IsOptional()
  @IsIn(['order', 'mission', 'project'])
  subject?: 'order' | 'mission' | 'project';
}
