import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { GigSearchResponse, ProviderProfileResponse } from './catalog-search-responses.dto';
import { Pool } from 'pg';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import { searchGigs } from '../../../projections/catalog/gig-search.queries';
import { providerProfile } from '../../../projections/profiles/profile.queries';
import { Public } from '../auth/actor';
import { isProviderReference } from '../../../domain/identity';
import { parseId } from '../problem/id-param';
import { ProblemException } from '../problem/problem-details.filter';
import { GigSearchQuery } from './catalog-search.dto';

@ApiTags('search')
@Controller()
export class CatalogSearchController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get('search/gigs')
  @Public()
  @ApiOperation({
    summary: 'Search published gigs',
    description:
      "By category, words, TTC price range; sorted by relevance, rating, price or newest. Each gig shows its seller's cancellation marks (`sellerCancellationMarks`) and `featured` when its seller runs a Pro subscription. In the `relevance` sort a Pro seller's gigs get a small bounded boost on the text rank (a clearly better match still comes first; without words, Pro first among equal ratings); the other sorts are never changed by Pro (docs/plans-pro.md).",
  })
  @ApiResponse({ status: 200, type: GigSearchResponse })
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
      "By account id or provider reference (PR-XXXXX): the Pro badge and featured flag while a Pro subscription runs (docs/plans-pro.md), rating average and count, completed orders, recent reviews, and cancellation marks: every cancellation shows on the canceller's profile (a late-delivery cancellation on the late seller's), with the other party's amendment (comment, rating) when there is one; a mark the other party withdrew no longer shows or counts.",
  })
  @ApiParam({
    name: 'provider',
    description:
      'An account id (UUID) or a provider reference; anything else is answered 400 `INVALID_ID`.',
    example: 'PR-7K3Q9',
  })
  @ApiResponse({ status: 200, type: ProviderProfileResponse })
  @ApiResponse({ status: 404, description: '`PROFILE_NOT_FOUND`: no profile under this id or reference.' })
  async profile(@Param('provider') provider: string) {
    if (!isProviderReference(provider.trim().toUpperCase())) parseId('provider', provider);
    const found = await providerProfile(this.pool, provider);
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
