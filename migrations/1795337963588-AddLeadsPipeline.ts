import { MigrationInterface, QueryRunner } from "typeorm";

export class AddLeadsPipeline1795337963588 implements MigrationInterface {
    name = 'AddLeadsPipeline1795337963588'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "leads"
                ADD "converted_at" TIMESTAMP WITH TIME ZONE,
                ADD "lost_reason" character varying(500),
                ADD "appointment_at" TIMESTAMP WITH TIME ZONE,
                ADD "merged_into_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "leads"
            ADD CONSTRAINT "FK_e1b780441c3b62a984b6e50cd81" FOREIGN KEY ("merged_into_id") REFERENCES "leads"("id") ON DELETE SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            CREATE TABLE "lead_interactions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "lead_id" uuid NOT NULL,
                "type" character varying(16) NOT NULL,
                "body" text NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "author_id" uuid,
                CONSTRAINT "CHK_lead_interactions_type" CHECK ("type" IN ('NOTE', 'CALL', 'EMAIL', 'WHATSAPP', 'SYSTEM')),
                CONSTRAINT "PK_lead_interactions" PRIMARY KEY ("id"),
                CONSTRAINT "FK_3ef9be09671836d704161b2bfc1" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE,
                CONSTRAINT "FK_56df59180fddbdf98bf6aed3da3" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE,
                CONSTRAINT "FK_89dd5ec278acb4560e5c5834299" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL
            )
        `);
        // Read newest first on the lead's page, oldest first in its journey: one index serves both directions.
        await queryRunner.query(`CREATE INDEX "IDX_lead_interactions_org_lead_occurred" ON "lead_interactions" ("organization_id", "lead_id", "occurred_at", "id")`);
        await queryRunner.query(`
            CREATE TABLE "lead_history" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "lead_id" uuid NOT NULL,
                "field" character varying(40) NOT NULL,
                "old_value" jsonb,
                "new_value" jsonb,
                "actor_user_id" uuid,
                "reason" character varying(500),
                CONSTRAINT "PK_lead_history" PRIMARY KEY ("id"),
                CONSTRAINT "FK_522c5aa3f057c554efa4080b798" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE,
                CONSTRAINT "FK_fce43474e4b1b9081855928622c" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE,
                CONSTRAINT "FK_b7ae836dd84b685dbe01b0bc1dc" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL
            )
        `);
        await queryRunner.query(`CREATE INDEX "IDX_lead_history_org_lead_created" ON "lead_history" ("organization_id", "lead_id", "created_at", "id")`);
        await queryRunner.query(`
            CREATE TABLE "lead_conversations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "lead_id" uuid NOT NULL,
                "conversation_id" uuid NOT NULL,
                CONSTRAINT "PK_lead_conversations" PRIMARY KEY ("id"),
                CONSTRAINT "FK_86a9bfe69bb833aef38a814d1a6" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE,
                CONSTRAINT "FK_667d780b27bda756daf57f87339" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE,
                CONSTRAINT "FK_e13b21e379e6868b8264b308489" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE
            )
        `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_lead_conversations_org_lead_conversation" ON "lead_conversations" ("organization_id", "lead_id", "conversation_id")`);
        await queryRunner.query(`CREATE INDEX "IDX_lead_conversations_org_conversation" ON "lead_conversations" ("organization_id", "conversation_id")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "lead_conversations"`);
        await queryRunner.query(`DROP TABLE "lead_history"`);
        await queryRunner.query(`DROP TABLE "lead_interactions"`);
        await queryRunner.query(`ALTER TABLE "leads" DROP CONSTRAINT "FK_e1b780441c3b62a984b6e50cd81"`);
        await queryRunner.query(`
            ALTER TABLE "leads"
                DROP COLUMN "merged_into_id",
                DROP COLUMN "appointment_at",
                DROP COLUMN "lost_reason",
                DROP COLUMN "converted_at"
        `);
    }
}
