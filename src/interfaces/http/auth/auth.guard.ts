import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ProblemException } from '../problem/problem-details.filter';
import { AccountRole, Actor, IS_PUBLIC, REQUIRED_ROLES } from './actor';
import { RequestAuthenticator } from './request-authenticator';

/** The one guard every route passes: authentication, then the roles the route requires. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const header = request.headers.authorization;
    const claims = await this.authenticator.authenticate(
      header?.startsWith('Bearer ') ? header.slice(7) : null,
    );
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
