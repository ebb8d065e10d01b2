import { Inject, Injectable } from '@nestjs/common';
import {
  AccessTokenIssuer,
  AccessTokenRequest,
} from '../../../application/identity/identity.ports';
import { APP_CONFIG, AppConfig } from '../../../infrastructure/config/config';
import { AccessTokens } from '../auth/access-token';

/** Access tokens carry {sub, roles, activeRole, sid} and nothing personal. */
@Injectable()
export class JwtAccessTokenIssuer extends AccessTokenIssuer {
  constructor(
    private readonly tokens: AccessTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async issue(request: AccessTokenRequest) {
    const accessToken = await this.tokens.sign({
      sub: request.accountId,
      roles: request.roles,
      activeRole: request.activeRole,
      sid: request.sessionId,
    });
    return { accessToken, expiresInSeconds: this.config.ACCESS_TOKEN_TTL_SECONDS };
  }
}
