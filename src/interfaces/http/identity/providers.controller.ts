import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccountService } from '../../../application/identity/account.service';
import {
  ProviderByReferenceResponse,
} from './identity-responses.dto';

/** Clients find a provider by the short public reference (seed 002). */
@ApiTags('identity: providers')
@ApiBearerAuth()
@Controller('providers')
export class ProvidersController {
  constructor(private readonly accounts: AccountService) {}

  @Get(':reference')
  @ApiOperation({
    summary: 'Find a provider by public reference, e.g. PR-7K3Q9',
    description: 'Case-insensitive; a closed account or one without the provider role reads as unknown (404).',
  })
  @ApiResponse({ status: 200, type: ProviderByReferenceResponse })
  @ApiResponse({ status: 404, description: '`PROVIDER_NOT_FOUND`: no open provider account under this reference.' })
  byReference(@Param('reference') reference: string) {
    return this.accounts.providerByReference(reference);
  }
}
