import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FileReferences } from '../../../application/files/file-references.contract';
import { VerificationService } from '../../../application/identity/verification.service';
import { CausationContext } from '../../../application/shared/command-handling';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { SalaryPortageDto, SubmitDocumentDto } from './identity.dto';
import { Causation } from './identity-http';
import {
  DocumentSubmittedResponse,
  SalaryPortageResponse,
  VerificationFileResponse,
} from './identity-responses.dto';

/** A provider's own verification file (seed 001). */
@ApiTags('identity: provider verification')
@ApiBearerAuth()
@Roles('provider')
@Controller('me/verification')
export class VerificationController {
  constructor(
    private readonly verification: VerificationService,
    private readonly files: FileReferences,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Required documents, what is missing or expired, and every document sent',
    description: 'A provider is `verified` once every required document is approved and in date.',
  })
  @ApiResponse({ status: 200, type: VerificationFileResponse })
  file(@CurrentActor() actor: Actor) {
    return this.verification.file(actor.accountId);
  }

  @Post('documents')
  @ApiOperation({
    summary:
      'Send a document for review (kind and the id of a file uploaded as `verification_document`)',
    description:
      'The file must be one of your uploads with the purpose `verification_document` (422 `FILE_NOT_FOUND` or `FILE_PURPOSE_MISMATCH`); only you and the reviewing staff can read it, and it is deleted from storage if your account is erased.',
  })
  @ApiResponse({
    status: 422,
    description:
      '`FILE_NOT_FOUND` or `FILE_PURPOSE_MISMATCH`: `uploadRef` is not one of your `verification_document` uploads.',
  })
  @ApiResponse({ status: 201, type: DocumentSubmittedResponse })
  async submit(
    @CurrentActor() actor: Actor,
    @Body() dto: SubmitDocumentDto,
    @Causation() causation: CausationContext,
  ) {
    return this.files.attachOne(
      actor.accountId,
      dto.uploadRef,
      'verification_document',
      { kind: 'verification', subjectId: actor.accountId },
      'uploadRef',
      () => this.verification.submit(actor.accountId, dto.kind, dto.uploadRef, causation),
    );
  }

  @Put('salary-portage')
  @ApiOperation({
    summary: 'Declare whether I work through salary portage (then a DPAE is required)',
    description: 'Changes which documents are required.',
  })
  @ApiResponse({ status: 200, type: SalaryPortageResponse })
  salaryPortage(
    @CurrentActor() actor: Actor,
    @Body() dto: SalaryPortageDto,
    @Causation() causation: CausationContext,
  ) {
    return this.verification.declareSalaryPortage(actor.accountId, dto.salaryPortage, causation);
  }
}
