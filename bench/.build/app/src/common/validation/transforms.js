"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toQueryBoolean = exports.toLowerTrimmed = exports.trimString = void 0;
const trimString = ({ value }) => (typeof value === 'string' ? value.trim() : value);
exports.trimString = trimString;
const toLowerTrimmed = ({ value }) => typeof value === 'string' ? value.trim().toLowerCase() : value;
exports.toLowerTrimmed = toLowerTrimmed;
const toQueryBoolean = ({ value }) => {
    if (value === 'true')
        return true;
    if (value === 'false')
        return false;
    return value;
};
exports.toQueryBoolean = toQueryBoolean;
//# sourceMappingURL=transforms.js.map