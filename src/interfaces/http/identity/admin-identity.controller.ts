import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccountClosureService } from '../../../application/identity/account-closure.service';
import { AccountService } from '../../../application/identity/account.service';
import { VerificationService } from '../../../application/identity/verification.service';
import { Notifications } from '../../../application/notifications/notifications.port';
import { CausationContext } from '../../../application/shared/command-handling';
import { Actor, CurrentActor, Roles } from '../auth/actor';
import {
  ErasureDto,
  NotificationQuery,
  RejectDocumentDto,
  RoleDto,
  VerificationQueueQuery,
} from './identity.dto';
import { Causation } from './identity-http';
import { IdParam } from '../problem/id-param';
import {
  AccountResponse,
  AccountStatusResponse,
  DocumentReviewedResponse,
  NotificationOutboxResponse,
  StaffRolesResponse,
  VerificationFileResponse,
  VerificationQueueResponse,
} from './identity-responses.dto';

/** Staff side of identity; every action records the staff member's account id. */
@ApiTags('identity: staff')
@ApiBearerAuth()
@Controller('admin')
export class AdminIdentityController {
  constructor(
    private readonly accounts: AccountService,
    private readonly verification: VerificationService,
    private readonly notifications: Notifications,
    private readonly closure: AccountClosureService,
  ) {}

  @Get('verifications')
  @Roles('mediator', 'admin')
  @ApiOperation({
    summary: 'Verification documents, oldest first (default: awaiting review)',
    description: 'Staff (mediator, admin) work through this queue; filter by status or provider.',
  })
  @ApiResponse({ status: 200, type: VerificationQueueResponse })
  async queue(@Query() query: VerificationQueueQuery) {
    const items = await this.verification.queue({
      status: query.status ?? 'submitted',
      providerId: query.providerId,
      limit: query.limit ?? 50,
    });
    return { items };
  }

  @Get('providers/:providerId/verification')
  @Roles('mediator', 'admin')
  @ApiOperation({
    summary: "A provider's verification file",
    description: 'The same file the provider reads at GET /me/verification.',
  })
  @ApiResponse({ status: 200, type: VerificationFileResponse })
  providerFile(@IdParam('providerId') providerId: string) {
    return this.verification.file(providerId);
  }

  @Post('verifications/:providerId/documents/:documentId/approve')
  @HttpCode(200)
  @Roles('mediator', 'admin')
  @ApiOperation({
    summary: 'Approve a document; its expiry is computed from its kind',
    description: 'The provider is told by e-mail.',
  })
  @ApiResponse({ status: 200, type: DocumentReviewedResponse })
  @ApiResponse({ status: 404, description: '`DOCUMENT_NOT_FOUND`: no such document in the file of this provider.' })
  approve(
    @CurrentActor() actor: Actor,
    @IdParam('providerId') providerId: string,
    @IdParam('documentId') documentId: string,
    @Causation() causation: CausationContext,
  ) {
    return this.verification.approve(actor, providerId, documentId, causation);
  }

  @Post('verifications/:providerId/documents/:documentId/reject')
  @HttpCode(200)
  @Roles('mediator', 'admin')
  @ApiOperation({
    summary: 'Reject a document with a reason sent to the provider',
    description: 'The provider is told by e-mail and may send a new document.',
  })
  @ApiResponse({ status: 200, type: DocumentReviewedResponse })
  @ApiResponse({ status: 404, description: '`DOCUMENT_NOT_FOUND`: no such document in the file of this provider.' })
  reject(
    @CurrentActor() actor: Actor,
    @IdParam('providerId') providerId: string,
    @IdParam('documentId') documentId: string,
    @Body() dto: RejectDocumentDto,
    @Causation() causation: CausationContext,
  ) {
    return this.verification.reject(actor, providerId, documentId, dto.reason, causation);
  }

  @Get('notifications')
  @Roles('admin', 'mediator', 'finance')
  @ApiOperation({
    summary: 'The notification outbox, newest first',
    description: 'Keyset paging with `before`; single-use codes and other secrets never appear.',
  })
  @ApiResponse({ status: 200, type: NotificationOutboxResponse })
  async notificationOutbox(@Query() query: NotificationQuery) {
    const items = await this.notifications.list({
      template: query.template,
      recipientAccountId: query.accountId,
      status: query.status,
      before: query.before,
      limit: query.limit ?? 50,
    });
    return { items };
  }

  @Get('accounts/:accountId')
  @Roles('admin', 'mediator')
  @ApiOperation({
    summary: 'An account as staff see it (erased fields read "[erased]")',
    description: 'The same view as GET /me.',
  })
  @ApiResponse({ status: 200, type: AccountResponse })
  @ApiResponse({ status: 404, description: '`ACCOUNT_NOT_FOUND`: no account under this id.' })
  account(@IdParam('accountId') accountId: string) {
    return this.accounts.view(accountId);
  }

  @Post('accounts/:accountId/staff-roles')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Grant a staff role (mediator, finance, admin)',
    description: 'Admins only; the role works from the account\'s next token.',
  })
  @ApiResponse({ status: 200, type: StaffRolesResponse })
  @ApiResponse({ status: 404, description: '`ACCOUNT_NOT_FOUND`: no account under this id.' })
  grant(
    @CurrentActor() actor: Actor,
    @IdParam('accountId') accountId: string,
    @Body() dto: RoleDto,
    @Causation() causation: CausationContext,
  ) {
    return this.accounts.grantStaffRole(staff(actor), accountId, dto.role, causation);
  }

  @Delete('accounts/:accountId/staff-roles/:role')
  @Roles('admin')
  @ApiOperation({
    summary: "Revoke a staff role; the account's sessions are logged out",
    description: 'The role stops working at once, not when the access tokens expire.',
  })
  @ApiResponse({ status: 200, type: StaffRolesResponse })
  @ApiResponse({ status: 404, description: '`ACCOUNT_NOT_FOUND`: no account under this id.' })
  revoke(
    @CurrentActor() actor: Actor,
    @IdParam('accountId') accountId: string,
    @Param('role') role: string,
    @Causation() causation: CausationContext,
  ) {
    return this.accounts.revokeStaffRole(staff(actor), accountId, role, causation);
  }

  @Post('accounts/:accountId/erasure')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: "GDPR erasure: destroys the person's data key; money and order facts stay",
    description: 'Safe to repeat; personal fields then read "[erased]".',
  })
  @ApiResponse({ status: 200, type: AccountStatusResponse })
  @ApiResponse({ status: 404, description: '`ACCOUNT_NOT_FOUND`: no account under this id.' })
  erase(
    @CurrentActor() actor: Actor,
    @IdParam('accountId') accountId: string,
    @Body() dto: ErasureDto,
    @Causation() causation: CausationContext,
  ) {
    return this.closure.eraseAccount(
      accountId,
      dto.reason,
      { actorId: actor.accountId, actorRole: adminRole(actor) },
      causation,
    );
  }
}

/** The role the domain sees comes from the token, never from the route, so its own admin checks still bite. */
function adminRole(actor: Actor) {
  return actor.has('admin') ? 'admin' : actor.activeRole;
}

function staff(actor: Actor) {
  return {
    accountId: actor.accountId,
    sessionId: '',
    meta: (now: Date) => actor.meta(now, adminRole(actor)),
  };
}
