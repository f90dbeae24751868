"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CLINIC_ROLES = exports.Role = void 0;
var Role;
(function (Role) {
    Role["SuperAdmin"] = "super_admin";
    Role["Admin"] = "admin";
    Role["Secretary"] = "secretary";
    Role["Viewer"] = "viewer";
})(Role || (exports.Role = Role = {}));
exports.CLINIC_ROLES = [Role.Admin, Role.Secretary, Role.Viewer];
//# sourceMappingURL=role.enum.js.map