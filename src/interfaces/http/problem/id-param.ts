import { ArgumentMetadata, Injectable, Param, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ProblemException } from './problem-details.filter';

/** Any UUID version: ids are random (v4) or derived from other ids (v5-like). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const INVALID_ID_DESCRIPTION =
  'A UUID; anything else is answered 400 `INVALID_ID` naming the parameter.';

/** Refuses a malformed id with 400 INVALID_ID before a guard-passed handler reads the store with it. */
export function parseId(parameter: string, value: unknown): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new ProblemException(400, 'INVALID_ID', `${parameter} must be a UUID`, { parameter });
  }
  // Streams are named with the lower-case form, so an upper-case id finds the same stream.
  return value.toLowerCase();
}

/** Validates a path id; the parameter name comes from `@Param('name', IdParamPipe)`. */
@Injectable()
export class IdParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    return parseId(metadata.data ?? 'id', value);
  }
}

/** `@Param(name)` for an id: validated as a UUID and documented as one in the OpenAPI document. */
export function IdParam(name: string): ParameterDecorator {
  return (target, key, index) => {
    Param(name, IdParamPipe)(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor)
      ApiParam({ name, type: String, format: 'uuid', description: INVALID_ID_DESCRIPTION })(
        target,
        key,
        descriptor,
      );
  };
}
