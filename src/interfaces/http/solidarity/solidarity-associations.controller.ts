import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import { NotFoundError } from '../../../domain/shared';
import { PG_POOL } from '../../../infrastructure/database/database.tokens';
import {
  currentPartner,
  currentPartners,
} from '../../../projections/solidarity-partners/solidarity-partners.queries';
import { Public } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import {
  PublicAssociationDetailResponse,
  PublicAssociationListResponse,
} from './solidarity-partners.dto';

const ASSOCIATION_ID = { name: 'associationId', example: '0b8a3e0e-7c55-4a8e-9d39-6f1f0e7c2b11' };

/** The partner associations of the solidarity pot, for anyone (issue 18). */
@ApiTags('solidarity')
@Controller('solidarity/associations')
export class SolidarityAssociationsController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'The partner associations of the solidarity pot',
    description:
      'Seed 000: "5 % de notre chiffre d’affaires est reversé chaque mois aux associations partenaires, selon les votes des utilisateurs". The current partners by name, with their object and since when they are partners.',
  })
  @ApiOkResponse({ type: PublicAssociationListResponse })
  partners() {
    return currentPartners(this.pool);
  }

  @Get(':associationId')
  @Public()
  @ApiParam(ASSOCIATION_ID)
  @ApiOperation({
    summary: 'One partner association',
    description:
      'A current partner with its RNA number and city; an association that is not (or no longer) a partner answers 404 `ASSOCIATION_NOT_FOUND`.',
  })
  @ApiOkResponse({ type: PublicAssociationDetailResponse })
  @ApiResponse({
    status: 404,
    description: '`ASSOCIATION_NOT_FOUND`: no current partner under this id.',
  })
  async partner(@IdParam('associationId') associationId: string) {
    const found = await currentPartner(this.pool, associationId);
    if (!found)
      throw new NotFoundError('ASSOCIATION_NOT_FOUND', 'No partner association under this id', {
        associationId,
      });
    return found;
  }
}
