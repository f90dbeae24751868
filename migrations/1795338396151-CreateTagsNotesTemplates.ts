import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateTagsNotesTemplates1795338396151 implements MigrationInterface {
    name = 'CreateTagsNotesTemplates1795338396151'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "tags" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" character varying(50) NOT NULL,
                "color" character varying(7) NOT NULL,
                CONSTRAINT "PK_e7dc17249a1148a1970748eda99" PRIMARY KEY ("id")
            )
        `);
        // Names are unique per clinic ignoring case; also serves the alphabetical list.
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_tags_org_lower_name" ON "tags" ("organization_id", lower("name"))
        `);
        await queryRunner.query(`
            CREATE TABLE "conversation_tags" (
                "conversation_id" uuid NOT NULL,
                "tag_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "created_by" uuid,
                CONSTRAINT "PK_d6a23438eb19986e6047c555ba3" PRIMARY KEY ("conversation_id", "tag_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_conversation_tags_org_tag_conversation" ON "conversation_tags" ("organization_id", "tag_id", "conversation_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "conversation_notes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "conversation_id" uuid NOT NULL,
                "author_user_id" uuid,
                "body" text NOT NULL,
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_0fc0c744d3d55f9562d9e382050" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_conversation_notes_org_conversation_created" ON "conversation_notes" ("organization_id", "conversation_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "message_templates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" character varying(80) NOT NULL,
                "content" text NOT NULL,
                "category" character varying(40),
                CONSTRAINT "PK_9ac2bd9635be662d183f314947d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_message_templates_org_lower_name" ON "message_templates" ("organization_id", lower("name"))
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_message_templates_org_category" ON "message_templates" ("organization_id", "category")
        `);
        await queryRunner.query(`
            CREATE TABLE "quick_replies" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "trigger" character varying(60) NOT NULL,
                "response" text NOT NULL,
                "contexts" text array NOT NULL,
                "keywords" text array NOT NULL,
                CONSTRAINT "PK_38e5f76733adc50f328c8c0f043" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_quick_replies_org_lower_trigger" ON "quick_replies" ("organization_id", lower("trigger"))
        `);
        await queryRunner.query(`
            ALTER TABLE "tags"
            ADD CONSTRAINT "FK_8f8033a570b04520455cc93ed3d" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_tags"
            ADD CONSTRAINT "FK_59144b57f1c7958a02c6763c977" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_tags"
            ADD CONSTRAINT "FK_3c627a7d45d66262ae48c1584ae" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_tags"
            ADD CONSTRAINT "FK_9e50bf0c55a7252a73fb03f397f" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_tags"
            ADD CONSTRAINT "FK_08aca67c87a6a14e2379fcebad8" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_notes"
            ADD CONSTRAINT "FK_d615c444214605594ce895cfd78" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_notes"
            ADD CONSTRAINT "FK_05198fc7a77a264f1e3b4174099" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_notes"
            ADD CONSTRAINT "FK_bc58d870a8761bf6b5a722ca680" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "message_templates"
            ADD CONSTRAINT "FK_b0a0cc7a722692705d6716c559d" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "quick_replies"
            ADD CONSTRAINT "FK_b202107315c344ab148d513dcb0" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "quick_replies"`);
        await queryRunner.query(`DROP TABLE "message_templates"`);
        await queryRunner.query(`DROP TABLE "conversation_notes"`);
        await queryRunner.query(`DROP TABLE "conversation_tags"`);
        await queryRunner.query(`DROP TABLE "tags"`);
    }
}
