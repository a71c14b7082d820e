export * from './enums';
export * from './date-range';
export * from './ticket-filters';
