import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountService } from '../../../application/identity/account.service';

/** Clients find a provider by the short public reference (seed 002). */
@ApiTags('identity: providers')
@ApiBearerAuth()
@Controller('providers')
export class ProvidersController {
  constructor(private readonly accounts: AccountService) {}

  @Get(':reference')
  @ApiOperation({ summary: 'Find a provider by public reference, e.g. PR-7K3Q9' })
  byReference(@Param('reference') reference: string) {
    return this.accounts.providerByReference(reference);
  }
}
