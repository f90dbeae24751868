import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddBotTurnsAndOwnership1795335206327 implements MigrationInterface {
  name = 'AddBotTurnsAndOwnership1795335206327';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "conversations"
        ADD "inbound_count" integer NOT NULL DEFAULT 0,
        ADD "bot_answered_count" integer NOT NULL DEFAULT 0,
        ADD "bot_pending_since" TIMESTAMP WITH TIME ZONE,
        ADD "bot_failure_streak" smallint NOT NULL DEFAULT 0,
        ADD "urgent" boolean NOT NULL DEFAULT false,
        ADD "urgent_at" TIMESTAMP WITH TIME ZONE,
        ADD "handoff_reason" character varying(32),
        ADD "context" jsonb NOT NULL DEFAULT '{}',
        ADD "summary" text,
        ADD CONSTRAINT "CHK_conversations_bot_answered" CHECK ("bot_answered_count" <= "inbound_count")
    `);
    await queryRunner.query(`ALTER TABLE "messages" ADD "automation_kind" character varying(32)`);
    // The sweeper's question: bot-owned conversations with patient messages the bot has not answered.
    await queryRunner.query(
      `CREATE INDEX "IDX_conversations_bot_pending" ON "conversations" ("bot_pending_since") WHERE "inbound_count" > "bot_answered_count" AND "owner_type" = 'bot'`,
    );
    // A returning patient's memory: summaries of the contact's earlier conversations, newest first.
    await queryRunner.query(
      `CREATE INDEX "IDX_conversations_org_contact_summary" ON "conversations" ("organization_id", "contact_id", "created_at" DESC) WHERE "summary" IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "conversation_ownership_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "conversation_id" uuid NOT NULL,
        "from_owner_type" character varying(8) NOT NULL,
        "from_user_id" uuid,
        "to_owner_type" character varying(8) NOT NULL,
        "to_user_id" uuid,
        "reason" character varying(32) NOT NULL,
        "actor_user_id" uuid,
        CONSTRAINT "PK_conversation_ownership_events" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_conversation_ownership_events_owner" CHECK ("from_owner_type" IN ('bot', 'human', 'none') AND "to_owner_type" IN ('bot', 'human', 'none')),
        CONSTRAINT "FK_01f5032f3b62d87555e5ad86124" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_920d0232186dd0338af47d2209c" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_e212e278d8b4e0559b0f4cdd820" FOREIGN KEY ("to_user_id") REFERENCES "users"("id") ON DELETE SET NULL,
        CONSTRAINT "FK_b945b5208377d082017991d2c95" FOREIGN KEY ("from_user_id") REFERENCES "users"("id") ON DELETE SET NULL,
        CONSTRAINT "FK_db06e83a2699e85869396a23587" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_conversation_ownership_events_org_conversation_created" ON "conversation_ownership_events" ("organization_id", "conversation_id", "created_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "conversation_ownership_events"`);
    await queryRunner.query(`DROP INDEX "IDX_conversations_org_contact_summary"`);
    await queryRunner.query(`DROP INDEX "IDX_conversations_bot_pending"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "automation_kind"`);
    await queryRunner.query(`
      ALTER TABLE "conversations"
        DROP CONSTRAINT "CHK_conversations_bot_answered",
        DROP COLUMN "summary", DROP COLUMN "context", DROP COLUMN "handoff_reason", DROP COLUMN "urgent_at",
        DROP COLUMN "urgent", DROP COLUMN "bot_failure_streak", DROP COLUMN "bot_pending_since",
        DROP COLUMN "bot_answered_count", DROP COLUMN "inbound_count"
    `);
  }
}
