import { MigrationInterface, QueryRunner } from "typeorm";

export class AddConversationSearchAndExport1795337963052 implements MigrationInterface {
    name = 'AddConversationSearchAndExport1795337963052'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Full-text search over message bodies: Portuguese stems without accents (robbot_portuguese, from
        // CreateKnowledge). btree_gin lets the GIN index lead with organization_id, so one clinic's search never
        // walks another clinic's postings. The expression must match ConversationSearchRepository's exactly.
        await queryRunner.query(`
            CREATE INDEX "IDX_messages_org_body_search" ON "messages"
            USING gin ("organization_id", to_tsvector('public.robbot_portuguese'::regconfig, coalesce("body", '')))
        `);
        // The export's "open or latest lead of this conversation", including converted and lost ones.
        await queryRunner.query(`CREATE INDEX "IDX_leads_org_conversation_created" ON "leads" ("organization_id", "conversation_id", "created_at")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_leads_org_conversation_created"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_messages_org_body_search"`);
    }
}
