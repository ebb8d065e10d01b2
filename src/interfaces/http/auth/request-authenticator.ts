import { Injectable, Optional } from '@nestjs/common';
import { ProblemException } from '../problem/problem-details.filter';
import { AccessTokenClaims, AccessTokens, SessionRevocations } from './access-token';

/**
 * Access-token authentication, shared by the global guard and the routes it does not see (the
 * queue dashboard), so every request is checked for expiry and logout the same way.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly tokens: AccessTokens,
    @Optional() private readonly revocations?: SessionRevocations,
  ) {}

  /** The claims of a valid token whose session is still live; a 401 `ProblemException` otherwise. */
  async authenticate(token: string | null | undefined): Promise<AccessTokenClaims> {
    if (!token) {
      throw new ProblemException(401, 'UNAUTHENTICATED', 'A bearer access token is required');
    }
    let claims: AccessTokenClaims;
    try {
      claims = await this.tokens.verify(token);
    } catch {
      throw new ProblemException(
        401,
        'INVALID_ACCESS_TOKEN',
        'The access token is invalid or expired',
      );
    }
    if (
      this.revocations &&
      (this.revocations.knownRevoked(claims.sid) ?? (await this.revocations.isRevoked(claims.sid)))
    ) {
      throw new ProblemException(401, 'SESSION_REVOKED', 'This session has been logged out');
    }
    return claims;
  }
}
