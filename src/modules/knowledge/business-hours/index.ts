export * from './business-hours.types';
export { intervalsOn, isOpenAt, nextOpening, openIntervalAt } from './business-hours';
export { describeNextConfirmation } from './describe-next-confirmation';
export { isValidTimeZone } from './zoned-time';
