import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFoundationSchema1795319933494 implements MigrationInterface {
    name = 'CreateFoundationSchema1795319933494'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Trusted extensions: the database owner may create them. pg_trgm + btree_gin back the
        // organization-scoped name/email searches (GIN over uuid and trigram columns).
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
        await queryRunner.query(`
            CREATE TABLE "plans" (
                "code" character varying(32) NOT NULL,
                "name" character varying(64) NOT NULL,
                "max_users" integer,
                "max_whatsapp_numbers" integer,
                "monthly_inbound_messages" integer,
                "monthly_ai_tokens" bigint,
                "sort_order" integer NOT NULL,
                CONSTRAINT "PK_95f7ef3fc4c31a3545b4d825dd4" PRIMARY KEY ("code")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "organizations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(120) NOT NULL,
                "plan" character varying(32) NOT NULL DEFAULT 'free',
                "status" character varying(16) NOT NULL DEFAULT 'active',
                "suspended_at" TIMESTAMP WITH TIME ZONE,
                "suspension_reason" character varying(500),
                "timezone" character varying(64) NOT NULL DEFAULT 'America/Sao_Paulo',
                "locale" character varying(16) NOT NULL DEFAULT 'pt-BR',
                "is_platform" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_organizations_status" CHECK ("status" IN ('active', 'suspended')),
                CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_organizations_created_at" ON "organizations" ("created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_organizations_plan_created_at" ON "organizations" ("plan", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_organizations_status_created_at" ON "organizations" ("status", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" character varying(120) NOT NULL,
                "email" character varying(254) NOT NULL,
                "password_hash" character varying(255) NOT NULL,
                "role" character varying(32) NOT NULL,
                "is_active" boolean NOT NULL DEFAULT true,
                "token_version" integer NOT NULL DEFAULT '0',
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                "password_changed_at" TIMESTAMP WITH TIME ZONE,
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_users_role" CHECK (
                    "role" IN ('super_admin', 'admin', 'secretary', 'viewer')
                ),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_users_org_name" ON "users" ("organization_id", "name")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_users_org_created" ON "users" ("organization_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_users_org_active" ON "users" ("organization_id", "is_active")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_users_org_role" ON "users" ("organization_id", "role")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_users_email" ON "users" ("email")
            WHERE "deleted_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "user_id" uuid NOT NULL,
                "family_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "token_version" integer NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_reason" character varying(32),
                "replaced_by_id" uuid,
                "created_by_ip" character varying(64),
                "user_agent" character varying(255),
                CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_refresh_tokens_expires_at" ON "refresh_tokens" ("expires_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_refresh_tokens_family" ON "refresh_tokens" ("family_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_refresh_tokens_org_user" ON "refresh_tokens" ("organization_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_refresh_tokens_token_hash" ON "refresh_tokens" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE TABLE "audit_logs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid,
                "actor_id" uuid,
                "actor_role" character varying(32),
                "action" character varying(64) NOT NULL,
                "entity_type" character varying(64) NOT NULL,
                "entity_id" uuid,
                "changes" jsonb,
                "metadata" jsonb,
                "ip" character varying(64),
                "request_id" character varying(64),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1bb179d048bbc581caa3b013439" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_audit_logs_created" ON "audit_logs" ("created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_audit_logs_org_entity_created" ON "audit_logs" (
                "organization_id",
                "entity_type",
                "entity_id",
                "created_at"
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_audit_logs_org_actor_created" ON "audit_logs" ("organization_id", "actor_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_audit_logs_org_created" ON "audit_logs" ("organization_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD CONSTRAINT "FK_1fbf1c4931b06c56da69912b5d6" FOREIGN KEY ("plan") REFERENCES "plans"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_21a659804ed7bf61eb91688dea7" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD CONSTRAINT "FK_78a23ff687c363e19d1e69b1dbd" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_logs"
            ADD CONSTRAINT "FK_145f35b204c731ba7fc1a0be0e7" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_users_search_trgm" ON "users" USING gin ("organization_id", "name" gin_trgm_ops, "email" gin_trgm_ops)
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_organizations_name_trgm" ON "organizations" USING gin ("name" gin_trgm_ops)
        `);
        // Plans are reference data: limits are null when unlimited.
        await queryRunner.query(`
            INSERT INTO "plans" ("code", "name", "max_users", "max_whatsapp_numbers", "monthly_inbound_messages", "monthly_ai_tokens", "sort_order")
            VALUES ('free', 'Free', 3, 1, 500, 100000, 1),
                   ('starter', 'Starter', 5, 1, 3000, 1000000, 2),
                   ('professional', 'Professional', 15, 3, 20000, 5000000, 3),
                   ('enterprise', 'Enterprise', NULL, NULL, NULL, NULL, 4)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_organizations_name_trgm"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_users_search_trgm"`);
        await queryRunner.query(`
            ALTER TABLE "audit_logs" DROP CONSTRAINT "FK_145f35b204c731ba7fc1a0be0e7"
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4"
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_78a23ff687c363e19d1e69b1dbd"
        `);
        await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_21a659804ed7bf61eb91688dea7"
        `);
        await queryRunner.query(`
            ALTER TABLE "organizations" DROP CONSTRAINT "FK_1fbf1c4931b06c56da69912b5d6"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_logs_org_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_logs_org_actor_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_logs_org_entity_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_logs_created"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_logs"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_refresh_tokens_token_hash"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_refresh_tokens_org_user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_refresh_tokens_family"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_refresh_tokens_expires_at"
        `);
        await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_users_email"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_users_org_role"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_users_org_active"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_users_org_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_users_org_name"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_organizations_status_created_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_organizations_plan_created_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_organizations_created_at"
        `);
        await queryRunner.query(`
            DROP TABLE "organizations"
        `);
        await queryRunner.query(`
            DROP TABLE "plans"
        `);
    }

}
