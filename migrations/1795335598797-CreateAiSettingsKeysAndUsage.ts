import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateAiSettingsKeysAndUsage1795335598797 implements MigrationInterface {
    name = 'CreateAiSettingsKeysAndUsage1795335598797'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "ai_settings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "enabled" boolean NOT NULL DEFAULT true,
                "engine" character varying(16) NOT NULL,
                "model" character varying(64) NOT NULL,
                "bot_name" character varying(40) NOT NULL,
                "tone" character varying(16) NOT NULL,
                "greeting" character varying(500),
                "disclaimers" jsonb NOT NULL DEFAULT '[]',
                "debounce_ms" integer NOT NULL,
                "max_debounce_ms" integer NOT NULL,
                "human_idle_handback_minutes" integer NOT NULL,
                "max_model_calls_per_conversation_per_day" integer NOT NULL,
                "monthly_token_budget" bigint,
                "history_window" integer NOT NULL,
                CONSTRAINT "CHK_ai_settings_debounce" CHECK ("debounce_ms" >= 0 AND "max_debounce_ms" >= "debounce_ms"),
                CONSTRAINT "CHK_ai_settings_tone" CHECK ("tone" IN ('friendly', 'formal')),
                CONSTRAINT "CHK_ai_settings_engine" CHECK ("engine" IN ('offline', 'gemini')),
                CONSTRAINT "PK_b6c95e8fdde441f7e72e1d4f10c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_ai_settings_org" ON "ai_settings" ("organization_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "ai_api_keys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "label" character varying(60),
                "api_key_encrypted" text NOT NULL,
                "fingerprint" character varying(64) NOT NULL,
                "last4" character varying(4) NOT NULL,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "benched_until" TIMESTAMP WITH TIME ZONE,
                "failure_count" integer NOT NULL DEFAULT '0',
                "last_failure_kind" character varying(8),
                "last_failure_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_ai_api_keys_last_failure_kind" CHECK ("last_failure_kind" IN ('auth', 'quota')),
                CONSTRAINT "PK_973805dc2f4b86e39671aba3b13" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ai_api_keys_org_created" ON "ai_api_keys" ("organization_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_ai_api_keys_org_fingerprint" ON "ai_api_keys" ("organization_id", "fingerprint")
        `);
        await queryRunner.query(`
            CREATE TABLE "ai_model_calls" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "conversation_id" uuid,
                "feature" character varying(16) NOT NULL,
                "provider" character varying(32) NOT NULL,
                "model" character varying(64) NOT NULL,
                "prompt_version" character varying(32),
                "input_tokens" integer NOT NULL DEFAULT '0',
                "output_tokens" integer NOT NULL DEFAULT '0',
                "cost_usd" numeric(14, 8) NOT NULL DEFAULT '0',
                "latency_ms" integer NOT NULL DEFAULT '0',
                "outcome" character varying(16) NOT NULL,
                "error_kind" character varying(16),
                CONSTRAINT "CHK_ai_model_calls_outcome" CHECK ("outcome" IN ('ok', 'error', 'timeout', 'invalid_output', 'cache_hit')),
                CONSTRAINT "CHK_ai_model_calls_feature" CHECK ("feature" IN ('reply', 'analysis', 'embedding', 'summary', 'transcription')),
                CONSTRAINT "PK_413f0a75f5bc99da78076583319" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ai_model_calls_org_conversation_created" ON "ai_model_calls" ("organization_id", "conversation_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ai_model_calls_org_created" ON "ai_model_calls" ("organization_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "ai_settings"
            ADD CONSTRAINT "FK_ac03e9a993720d88290f8486a73" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "ai_api_keys"
            ADD CONSTRAINT "FK_14eb5cee1200615aeeee7d187e1" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "ai_model_calls"
            ADD CONSTRAINT "FK_ad88927acf24a5dc847ba322283" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "ai_model_calls"
            ADD CONSTRAINT "FK_6eccfa9ab3dd0147916dc374599" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "ai_model_calls" DROP CONSTRAINT "FK_6eccfa9ab3dd0147916dc374599"
        `);
        await queryRunner.query(`
            ALTER TABLE "ai_model_calls" DROP CONSTRAINT "FK_ad88927acf24a5dc847ba322283"
        `);
        await queryRunner.query(`
            ALTER TABLE "ai_api_keys" DROP CONSTRAINT "FK_14eb5cee1200615aeeee7d187e1"
        `);
        await queryRunner.query(`
            ALTER TABLE "ai_settings" DROP CONSTRAINT "FK_ac03e9a993720d88290f8486a73"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ai_model_calls_org_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ai_model_calls_org_conversation_created"
        `);
        await queryRunner.query(`
            DROP TABLE "ai_model_calls"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_ai_api_keys_org_fingerprint"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ai_api_keys_org_created"
        `);
        await queryRunner.query(`
            DROP TABLE "ai_api_keys"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_ai_settings_org"
        `);
        await queryRunner.query(`
            DROP TABLE "ai_settings"
        `);
    }

}
