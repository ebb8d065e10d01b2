import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccountRole } from './actor';

export interface AccessTokenClaims {
  sub: string;
  roles: AccountRole[];
  activeRole: AccountRole;
  /** Session (refresh-token family) id, so logout revokes the access tokens of that session. */
  sid: string;
}

@Injectable()
export class AccessTokens {
  constructor(private readonly jwt: JwtService) {}

  sign(claims: AccessTokenClaims): Promise<string> {
    return this.jwt.signAsync(claims);
  }

  verify(token: string): Promise<AccessTokenClaims> {
    return this.jwt.verifyAsync<AccessTokenClaims>(token);
  }
}

/** Sessions revoked by logout before their access tokens expire; implemented by identity. */
export abstract class SessionRevocations {
  abstract isRevoked(sessionId: string): Promise<boolean>;
  /** The answer when it is known without I/O, else `undefined` (then ask `isRevoked`). */
  abstract knownRevoked(sessionId: string): boolean | undefined;
}
