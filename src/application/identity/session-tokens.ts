import { Injectable } from '@nestjs/common';
import { AccessClaims } from '../../domain/identity';
import { AccessTokenIssuer, IssuedSession } from './identity.ports';

/** What a login, a refresh or a role change answers. */
export interface TokenPair {
  tokenType: 'Bearer';
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
  accountId: string;
  roles: string[];
  activeRole: string;
  providerReference: string | null;
}

@Injectable()
export class SessionTokens {
  constructor(private readonly issuer: AccessTokenIssuer) {}

  async pair(claims: AccessClaims, session: IssuedSession): Promise<TokenPair> {
    const { accessToken, expiresInSeconds } = await this.issuer.issue({
      accountId: claims.accountId,
      roles: claims.roles,
      activeRole: claims.activeRole,
      sessionId: session.sessionId,
    });
    return {
      tokenType: 'Bearer',
      accessToken,
      expiresIn: expiresInSeconds,
      refreshToken: session.refreshToken,
      refreshExpiresAt: session.refreshExpiresAt.toISOString(),
      accountId: claims.accountId,
      roles: claims.roles,
      activeRole: claims.activeRole,
      providerReference: claims.providerReference,
    };
  }
}
