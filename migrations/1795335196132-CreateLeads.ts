import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateLeads1795335196132 implements MigrationInterface {
    name = 'CreateLeads1795335196132'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "leads" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "contact_id" uuid NOT NULL,
                "conversation_id" uuid,
                "source" character varying(16) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'NEW',
                "assigned_to_id" uuid,
                "score" integer NOT NULL DEFAULT '0',
                "score_band" character varying(8),
                "score_reasons" jsonb NOT NULL DEFAULT '[]',
                "scored_at" TIMESTAMP WITH TIME ZONE,
                "patient_name" character varying(120),
                "procedure" character varying(200),
                "preferred_time" character varying(120),
                "intent" character varying(40),
                "notes" text,
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_leads_source" CHECK ("source" IN ('WHATSAPP', 'WEBSITE', 'INSTAGRAM', 'REFERRAL', 'OTHER')),
                CONSTRAINT "CHK_leads_status" CHECK (
                    "status" IN ('NEW', 'ENGAGED', 'INTERESTED', 'READY', 'SCHEDULED', 'CONVERTED', 'LOST')
                ),
                CONSTRAINT "CHK_leads_score" CHECK ("score" BETWEEN 0 AND 100),
                CONSTRAINT "CHK_leads_score_band" CHECK ("score_band" IN ('cold', 'warm', 'hot')),
                CONSTRAINT "PK_cd102ed7a9a4ca7d4d8bfeba406" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_leads_open_conversation" ON "leads" ("organization_id", "conversation_id")
            WHERE "deleted_at" IS NULL
                AND "status" NOT IN ('CONVERTED', 'LOST')
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_leads_org_created" ON "leads" ("organization_id", "created_at", "id")
            WHERE "deleted_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_leads_org_score" ON "leads" ("organization_id", "score", "id")
            WHERE "deleted_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_leads_org_status_score" ON "leads" ("organization_id", "status", "score", "id")
            WHERE "deleted_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_leads_org_status_created" ON "leads" ("organization_id", "status", "created_at", "id")
            WHERE "deleted_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_leads_org_assigned_created" ON "leads" ("organization_id", "assigned_to_id", "created_at", "id")
            WHERE "deleted_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_leads_org_source_created" ON "leads" ("organization_id", "source", "created_at", "id")
            WHERE "deleted_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_leads_org_contact" ON "leads" ("organization_id", "contact_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "lead_score_history" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "lead_id" uuid NOT NULL,
                "score" integer NOT NULL,
                "band" character varying(8) NOT NULL,
                "reasons" jsonb NOT NULL DEFAULT '[]',
                "intent" character varying(40),
                CONSTRAINT "CHK_lead_score_history_score" CHECK ("score" BETWEEN 0 AND 100),
                CONSTRAINT "CHK_lead_score_history_band" CHECK ("band" IN ('cold', 'warm', 'hot')),
                CONSTRAINT "PK_6ceda1e9a47ef163d76b9f91320" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "leads"
            ADD CONSTRAINT "FK_3e1b3f24e7d9a8d07c586ace1b2" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "leads"
            ADD CONSTRAINT "FK_517db338cbbdc2dcffd8dea4c99" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "leads"
            ADD CONSTRAINT "FK_505de59092e7e3ae80260f3cd09" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "leads"
            ADD CONSTRAINT "FK_c4b8fc50cc732d8a6edff3a6d80" FOREIGN KEY ("assigned_to_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lead_score_history"
            ADD CONSTRAINT "FK_9d54e53df11fe0cce9d304aef7a" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lead_score_history"
            ADD CONSTRAINT "FK_594b73bfb7807e4dc178c6d301d" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        // Created by hand: a sort order TypeORM cannot declare (the score history is read newest first).
        await queryRunner.query(`CREATE INDEX "IDX_lead_score_history_org_lead_created" ON "lead_score_history" ("organization_id", "lead_id", "created_at" DESC, "id" DESC)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_lead_score_history_org_lead_created"`);
        await queryRunner.query(`
            ALTER TABLE "lead_score_history" DROP CONSTRAINT "FK_594b73bfb7807e4dc178c6d301d"
        `);
        await queryRunner.query(`
            ALTER TABLE "lead_score_history" DROP CONSTRAINT "FK_9d54e53df11fe0cce9d304aef7a"
        `);
        await queryRunner.query(`
            ALTER TABLE "leads" DROP CONSTRAINT "FK_c4b8fc50cc732d8a6edff3a6d80"
        `);
        await queryRunner.query(`
            ALTER TABLE "leads" DROP CONSTRAINT "FK_505de59092e7e3ae80260f3cd09"
        `);
        await queryRunner.query(`
            ALTER TABLE "leads" DROP CONSTRAINT "FK_517db338cbbdc2dcffd8dea4c99"
        `);
        await queryRunner.query(`
            ALTER TABLE "leads" DROP CONSTRAINT "FK_3e1b3f24e7d9a8d07c586ace1b2"
        `);
        await queryRunner.query(`
            DROP TABLE "lead_score_history"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_leads_org_contact"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_leads_org_source_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_leads_org_assigned_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_leads_org_status_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_leads_org_status_score"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_leads_org_score"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_leads_org_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_leads_open_conversation"
        `);
        await queryRunner.query(`
            DROP TABLE "leads"
        `);
    }
}
