import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ActorRole, CommandMeta, isStaff, PARTY_ROLES, STAFF_ROLES } from '../../../domain/shared';
import { CausationContext } from '../../../application/shared/command-handling';

export const ALL_ROLES = [...PARTY_ROLES, ...STAFF_ROLES] as const;
export type AccountRole = (typeof ALL_ROLES)[number];

/** The authenticated account behind a request, from its access token. */
export class Actor {
  constructor(
    readonly accountId: string,
    readonly roles: AccountRole[],
    readonly activeRole: AccountRole,
    readonly correlationId: string,
  ) {}

  has(role: AccountRole): boolean {
    return this.roles.includes(role);
  }

  get isStaff(): boolean {
    return this.roles.some((r) => isStaff(r));
  }

  /** Command metadata at the Clock's `now`; staff endpoints pass the staff role they act under. */
  meta(now: Date, role: ActorRole = this.activeRole): CommandMeta {
    return { now: now.toISOString(), actorId: this.accountId, actorRole: role };
  }

  /** The strongest staff role held, used when staff act on a case. */
  staffRole(): ActorRole | null {
    for (const role of ['admin', 'mediator', 'finance'] as const) if (this.has(role)) return role;
    return null;
  }

  get causation(): CausationContext {
    return { correlationId: this.correlationId };
  }
}

export const IS_PUBLIC = 'isPublic';
export const REQUIRED_ROLES = 'requiredRoles';

/** No authentication needed (registration, login, webhooks, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** The account must hold at least one of these roles (else 403 `ROLE_REQUIRED`, documented here). */
export const Roles = (...roles: AccountRole[]) =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiResponse({ status: 403, description: `\`ROLE_REQUIRED\`: the account holds none of the roles ${roles.join(', ')}.` }),
  );

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a public route');
  return request.actor;
});
