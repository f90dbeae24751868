"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inOrganization = inOrganization;
exports.seesOnlyOwnWork = seesOnlyOwnWork;
exports.visibleTo = visibleTo;
exports.scopeVisible = scopeVisible;
const typeorm_1 = require("typeorm");
const permissions_1 = require("../auth/permissions");
function inOrganization(actor, where = {}) {
    return { ...where, organizationId: actor.organizationId };
}
function seesOnlyOwnWork(actor) {
    return !(0, permissions_1.hasPermission)(actor.role, permissions_1.Permission.ConversationsReadAll);
}
function visibleTo(actor, where = {}) {
    const scoped = inOrganization(actor, where);
    if (!seesOnlyOwnWork(actor))
        return scoped;
    return [
        { ...scoped, assignedToId: actor.userId },
        { ...scoped, assignedToId: (0, typeorm_1.IsNull)() },
    ];
}
function scopeVisible(qb, alias, actor) {
    qb.andWhere(`${alias}.organization_id = :scopeOrganizationId`, { scopeOrganizationId: actor.organizationId });
    if (seesOnlyOwnWork(actor)) {
        qb.andWhere(new typeorm_1.Brackets((inner) => inner.where(`${alias}.assigned_to_id = :scopeUserId`, { scopeUserId: actor.userId }).orWhere(`${alias}.assigned_to_id IS NULL`)));
    }
    return qb;
}
//# sourceMappingURL=visible-to.js.map