import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { GIG_SORTS, GigSort } from '../../../projections/catalog/gig-search.queries';
import { PageQuery } from '../shared/page-query.dto';

export class GigSearchQuery extends PageQuery {
  @ApiPropertyOptional({
    example: 'logo vectoriel',
    description:
      'Words searched in title, keywords, category and description (French stemming, accents ignored)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: 'graphisme' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;

  @ApiPropertyOptional({ example: 2000, description: 'Lowest TTC price, in cents' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPriceCents?: number;

  @ApiPropertyOptional({ example: 15000, description: 'Highest TTC price, in cents' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  maxPriceCents?: number;

  @ApiPropertyOptional({ enum: GIG_SORTS, default: 'relevance' })
  @IsOptional()
  @IsIn(GIG_SORTS as unknown as string[])
  sort?: GigSort;

  @ApiPropertyOptional({ example: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  offset?: number;
}
