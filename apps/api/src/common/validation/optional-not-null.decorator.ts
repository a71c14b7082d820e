import { ValidateIf } from 'class-validator';

/**
 * Optional, but not nullable: an absent field is skipped, while null is validated (and so rejected by the
 * field's type rules) instead of reaching a NOT NULL column. Use in update DTOs where null means nothing.
 */
export const OptionalNotNull = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
