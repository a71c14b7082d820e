import { ValidateBy } from 'class-validator';

/**
 * How many decimals a number has as JavaScript writes it, exponent form included (1e-7 has 7). class-validator's
 * maxDecimalPlaces splits on "." and crashes on "1e-7".
 */
export function decimalPlaces(value: number): number {
  const [mantissa, exponent = '0'] = Math.abs(value).toString().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** A finite number with at most `places` decimals (a money amount). */
export const IsDecimal = (places: number, message: string): PropertyDecorator =>
  ValidateBy({
    name: 'isDecimal',
    constraints: [places],
    validator: {
      validate: (value: unknown) =>
        typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= places,
      defaultMessage: () => message,
    },
  });
