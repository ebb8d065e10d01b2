/**
 * Domain errors carry a stable machine-readable code (SCREAMING_SNAKE, e.g. `ORDER_NOT_DELIVERED`)
 * and belong to one family, which the HTTP layer maps to a status code.
 */
export type ErrorFamily =
  | 'validation' // 400
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409: illegal state transition or concurrency
  | 'unprocessable'; // 422: a business rule refuses the values

export abstract class DomainError extends Error {
  abstract readonly family: ErrorFamily;
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly family = 'validation' as const;
}

export class ForbiddenError extends DomainError {
  readonly family = 'forbidden' as const;
}

export class NotFoundError extends DomainError {
  readonly family = 'not_found' as const;
}

/** The command is not allowed in the aggregate's current state. */
export class IllegalStateError extends DomainError {
  readonly family = 'conflict' as const;
}

/** The values are well-formed but a business rule refuses them. */
export class BusinessRuleError extends DomainError {
  readonly family = 'unprocessable' as const;
}

export class ConcurrencyError extends DomainError {
  readonly family = 'conflict' as const;
}
