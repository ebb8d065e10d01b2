import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Patch,
  Post,
  Put,
  UseFilters,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccountClosureService } from '../../../application/identity/account-closure.service';
import { AccountService } from '../../../application/identity/account.service';
import { AuthenticationService } from '../../../application/identity/authentication.service';
import { CausationContext } from '../../../application/shared/command-handling';
import { Actor, CurrentActor } from '../auth/actor';
import { ChangePasswordDto, RoleDto, UpdateProfileDto } from './identity.dto';
import {
  AuthenticationFailedFilter,
  Causation,
  expectedRevision,
  SessionId,
  sessionActor,
} from './identity-http';
import {
  AccountResponse,
  ClosureResponse,
  PasswordChangedResponse,
  ProfileChangedResponse,
  TokenPairResponse,
} from './identity-responses.dto';

/** The holder's own account: every route acts on the token's account only. */
@ApiTags('identity: my account')
@ApiBearerAuth()
@UseFilters(AuthenticationFailedFilter)
@Controller('me')
export class MeController {
  constructor(
    private readonly accounts: AccountService,
    private readonly auth: AuthenticationService,
    private readonly closure: AccountClosureService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'My profile, roles and account status',
    description: 'The caller\'s own account, with the `revision` to send as If-Match on PATCH /me.',
  })
  @ApiResponse({ status: 200, type: AccountResponse })
  @ApiResponse({ status: 404, description: '`ACCOUNT_NOT_FOUND`: the token names an account that does not exist (any more).' })
  profile(@CurrentActor() actor: Actor) {
    return this.accounts.view(actor.accountId);
  }

  @Patch()
  @ApiHeader({ name: 'If-Match', required: false, description: 'Expected revision' })
  @ApiOperation({
    summary: 'Change display name, phone or address (null clears); answers the changed field names',
    description: 'Phone numbers and addresses are checked (French formats); the answer names the changed fields only, never their values.',
  })
  @ApiResponse({ status: 200, type: ProfileChangedResponse })
  updateProfile(
    @CurrentActor() actor: Actor,
    @SessionId() sid: string,
    @Body() dto: UpdateProfileDto,
    @Causation() causation: CausationContext,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.accounts.updateProfile(
      sessionActor(actor, sid),
      dto,
      causation,
      expectedRevision(ifMatch),
    );
  }

  @Post('password')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change my password; my other sessions are logged out',
    description: 'The current password is required (401 `INVALID_CURRENT_PASSWORD`); this session stays open.',
  })
  @ApiResponse({ status: 200, type: PasswordChangedResponse })
  changePassword(
    @CurrentActor() actor: Actor,
    @SessionId() sid: string,
    @Body() dto: ChangePasswordDto,
    @Causation() causation: CausationContext,
  ) {
    return this.auth.changePassword(
      actor.accountId,
      sid,
      dto.currentPassword,
      dto.newPassword,
      causation,
    );
  }

  @Post('roles')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Activate another party role (a provider gets a public reference); answers fresh tokens',
    description: 'Party roles are `client` and `provider`; the fresh tokens carry the new role.',
  })
  @ApiResponse({ status: 200, type: TokenPairResponse })
  @ApiResponse({ status: 403, description: 'A role the account may not take: `ROLE_NOT_HELD`, `INVALID_ROLE` or a staff role.' })
  activateRole(
    @CurrentActor() actor: Actor,
    @SessionId() sid: string,
    @Body() dto: RoleDto,
    @Causation() causation: CausationContext,
  ) {
    return this.accounts.activateRole(sessionActor(actor, sid), dto.role, causation);
  }

  @Put('active-role')
  @ApiOperation({
    summary: 'Switch the role I act under; answers fresh tokens',
    description: 'The role must be one the account holds; the fresh tokens carry it as `activeRole`.',
  })
  @ApiResponse({ status: 200, type: TokenPairResponse })
  @ApiResponse({ status: 403, description: 'A role the account may not take: `ROLE_NOT_HELD`, `INVALID_ROLE` or a staff role.' })
  switchActiveRole(
    @CurrentActor() actor: Actor,
    @SessionId() sid: string,
    @Body() dto: RoleDto,
    @Causation() causation: CausationContext,
  ) {
    return this.accounts.switchActiveRole(sessionActor(actor, sid), dto.role, causation);
  }

  @Post('closure')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Ask to close my account: effective after 2 business days, then my personal data is erased',
    description: 'Refused while an order or a dispute is open. Until `effectiveAt` the request can be withdrawn.',
  })
  @ApiResponse({ status: 202, type: ClosureResponse })
  requestClosure(
    @CurrentActor() actor: Actor,
    @SessionId() sid: string,
    @Causation() causation: CausationContext,
  ) {
    return this.closure.requestClosure(sessionActor(actor, sid), causation);
  }

  @Delete('closure')
  @ApiOperation({
    summary: 'Withdraw my closure request before it takes effect',
    description: 'The account is open again.',
  })
  @ApiResponse({ status: 200, type: ClosureResponse })
  withdrawClosure(
    @CurrentActor() actor: Actor,
    @SessionId() sid: string,
    @Causation() causation: CausationContext,
  ) {
    return this.closure.withdrawClosure(sessionActor(actor, sid), causation);
  }
}
