import { Param, ParseUUIDPipe } from '@nestjs/common';
import { InvalidInputError } from '../errors/domain-errors';

/** A route parameter that must be a uuid; otherwise 400 naming the parameter. */
export const UuidParam = (name = 'id'): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new InvalidInputError(`${name} must be a UUID`, [
          { field: name, code: 'is_uuid', message: `${name} must be a UUID` },
        ]),
    }),
  );
