import { CanActivate, ExecutionContext, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ProblemException } from '../problem/problem-details.filter';
import { AccessTokens, SessionRevocations } from './access-token';
import { AccountRole, Actor, IS_PUBLIC, REQUIRED_ROLES } from './actor';

/** The one guard every route passes: authentication, then the roles the route requires. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    @Optional() private readonly revocations?: SessionRevocations,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) {
      throw new ProblemException(401, 'UNAUTHENTICATED', 'A bearer access token is required');
    }
    let claims;
    try {
      claims = await this.tokens.verify(header.slice(7));
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
    const actor = new Actor(claims.sub, claims.roles, claims.activeRole, String(request.id));
    request.actor = actor;
    const required = this.reflector.getAllAndOverride<AccountRole[] | undefined>(
      REQUIRED_ROLES,
      targets,
    );
    if (required?.length && !required.some((r) => actor.has(r))) {
      throw new ProblemException(
        403,
        'ROLE_REQUIRED',
        `This action requires one of the roles: ${required.join(', ')}`,
        {
          requiredRoles: required,
        },
      );
    }
    return true;
  }
}
