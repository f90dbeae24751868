import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateNotifications1795337981589 implements MigrationInterface {
    name = 'CreateNotifications1795337981589'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "user_id" uuid NOT NULL,
                "type" character varying(32) NOT NULL,
                "title" character varying(160) NOT NULL,
                "body" character varying(500) NOT NULL,
                "data" jsonb NOT NULL DEFAULT '{}',
                "priority" character varying(8) NOT NULL DEFAULT 'normal',
                "dedupe_key" character varying(160),
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_notifications_priority" CHECK ("priority" IN ('normal', 'high')),
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_notifications_org_user_read_created" ON "notifications" ("organization_id", "user_id", "read_at", "created_at" DESC, "id" DESC)
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_notifications_org_user_unread_key" ON "notifications" ("organization_id", "user_id", "dedupe_key")
            WHERE "dedupe_key" IS NOT NULL AND "read_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_notifications_org_user_key" ON "notifications" ("organization_id", "user_id", "dedupe_key")
            WHERE "dedupe_key" IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications" ADD CONSTRAINT "FK_cb7b1fb018b296f2107e998b2ff" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            CREATE TABLE "notification_settings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "first_response_target_minutes" integer NOT NULL DEFAULT 15,
                CONSTRAINT "CHK_notification_settings_target" CHECK ("first_response_target_minutes" BETWEEN 1 AND 1440),
                CONSTRAINT "PK_d131abd7996c475ef768d4559ba" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_notification_settings_org" ON "notification_settings" ("organization_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_settings" ADD CONSTRAINT "FK_9b50c2c5d99465e320d87dee3a7" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "notification_settings"`);
        await queryRunner.query(`DROP TABLE "notifications"`);
    }
}
