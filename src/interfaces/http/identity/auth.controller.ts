import { Body, Controller, HttpCode, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AuthenticationService,
  LoginResult,
  TRUSTED_DEVICE_TTL_SECONDS,
} from '../../../application/identity/authentication.service';
import { RegistrationService } from '../../../application/identity/registration.service';
import { CausationContext } from '../../../application/shared/command-handling';
import { Public } from '../auth/actor';
import {
  EmailDto,
  LoginDto,
  RefreshDto,
  RegisterDto,
  ResetPasswordDto,
  TokenDto,
} from './identity.dto';
import { AuthenticationFailedFilter, Causation, SessionId } from './identity-http';
import { NoIdempotencyStore } from '../idempotency/idempotency.interceptor';
import {
  AcceptedResponse,
  EmailConfirmedResponse,
  PasswordResetResponse,
  RegisteredResponse,
  TokenPairResponse,
} from './identity-responses.dto';

const DEVICE_COOKIE = 'mk_device';

function deviceCookie(request: FastifyRequest): string | null {
  const match = new RegExp(`(?:^|;\\s*)${DEVICE_COOKIE}=([^;]+)`).exec(
    request.headers.cookie ?? '',
  );
  return match ? decodeURIComponent(match[1]) : null;
}

@ApiTags('identity: authentication')
@UseFilters(AuthenticationFailedFilter)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly auth: AuthenticationService,
  ) {}

  @Public()
  @Post('register')
  @ApiOperation({
    summary: 'Create an account; a confirmation code is e-mailed',
    description:
      'Roles are `client` and/or `provider` (a provider gets a public reference such as PR-7K3Q9). The account cannot log in until the e-mail is confirmed. A known address answers 409 `EMAIL_TAKEN`.',
  })
  @ApiResponse({ status: 201, type: RegisteredResponse, description: 'The new account, e-mail not yet confirmed.' })
  register(@Body() dto: RegisterDto, @Causation() causation: CausationContext) {
    return this.registration.register(dto, causation);
  }

  @Public()
  @Post('confirm-email')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm the e-mail address with the single-use code',
    description: 'The code is valid 24 hours and works once; an unknown, used or expired code answers the same refusal.',
  })
  @ApiResponse({ status: 200, type: EmailConfirmedResponse, description: 'The address is confirmed; the account may log in.' })
  confirmEmail(@Body() dto: TokenDto, @Causation() causation: CausationContext) {
    return this.registration.confirmEmail(dto.token, causation);
  }

  @Public()
  @Post('resend-confirmation')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a new confirmation code (same answer whether the address is known or not)',
    description: 'Answers 202 in every case, so the answer never tells whether an address is registered.',
  })
  @ApiResponse({ status: 202, type: AcceptedResponse, description: 'Accepted; a code is sent if the address awaits confirmation.' })
  async resendConfirmation(@Body() dto: EmailDto, @Causation() causation: CausationContext) {
    await this.registration.resendConfirmation(dto.email, causation);
    return { accepted: true };
  }

  @Public()
  @Post('login')
  @NoIdempotencyStore()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Short-lived access token and rotating refresh token; throttled (429)',
    description:
      'Failures are counted per e-mail and client address, and per e-mail across every client without a device token; ' +
      'a client presenting the `deviceToken` a successful login gave it (body field, or the `mk_device` cookie) is counted on its own. ' +
      'Each success answers a new `deviceToken` and sets the cookie. Every refusal is the same for unknown and known e-mails.',
  })
  @ApiResponse({
    status: 200,
    description: 'The token pair and a new `deviceToken`.',
    schema: {
      type: 'object',
      required: [
        'tokenType',
        'accessToken',
        'expiresIn',
        'refreshToken',
        'refreshExpiresAt',
        'accountId',
        'roles',
        'activeRole',
        'deviceToken',
      ],
      properties: {
        tokenType: { type: 'string', enum: ['Bearer'] },
        accessToken: { type: 'string' },
        expiresIn: { type: 'integer', description: 'Seconds.' },
        refreshToken: { type: 'string' },
        refreshExpiresAt: { type: 'string', format: 'date-time' },
        accountId: { type: 'string', format: 'uuid' },
        roles: { type: 'array', items: { type: 'string' } },
        activeRole: { type: 'string' },
        deviceToken: {
          type: 'string',
          description: 'Send it back (body or `mk_device` cookie) on the next login.',
        },
      },
    },
  })
  @ApiResponse({
    status: 401,
    description: '`INVALID_CREDENTIALS` (unknown e-mail or wrong password)',
  })
  @ApiResponse({
    status: 403,
    description:
      '`EMAIL_NOT_CONFIRMED` or a closed account: the password was right, the account may not log in.',
  })
  @ApiResponse({
    status: 429,
    description:
      '`LOGIN_THROTTLED`: too many failures (or as many checks already running for this login); `Retry-After` (and `retryAfterSeconds`) says when to try again. The password is not checked.',
  })
  async login(
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResult> {
    const result = await this.auth.login(dto.email, dto.password, {
      ip: request.ip,
      deviceToken: dto.deviceToken ?? deviceCookie(request),
    });
    void reply.header(
      'set-cookie',
      `${DEVICE_COOKIE}=${result.deviceToken}; Path=/auth/login; HttpOnly; Secure; SameSite=Strict; Max-Age=${TRUSTED_DEVICE_TTL_SECONDS}`,
    );
    return result;
  }

  @Public()
  @Post('refresh')
  @NoIdempotencyStore()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Spend a refresh token for a new pair; a reused token revokes the whole session',
    description: 'Refresh tokens rotate: each is spent once. Presenting a spent one revokes the session it belongs to (token theft).',
  })
  @ApiResponse({ status: 200, type: TokenPairResponse, description: 'A new token pair.' })
  @ApiResponse({
    status: 401,
    description:
      '`REFRESH_TOKEN_INVALID` (unknown, expired or already spent: a reuse revokes the session).',
  })
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Revoke the current session: its refresh and access tokens stop working',
    description: 'Other sessions of the account stay open.',
  })
  @ApiResponse({ status: 204, description: 'Logged out.' })
  async logout(@SessionId() sessionId: string): Promise<void> {
    await this.auth.logout(sessionId);
  }

  @Public()
  @Post('forgot-password')
  @HttpCode(202)
  @ApiOperation({
    summary: 'E-mail a single-use reset code valid one hour (same answer for unknown addresses)',
    description: 'Answers 202 in every case, so the answer never tells whether an address is registered.',
  })
  @ApiResponse({ status: 202, type: AcceptedResponse, description: 'Accepted; a code is sent if the address is known.' })
  async forgotPassword(@Body() dto: EmailDto, @Causation() causation: CausationContext) {
    await this.auth.forgotPassword(dto.email, causation);
    return { accepted: true };
  }

  @Public()
  @Post('reset-password')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set a new password with the reset code; every session is logged out',
    description: 'The new password must meet the policy (400 `WEAK_PASSWORD`); the code works once.',
  })
  @ApiResponse({ status: 200, type: PasswordResetResponse, description: 'The password is changed.' })
  async resetPassword(@Body() dto: ResetPasswordDto, @Causation() causation: CausationContext) {
    const { accountId } = await this.auth.resetPassword(dto.token, dto.newPassword, causation);
    return { accountId, passwordReset: true };
  }
}
