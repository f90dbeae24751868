"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OptionalNotNull = exports.toE164Phone = exports.CUSTOM_ATTRIBUTES_MAX_BYTES = exports.CUSTOM_ATTRIBUTE_KEY_MAX_LENGTH = exports.CUSTOM_ATTRIBUTES_MAX_KEYS = void 0;
exports.IsContactPhone = IsContactPhone;
exports.birthDateProblem = birthDateProblem;
exports.IsBirthDate = IsBirthDate;
exports.customAttributesProblem = customAttributesProblem;
exports.IsCustomAttributes = IsCustomAttributes;
const class_validator_1 = require("class-validator");
const phone_number_1 = require("../phone-number");
exports.CUSTOM_ATTRIBUTES_MAX_KEYS = 50;
exports.CUSTOM_ATTRIBUTE_KEY_MAX_LENGTH = 64;
exports.CUSTOM_ATTRIBUTES_MAX_BYTES = 8 * 1024;
const EARLIEST_BIRTH_DATE = '1900-01-01';
const LATEST_UTC_OFFSET_MS = 14 * 60 * 60 * 1000;
const toE164Phone = ({ value }) => (typeof value === 'string' ? ((0, phone_number_1.normalizePhone)(value) ?? value) : value);
exports.toE164Phone = toE164Phone;
const OptionalNotNull = () => (0, class_validator_1.ValidateIf)((_object, value) => value !== undefined);
exports.OptionalNotNull = OptionalNotNull;
function IsContactPhone(options) {
    return (0, class_validator_1.ValidateBy)({
        name: 'isContactPhone',
        validator: {
            validate: (value) => typeof value === 'string' && (0, phone_number_1.normalizePhone)(value) === value,
            defaultMessage: (args) => `${args?.property ?? 'phone'} must be a valid phone number, e.g. +55 11 98765-4321`,
        },
    }, options);
}
function birthDateProblem(value) {
    if (typeof value !== 'string')
        return 'must be a date as YYYY-MM-DD';
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match)
        return 'must be a date as YYYY-MM-DD';
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    if (date.toISOString().slice(0, 10) !== value)
        return 'must be a real calendar date';
    if (value < EARLIEST_BIRTH_DATE)
        return `must not be before ${EARLIEST_BIRTH_DATE}`;
    const latestToday = new Date(Date.now() + LATEST_UTC_OFFSET_MS).toISOString().slice(0, 10);
    if (value > latestToday)
        return 'must not be in the future';
    return null;
}
function IsBirthDate(options) {
    return (0, class_validator_1.ValidateBy)({
        name: 'isBirthDate',
        validator: {
            validate: (value) => birthDateProblem(value) === null,
            defaultMessage: (args) => `${args?.property ?? 'birth_date'} ${birthDateProblem(args?.value) ?? 'is invalid'}`,
        },
    }, options);
}
function isAttributeValue(value) {
    return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}
function customAttributesProblem(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return 'must be an object';
    const entries = Object.entries(value);
    if (entries.length > exports.CUSTOM_ATTRIBUTES_MAX_KEYS)
        return `must have at most ${exports.CUSTOM_ATTRIBUTES_MAX_KEYS} keys`;
    const badKey = entries.find(([key]) => key.trim().length === 0 || key.length > exports.CUSTOM_ATTRIBUTE_KEY_MAX_LENGTH);
    if (badKey)
        return `keys must be 1 to ${exports.CUSTOM_ATTRIBUTE_KEY_MAX_LENGTH} characters (got "${badKey[0].slice(0, 80)}")`;
    const badValue = entries.find(([, entry]) => !isAttributeValue(entry));
    if (badValue)
        return `values must be a string, number, boolean or null (key "${badValue[0]}")`;
    if (Buffer.byteLength(JSON.stringify(value)) > exports.CUSTOM_ATTRIBUTES_MAX_BYTES)
        return `must be at most ${exports.CUSTOM_ATTRIBUTES_MAX_BYTES} bytes as JSON`;
    return null;
}
function IsCustomAttributes(options) {
    return (0, class_validator_1.ValidateBy)({
        name: 'isCustomAttributes',
        validator: {
            validate: (value) => customAttributesProblem(value) === null,
            defaultMessage: (args) => `${args?.property ?? 'custom_attributes'} ${customAttributesProblem(args?.value) ?? 'is invalid'}`,
        },
    }, options);
}
//# sourceMappingURL=contact-validators.js.map