import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Message search reads the stored tsvector instead of recomputing to_tsvector for every candidate, and can walk a
 * clinic's messages newest first (IDX_messages_org_occurred) checking the stored vector: for a common word that
 * touches the recent pages only, where the GIN index would fetch every match in the table to sort them by time.
 * A trigger keeps the column (not a generated column: TypeORM's schema diff of those depends on its own metadata
 * table, filled per database name).
 */
export class AddMessageSearchVector1795400000001 implements MigrationInterface {
    name = 'AddMessageSearchVector1795400000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "messages" ADD "body_search" tsvector`);
        await queryRunner.query(`
            CREATE FUNCTION messages_body_search() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.body_search := CASE WHEN NEW.body IS NULL THEN NULL ELSE to_tsvector('public.robbot_portuguese'::regconfig, NEW.body) END;
                RETURN NEW;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER messages_body_search BEFORE INSERT OR UPDATE OF body ON messages
            FOR EACH ROW EXECUTE FUNCTION messages_body_search()
        `);
        await queryRunner.query(`UPDATE "messages" SET "body_search" = to_tsvector('public.robbot_portuguese'::regconfig, "body") WHERE "body" IS NOT NULL`);
        await queryRunner.query(`DROP INDEX "public"."IDX_messages_org_body_search"`);
        await queryRunner.query(`CREATE INDEX "IDX_messages_org_body_search" ON "messages" USING gin ("organization_id", "body_search")`);
        await queryRunner.query(`CREATE INDEX "IDX_messages_org_occurred" ON "messages" ("organization_id", "occurred_at" DESC, "id" DESC)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_messages_org_occurred"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_messages_org_body_search"`);
        await queryRunner.query(`
            CREATE INDEX "IDX_messages_org_body_search" ON "messages"
            USING gin ("organization_id", to_tsvector('public.robbot_portuguese'::regconfig, coalesce("body", '')))
        `);
        await queryRunner.query(`DROP TRIGGER messages_body_search ON messages`);
        await queryRunner.query(`DROP FUNCTION messages_body_search()`);
        await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "body_search"`);
    }
}
