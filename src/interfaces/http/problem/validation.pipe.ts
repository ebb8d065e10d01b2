import { ValidationError as ClassValidatorError, ValidationPipe } from '@nestjs/common';
import { ProblemException } from './problem-details.filter';

function flatten(errors: ClassValidatorError[], parent = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Shape validation of every DTO; unknown fields are refused so typos never pass silently. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new ProblemException(
        400,
        'VALIDATION_FAILED',
        fields.map((f) => `${f.field}: ${f.messages.join(', ')}`).join('; '),
        { errors: fields },
      );
    },
  });
}
