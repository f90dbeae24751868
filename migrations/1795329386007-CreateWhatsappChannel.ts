import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateWhatsappChannel1795329386007 implements MigrationInterface {
    name = 'CreateWhatsappChannel1795329386007'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "contacts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" character varying(120),
                "phone" character varying(20),
                "wa_chat_id" character varying(64),
                "lid" character varying(64),
                "email" character varying(254),
                "birth_date" date,
                "notes" text,
                "custom_attributes" jsonb NOT NULL DEFAULT '{}',
                "blocked" boolean NOT NULL DEFAULT false,
                "opted_out" boolean NOT NULL DEFAULT false,
                "opted_out_at" TIMESTAMP WITH TIME ZONE,
                "opt_out_source" character varying(16),
                "source" character varying(16) NOT NULL DEFAULT 'manual',
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_contacts_source" CHECK ("source" IN ('whatsapp', 'manual', 'import')),
                CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_contacts_org_opted_out_created" ON "contacts" ("organization_id", "created_at")
            WHERE "opted_out" = true
                AND "deleted_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_contacts_org_blocked_created" ON "contacts" ("organization_id", "created_at")
            WHERE "blocked" = true
                AND "deleted_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_contacts_org_updated" ON "contacts" ("organization_id", "updated_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_contacts_org_name" ON "contacts" ("organization_id", "name")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_contacts_org_created" ON "contacts" ("organization_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_contacts_org_lid" ON "contacts" ("organization_id", "lid")
            WHERE "deleted_at" IS NULL
                AND "lid" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_contacts_org_phone" ON "contacts" ("organization_id", "phone")
            WHERE "deleted_at" IS NULL
                AND "phone" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "whatsapp_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" character varying(54) NOT NULL,
                "display_name" character varying(80),
                "status" character varying(40) NOT NULL DEFAULT 'STOPPED',
                "status_changed_at" TIMESTAMP WITH TIME ZONE,
                "me_id" character varying(64),
                "me_push_name" character varying(120),
                "hmac_key_encrypted" text NOT NULL,
                "last_checked_at" TIMESTAMP WITH TIME ZONE,
                "restart_attempts" integer NOT NULL DEFAULT '0',
                "next_restart_at" TIMESTAMP WITH TIME ZONE,
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_3d45009c99e71c709c8587ae4d6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_whatsapp_sessions_org_created" ON "whatsapp_sessions" ("organization_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_whatsapp_sessions_name" ON "whatsapp_sessions" ("name")
            WHERE "deleted_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "conversations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "contact_id" uuid NOT NULL,
                "session_id" uuid NOT NULL,
                "chat_id" character varying(64) NOT NULL,
                "status" character varying(24) NOT NULL DEFAULT 'ACTIVE',
                "owner_type" character varying(8) NOT NULL DEFAULT 'bot',
                "owner_user_id" uuid,
                "human_takeover_at" TIMESTAMP WITH TIME ZONE,
                "assigned_to_id" uuid,
                "last_message_at" TIMESTAMP WITH TIME ZONE,
                "last_inbound_at" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_conversations_owner" CHECK ("owner_type" IN ('bot', 'human', 'none')),
                CONSTRAINT "CHK_conversations_status" CHECK (
                    "status" IN (
                        'ACTIVE',
                        'WAITING_SECRETARY',
                        'TRANSFERRED',
                        'AWAITING_RESPONSE',
                        'CLOSED'
                    )
                ),
                CONSTRAINT "PK_ee34f4f7ced4ec8681f26bf04ef" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_conversations_open_contact_session" ON "conversations" ("organization_id", "contact_id", "session_id")
            WHERE "status" <> 'CLOSED'
        `);
        await queryRunner.query(`
            CREATE TABLE "messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "conversation_id" uuid NOT NULL,
                "session_id" uuid NOT NULL,
                "direction" character varying(8) NOT NULL,
                "type" character varying(16) NOT NULL,
                "sender" character varying(16) NOT NULL,
                "sent_by_user_id" uuid,
                "automated" boolean NOT NULL DEFAULT false,
                "body" text,
                "waha_message_id" character varying(200),
                "waha_key_id" character varying(100),
                "status" character varying(12) NOT NULL,
                "ack" smallint,
                "failure_reason" character varying(500),
                "reply_to_waha_id" character varying(200),
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "location" jsonb,
                "vcards" jsonb,
                "media_status" character varying(12),
                "media_mimetype" character varying(100),
                "media_filename" character varying(255),
                "media_size" integer,
                "media_storage_key" character varying(255),
                "media_source_url" text,
                "media_error" character varying(255),
                "send_attempts" integer NOT NULL DEFAULT '0',
                "send_started_at" TIMESTAMP WITH TIME ZONE,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_messages_direction" CHECK ("direction" IN ('inbound', 'outbound')),
                CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_messages_media_pending_created" ON "messages" ("created_at")
            WHERE "media_status" = 'pending'
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_messages_queued_created" ON "messages" ("created_at")
            WHERE "status" = 'queued'
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_messages_org_status_created" ON "messages" ("organization_id", "status", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_messages_org_conversation_occurred" ON "messages" (
                "organization_id",
                "conversation_id",
                "occurred_at",
                "id"
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_messages_org_session_key" ON "messages" ("organization_id", "session_id", "waha_key_id")
            WHERE "waha_key_id" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "alerts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "type" character varying(40) NOT NULL,
                "severity" character varying(12) NOT NULL,
                "title" character varying(200) NOT NULL,
                "details" jsonb NOT NULL DEFAULT '{}',
                "dedupe_key" character varying(160) NOT NULL,
                "status" character varying(12) NOT NULL DEFAULT 'open',
                "occurrences" integer NOT NULL DEFAULT '1',
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_alerts_status" CHECK ("status" IN ('open', 'resolved')),
                CONSTRAINT "PK_60f895662df096bfcdfab7f4b96" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_alerts_status_created" ON "alerts" ("status", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_alerts_org_last_seen" ON "alerts" ("organization_id", "last_seen_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_alerts_org_created" ON "alerts" ("organization_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_alerts_org_type_created" ON "alerts" ("organization_id", "type", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_alerts_org_status_created" ON "alerts" ("organization_id", "status", "created_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_alerts_open_dedupe_key" ON "alerts" ("organization_id", "dedupe_key")
            WHERE "status" = 'open'
        `);
        await queryRunner.query(`
            CREATE TABLE "waha_inbox_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "session_id" uuid NOT NULL,
                "event_id" character varying(100) NOT NULL,
                "event" character varying(40) NOT NULL,
                "payload" jsonb NOT NULL,
                "status" character varying(12) NOT NULL DEFAULT 'pending',
                "outcome" character varying(300),
                "attempts" integer NOT NULL DEFAULT '0',
                "processed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_waha_inbox_events_status" CHECK (
                    "status" IN ('pending', 'processed', 'ignored', 'failed')
                ),
                CONSTRAINT "PK_c6ac79583502dfd7d7cfbddc600" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_waha_inbox_events_pending_created" ON "waha_inbox_events" ("created_at")
            WHERE "status" = 'pending'
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_waha_inbox_events_org_status_created" ON "waha_inbox_events" ("organization_id", "status", "created_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_waha_inbox_events_session_event" ON "waha_inbox_events" ("session_id", "event_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "whatsapp_send_rate_per_minute" integer
        `);
        await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD "whatsapp_min_chat_gap_ms" integer
        `);
        await queryRunner.query(`
            ALTER TABLE "contacts"
            ADD CONSTRAINT "FK_0799185e89f0eec8f7ec05a5bb8" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "whatsapp_sessions"
            ADD CONSTRAINT "FK_9cead50931827d05c13874700d2" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD CONSTRAINT "FK_87d9df8c99fb824a39c681ec332" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD CONSTRAINT "FK_3e605129623b629ddd0583740db" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD CONSTRAINT "FK_285e84ab2537d6af999be71aa55" FOREIGN KEY ("session_id") REFERENCES "whatsapp_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD CONSTRAINT "FK_8d391ccf22a481f01b06fc0fb87" FOREIGN KEY ("assigned_to_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "messages"
            ADD CONSTRAINT "FK_f1c6874ea159caa5b964731e216" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "messages"
            ADD CONSTRAINT "FK_3bc55a7c3f9ed54b520bb5cfe23" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "alerts"
            ADD CONSTRAINT "FK_ba66a38e94abfda415d5a9df76b" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "waha_inbox_events"
            ADD CONSTRAINT "FK_14996c9b9ff60befed44fa35168" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "waha_inbox_events"
            ADD CONSTRAINT "FK_4dd53fd1428788d0e4af7d9f8ed" FOREIGN KEY ("session_id") REFERENCES "whatsapp_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        // Created by hand: a trigram GIN index and sort orders TypeORM cannot declare.
        await queryRunner.query(`CREATE INDEX "IDX_contacts_search_trgm" ON "contacts" USING gin ("organization_id", "name" gin_trgm_ops, "phone" gin_trgm_ops) WHERE "deleted_at" IS NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_conversations_org_last_message" ON "conversations" ("organization_id", "last_message_at" DESC NULLS LAST, "id" DESC)`);
        await queryRunner.query(`CREATE INDEX "IDX_conversations_org_status_last_message" ON "conversations" ("organization_id", "status", "last_message_at" DESC NULLS LAST, "id" DESC)`);
        await queryRunner.query(`CREATE INDEX "IDX_conversations_org_session_last_message" ON "conversations" ("organization_id", "session_id", "last_message_at" DESC NULLS LAST, "id" DESC)`);
        await queryRunner.query(`CREATE INDEX "IDX_conversations_org_contact_last_message" ON "conversations" ("organization_id", "contact_id", "last_message_at" DESC NULLS LAST, "id" DESC)`);
        await queryRunner.query(`CREATE INDEX "IDX_conversations_org_assigned_last_message" ON "conversations" ("organization_id", "assigned_to_id", "last_message_at" DESC NULLS LAST, "id" DESC)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_contacts_search_trgm"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_conversations_org_last_message"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_conversations_org_status_last_message"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_conversations_org_session_last_message"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_conversations_org_contact_last_message"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_conversations_org_assigned_last_message"`);
        await queryRunner.query(`
            ALTER TABLE "waha_inbox_events" DROP CONSTRAINT "FK_4dd53fd1428788d0e4af7d9f8ed"
        `);
        await queryRunner.query(`
            ALTER TABLE "waha_inbox_events" DROP CONSTRAINT "FK_14996c9b9ff60befed44fa35168"
        `);
        await queryRunner.query(`
            ALTER TABLE "alerts" DROP CONSTRAINT "FK_ba66a38e94abfda415d5a9df76b"
        `);
        await queryRunner.query(`
            ALTER TABLE "messages" DROP CONSTRAINT "FK_3bc55a7c3f9ed54b520bb5cfe23"
        `);
        await queryRunner.query(`
            ALTER TABLE "messages" DROP CONSTRAINT "FK_f1c6874ea159caa5b964731e216"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP CONSTRAINT "FK_8d391ccf22a481f01b06fc0fb87"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP CONSTRAINT "FK_285e84ab2537d6af999be71aa55"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP CONSTRAINT "FK_3e605129623b629ddd0583740db"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP CONSTRAINT "FK_87d9df8c99fb824a39c681ec332"
        `);
        await queryRunner.query(`
            ALTER TABLE "whatsapp_sessions" DROP CONSTRAINT "FK_9cead50931827d05c13874700d2"
        `);
        await queryRunner.query(`
            ALTER TABLE "contacts" DROP CONSTRAINT "FK_0799185e89f0eec8f7ec05a5bb8"
        `);
        await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "whatsapp_min_chat_gap_ms"
        `);
        await queryRunner.query(`
            ALTER TABLE "organizations" DROP COLUMN "whatsapp_send_rate_per_minute"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_waha_inbox_events_session_event"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_waha_inbox_events_org_status_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_waha_inbox_events_pending_created"
        `);
        await queryRunner.query(`
            DROP TABLE "waha_inbox_events"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_alerts_open_dedupe_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_alerts_org_status_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_alerts_org_type_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_alerts_org_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_alerts_org_last_seen"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_alerts_status_created"
        `);
        await queryRunner.query(`
            DROP TABLE "alerts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_messages_org_session_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_messages_org_conversation_occurred"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_messages_org_status_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_messages_queued_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_messages_media_pending_created"
        `);
        await queryRunner.query(`
            DROP TABLE "messages"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_conversations_open_contact_session"
        `);
        await queryRunner.query(`
            DROP TABLE "conversations"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_whatsapp_sessions_name"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_whatsapp_sessions_org_created"
        `);
        await queryRunner.query(`
            DROP TABLE "whatsapp_sessions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_contacts_org_phone"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_contacts_org_lid"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_contacts_org_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_contacts_org_name"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_contacts_org_updated"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_contacts_org_blocked_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_contacts_org_opted_out_created"
        `);
        await queryRunner.query(`
            DROP TABLE "contacts"
        `);
    }

}
