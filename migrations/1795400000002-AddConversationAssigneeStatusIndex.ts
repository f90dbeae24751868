import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A secretary's own items in one status ("my waiting conversations"): the assignee index alone reads every one of her
 * conversations to find the few in that status, all of them when she has none.
 */
export class AddConversationAssigneeStatusIndex1795400000002 implements MigrationInterface {
    name = 'AddConversationAssigneeStatusIndex1795400000002'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "IDX_conversations_org_assigned_status_last_message"
            ON "conversations" ("organization_id", "assigned_to_id", "status", "last_message_at" DESC NULLS LAST, "id" DESC)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_conversations_org_assigned_status_last_message"`);
    }
}
