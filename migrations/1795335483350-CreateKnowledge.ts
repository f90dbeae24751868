import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateKnowledge1795335483350 implements MigrationInterface {
    name = 'CreateKnowledge1795335483350'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it.
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
        // Portuguese stemming after accent folding: patients type "sabado", "endereco", "convenio".
        await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION "public"."robbot_portuguese" (COPY = pg_catalog.portuguese)`);
        await queryRunner.query(`
            ALTER TEXT SEARCH CONFIGURATION "public"."robbot_portuguese"
            ALTER MAPPING FOR hword, hword_part, word WITH "public"."unaccent", portuguese_stem
        `);
        await queryRunner.query(`
            CREATE TABLE "clinic_profiles" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" character varying(120),
                "address" character varying(300),
                "phone" character varying(40),
                "email" character varying(254),
                "business_hours" jsonb NOT NULL DEFAULT '{}',
                "accepted_insurances" jsonb NOT NULL DEFAULT '[]',
                "services" jsonb NOT NULL DEFAULT '[]',
                "knowledge_version" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_8e7ffa071a2b1f01b3ac9927294" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_clinic_profiles_org" ON "clinic_profiles" ("organization_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "knowledge_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "title" character varying(200) NOT NULL,
                "content" text NOT NULL,
                "category" character varying(20) NOT NULL,
                "tags" jsonb NOT NULL DEFAULT '[]',
                "active" boolean NOT NULL DEFAULT true,
                CONSTRAINT "CHK_knowledge_items_category" CHECK ("category" IN ('services', 'prices', 'hours', 'location', 'insurance', 'preparation', 'policies', 'faq')),
                CONSTRAINT "PK_4da6043fefe372aa8151664e3b2" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_knowledge_items_org_active_updated" ON "knowledge_items" ("organization_id", "active", "updated_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_knowledge_items_org_category_updated" ON "knowledge_items" ("organization_id", "category", "updated_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_knowledge_items_org_title" ON "knowledge_items" ("organization_id", "title")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_knowledge_items_org_created" ON "knowledge_items" ("organization_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_knowledge_items_org_updated" ON "knowledge_items" ("organization_id", "updated_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "knowledge_chunks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "item_id" uuid NOT NULL,
                "ordinal" integer NOT NULL,
                "content" text NOT NULL,
                "search_vector" tsvector NOT NULL,
                "embedding" real array,
                "embedding_model" character varying(100),
                CONSTRAINT "PK_81af684d79d321813c41019a5cd" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_knowledge_chunks_org_pending_embedding" ON "knowledge_chunks" ("organization_id", "created_at")
            WHERE "embedding" IS NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_knowledge_chunks_org_item_ordinal" ON "knowledge_chunks" ("organization_id", "item_id", "ordinal")
        `);
        await queryRunner.query(`
            ALTER TABLE "clinic_profiles"
            ADD CONSTRAINT "FK_a15ae295159a0a25687ee136c83" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "knowledge_items"
            ADD CONSTRAINT "FK_4da3fddd81fc89219b0b7809e7c" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "knowledge_chunks"
            ADD CONSTRAINT "FK_4a6c13af81998a5771372b4ccbf" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "knowledge_chunks"
            ADD CONSTRAINT "FK_5e56c48d45d46a738a35a802b26" FOREIGN KEY ("item_id") REFERENCES "knowledge_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        // Created by hand: an expression unique index and GIN indexes TypeORM cannot declare.
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_knowledge_items_org_title" ON "knowledge_items" ("organization_id", lower("title"))`);
        await queryRunner.query(`CREATE INDEX "IDX_knowledge_items_search_trgm" ON "knowledge_items" USING gin ("organization_id", "title" gin_trgm_ops, "content" gin_trgm_ops)`);
        await queryRunner.query(`CREATE INDEX "IDX_knowledge_chunks_search_vector" ON "knowledge_chunks" USING gin ("organization_id", "search_vector")`);
        await queryRunner.query(`CREATE INDEX "IDX_knowledge_chunks_content_trgm" ON "knowledge_chunks" USING gin ("organization_id", "content" gin_trgm_ops)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_knowledge_chunks_content_trgm"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_knowledge_chunks_search_vector"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_knowledge_items_search_trgm"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_knowledge_items_org_title"`);
        await queryRunner.query(`
            ALTER TABLE "knowledge_chunks" DROP CONSTRAINT "FK_5e56c48d45d46a738a35a802b26"
        `);
        await queryRunner.query(`
            ALTER TABLE "knowledge_chunks" DROP CONSTRAINT "FK_4a6c13af81998a5771372b4ccbf"
        `);
        await queryRunner.query(`
            ALTER TABLE "knowledge_items" DROP CONSTRAINT "FK_4da3fddd81fc89219b0b7809e7c"
        `);
        await queryRunner.query(`
            ALTER TABLE "clinic_profiles" DROP CONSTRAINT "FK_a15ae295159a0a25687ee136c83"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_knowledge_chunks_org_item_ordinal"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_knowledge_chunks_org_pending_embedding"
        `);
        await queryRunner.query(`
            DROP TABLE "knowledge_chunks"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_knowledge_items_org_updated"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_knowledge_items_org_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_knowledge_items_org_title"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_knowledge_items_org_category_updated"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_knowledge_items_org_active_updated"
        `);
        await queryRunner.query(`
            DROP TABLE "knowledge_items"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_clinic_profiles_org"
        `);
        await queryRunner.query(`
            DROP TABLE "clinic_profiles"
        `);
        // The extensions stay: other schemas may use them, and dropping a trusted extension needs its owner.
        await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION "public"."robbot_portuguese"`);
    }
}
