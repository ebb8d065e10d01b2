import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import { searchGigs } from '../../../projections/catalog/gig-search.queries';
import { providerProfile } from '../../../projections/profiles/profile.queries';
import { Public } from '../auth/actor';
import { ProblemException } from '../problem/problem-details.filter';
import { GigSearchQuery } from './read-models.dto';

@ApiTags('search')
@Controller()
export class CatalogSearchController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get('search/gigs')
  @Public()
  @ApiOperation({
    summary: 'Search published gigs',
    description:
      'By category, words, TTC price range; sorted by relevance, rating, price or newest.',
  })
  search(@Query() q: GigSearchQuery) {
    if (
      q.minPriceCents !== undefined &&
      q.maxPriceCents !== undefined &&
      q.minPriceCents > q.maxPriceCents
    ) {
      throw new ProblemException(
        400,
        'PRICE_RANGE_INVERTED',
        'minPriceCents is above maxPriceCents',
        { minPriceCents: q.minPriceCents, maxPriceCents: q.maxPriceCents },
      );
    }
    return searchGigs(this.pool, {
      ...q,
      sort: q.sort ?? 'relevance',
      limit: q.limit ?? 20,
      offset: q.offset ?? 0,
    });
  }

  @Get('profiles/:provider')
  @Public()
  @ApiOperation({
    summary: 'Provider profile',
    description:
      'By account id or provider reference (PR-XXXXX): rating average and count, completed orders, cancellation marks, recent reviews.',
  })
  async profile(@Param('provider') provider: string) {
    const found = provider.length <= 64 ? await providerProfile(this.pool, provider) : null;
    if (!found)
      throw new ProblemException(
        404,
        'PROFILE_NOT_FOUND',
        'No profile under this id or reference',
        { provider },
      );
    return found;
  }
}
