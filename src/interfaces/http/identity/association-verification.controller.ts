import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { FileReferences } from '../../../application/files/file-references.contract';
import { VerificationService } from '../../../application/identity/verification.service';
import { CausationContext } from '../../../application/shared/command-handling';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import { IdParam } from '../problem/id-param';
import { ApiStateChange } from '../shared/http-support';
import {
  AssociationDocumentSubmittedResponse,
  AssociationRegistrationDto,
  AssociationVerificationFileResponse,
  SubmitAssociationDocumentDto,
} from './association-verification.dto';
import { Causation } from './identity-http';

const REGISTRATION_REFUSALS = [
  { status: 400, code: 'INVALID_RNA_NUMBER' },
  { status: 400, code: 'INVALID_SIREN' },
  { status: 400, code: 'INVALID_ASSOCIATION_FIELD' },
  { status: 400, code: 'INVALID_ADDRESS' },
] as const;

/**
 * An association's verification (issue 18), "as providers are": it declares its registration
 * details and sends its statutes and declaration receipt; staff approve or reject each document at
 * the same routes as a provider's (`POST /admin/verifications/{accountId}/documents/{documentId}/approve|reject`).
 */
@ApiTags('identity: association verification')
@ApiBearerAuth()
@Controller()
export class AssociationVerificationController {
  constructor(
    private readonly verification: VerificationService,
    private readonly files: FileReferences,
  ) {}

  @Get('me/association-verification')
  @Roles('association')
  @ApiOperation({
    summary: 'My association file: registration details, missing documents, every document sent',
    description:
      'The association is `verified` once its registration details are declared and its statutes and its declaration receipt (or RNA extract) are approved by staff.',
  })
  @ApiOkResponse({ type: AssociationVerificationFileResponse })
  file(@CurrentActor() actor: Actor) {
    return this.verification.associationFile(actor.accountId);
  }

  @Put('me/association-verification/registration')
  @Roles('association')
  @ApiStateChange({
    summary: 'Declare or correct the association’s registration details',
    description:
      'Official name, RNA number (`W` + 9 digits), optional SIREN (9 digits, Luhn), registered office and object. The same details again change nothing. The contact person’s name is personal data: encrypted, and erased with the account. Answers the whole file.',
    refusals: [...REGISTRATION_REFUSALS],
    ifMatch: false,
  })
  @ApiOkResponse({ type: AssociationVerificationFileResponse })
  declare(
    @CurrentActor() actor: Actor,
    @Body() dto: AssociationRegistrationDto,
    @Causation() causation: CausationContext,
  ) {
    return this.verification.declareAssociation(actor.accountId, dto, causation);
  }

  @Post('me/association-verification/documents')
  @Roles('association')
  @ApiStateChange({
    summary: 'Send a document for review (statutes, declaration receipt or RNA extract)',
    description:
      'Kind `association_statutes` or `association_registration_receipt`, and the id of a file you uploaded as `verification_document` (422 `FILE_NOT_FOUND` or `FILE_PURPOSE_MISMATCH` otherwise). Only you and the reviewing staff can read it.',
    refusals: [
      { status: 400, code: 'UNKNOWN_DOCUMENT_KIND' },
      { status: 409, code: 'DOCUMENT_ALREADY_SUBMITTED', currentStatus: 'submitted' },
      { status: 422, code: 'FILE_NOT_FOUND' },
      { status: 422, code: 'FILE_PURPOSE_MISMATCH' },
    ],
    ifMatch: false,
  })
  @ApiResponse({ status: 201, type: AssociationDocumentSubmittedResponse })
  submit(
    @CurrentActor() actor: Actor,
    @Body() dto: SubmitAssociationDocumentDto,
    @Causation() causation: CausationContext,
  ) {
    return this.files.attachOne(
      actor.accountId,
      dto.uploadRef,
      'verification_document',
      { kind: 'verification', subjectId: actor.accountId },
      'uploadRef',
      () =>
        this.verification.submitAssociationDocument(
          actor.accountId,
          dto.kind,
          dto.uploadRef,
          causation,
        ),
    );
  }

  @Get('admin/associations/:associationId/verification')
  @Roles('mediator', 'admin')
  @ApiParam({ name: 'associationId', example: '0b8a3e0e-7c55-4a8e-9d39-6f1f0e7c2b11' })
  @ApiOperation({
    summary: "An association's verification file (staff)",
    description:
      'The same file the association reads at GET /me/association-verification; staff review its documents at POST /admin/verifications/{associationId}/documents/{documentId}/approve or /reject.',
  })
  @ApiOkResponse({ type: AssociationVerificationFileResponse })
  staffFile(@IdParam('associationId') associationId: string) {
    return this.verification.associationFile(associationId);
  }
}
