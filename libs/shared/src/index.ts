export * from './enums';
export * from './date-range';
