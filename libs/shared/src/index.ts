export * from './enums';
export * from './date-range';
export * from './ticket-filters';
export * from './reports';
export * from './conversions';
export * from './tracking';
export * from './webhooks';
