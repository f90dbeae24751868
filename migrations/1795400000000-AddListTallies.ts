import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Exact list totals without counting every row: triggers keep, per organization, how many conversations and
 * (live) leads there are for each combination of the columns the lists filter on. Rows are deltas (insert
 * only, so concurrent writers never wait on a shared counter row); readers sum them, and the application
 * folds an organization's deltas back into one row per combination (`folded`) when they pile up (src/database/tallies.ts).
 *
 * No entity maps these tables: nothing but the triggers writes them, and nothing but a SUM reads them.
 */
export class AddListTallies1795400000000 implements MigrationInterface {
    name = 'AddListTallies1795400000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // assigned_to_id and session_id carry no foreign key: deleting a user or a number changes or deletes the
        // conversations themselves, and their triggers move the tallies.
        await queryRunner.query(`
            CREATE TABLE "conversation_tallies" (
                "organization_id" uuid NOT NULL,
                "status" character varying(24) NOT NULL,
                "owner_type" character varying(8) NOT NULL,
                "urgent" boolean NOT NULL,
                "assigned_to_id" uuid,
                "session_id" uuid NOT NULL,
                "conversations" integer NOT NULL,
                "folded" boolean NOT NULL DEFAULT false,
                CONSTRAINT "FK_conversation_tallies_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE
            )
        `);
        await queryRunner.query(`CREATE INDEX "IDX_conversation_tallies_org" ON "conversation_tallies" ("organization_id", "status")`);
        await queryRunner.query(`
            CREATE TABLE "lead_tallies" (
                "organization_id" uuid NOT NULL,
                "status" character varying(16) NOT NULL,
                "source" character varying(16) NOT NULL,
                "assigned_to_id" uuid,
                "leads" integer NOT NULL,
                "folded" boolean NOT NULL DEFAULT false,
                CONSTRAINT "FK_lead_tallies_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE
            )
        `);
        await queryRunner.query(`CREATE INDEX "IDX_lead_tallies_org" ON "lead_tallies" ("organization_id", "status")`);

        // Statement-level for inserts and deletes, so a set-based insert of thousands of rows adds one delta per
        // combination. Rows deleted together with their organization are not counted: the organization's
        // tallies are being deleted by the same cascade, and a new delta would violate the foreign key.
        await queryRunner.query(`
            CREATE FUNCTION conversation_tallies_add() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO conversation_tallies (organization_id, status, owner_type, urgent, assigned_to_id, session_id, conversations)
                SELECT organization_id, status, owner_type, urgent, assigned_to_id, session_id, count(*)
                FROM changed_rows GROUP BY 1, 2, 3, 4, 5, 6;
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            CREATE FUNCTION conversation_tallies_remove() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO conversation_tallies (organization_id, status, owner_type, urgent, assigned_to_id, session_id, conversations)
                SELECT d.organization_id, d.status, d.owner_type, d.urgent, d.assigned_to_id, d.session_id, -count(*)
                FROM changed_rows d
                WHERE EXISTS (SELECT 1 FROM organizations o WHERE o.id = d.organization_id)
                GROUP BY 1, 2, 3, 4, 5, 6;
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            CREATE FUNCTION conversation_tallies_move() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO conversation_tallies (organization_id, status, owner_type, urgent, assigned_to_id, session_id, conversations)
                VALUES (OLD.organization_id, OLD.status, OLD.owner_type, OLD.urgent, OLD.assigned_to_id, OLD.session_id, -1),
                       (NEW.organization_id, NEW.status, NEW.owner_type, NEW.urgent, NEW.assigned_to_id, NEW.session_id, 1);
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER conversation_tallies_insert AFTER INSERT ON conversations
            REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION conversation_tallies_add()
        `);
        await queryRunner.query(`
            CREATE TRIGGER conversation_tallies_delete AFTER DELETE ON conversations
            REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION conversation_tallies_remove()
        `);
        // Row-level with a WHEN clause: the per-message last_message_at updates never call the function.
        await queryRunner.query(`
            CREATE TRIGGER conversation_tallies_update AFTER UPDATE ON conversations FOR EACH ROW
            WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.owner_type IS DISTINCT FROM NEW.owner_type
                OR OLD.urgent IS DISTINCT FROM NEW.urgent OR OLD.assigned_to_id IS DISTINCT FROM NEW.assigned_to_id
                OR OLD.session_id IS DISTINCT FROM NEW.session_id OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
            EXECUTE FUNCTION conversation_tallies_move()
        `);

        // Leads: only live ones count (a soft-deleted lead is gone from lists). The score is not a dimension: its 101
        // values would make the tally nearly as long as the table, and a score range is counted on IDX_leads_org_score.
        await queryRunner.query(`
            CREATE FUNCTION lead_tallies_add() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO lead_tallies (organization_id, status, source, assigned_to_id, leads)
                SELECT organization_id, status, source, assigned_to_id, count(*)
                FROM changed_rows WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4;
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            CREATE FUNCTION lead_tallies_remove() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO lead_tallies (organization_id, status, source, assigned_to_id, leads)
                SELECT d.organization_id, d.status, d.source, d.assigned_to_id, -count(*)
                FROM changed_rows d
                WHERE d.deleted_at IS NULL AND EXISTS (SELECT 1 FROM organizations o WHERE o.id = d.organization_id)
                GROUP BY 1, 2, 3, 4;
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            CREATE FUNCTION lead_tallies_move() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF OLD.deleted_at IS NULL THEN
                    INSERT INTO lead_tallies (organization_id, status, source, assigned_to_id, leads)
                    VALUES (OLD.organization_id, OLD.status, OLD.source, OLD.assigned_to_id, -1);
                END IF;
                IF NEW.deleted_at IS NULL THEN
                    INSERT INTO lead_tallies (organization_id, status, source, assigned_to_id, leads)
                    VALUES (NEW.organization_id, NEW.status, NEW.source, NEW.assigned_to_id, 1);
                END IF;
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER lead_tallies_insert AFTER INSERT ON leads
            REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_tallies_add()
        `);
        await queryRunner.query(`
            CREATE TRIGGER lead_tallies_delete AFTER DELETE ON leads
            REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION lead_tallies_remove()
        `);
        await queryRunner.query(`
            CREATE TRIGGER lead_tallies_update AFTER UPDATE ON leads FOR EACH ROW
            WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.source IS DISTINCT FROM NEW.source
                OR OLD.assigned_to_id IS DISTINCT FROM NEW.assigned_to_id
                OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
            EXECUTE FUNCTION lead_tallies_move()
        `);

        // A tag filter on its own counts the tag's conversations (a conversation carries each tag once).
        await queryRunner.query(`
            CREATE TABLE "conversation_tag_tallies" (
                "organization_id" uuid NOT NULL,
                "tag_id" uuid NOT NULL,
                "conversations" integer NOT NULL,
                "folded" boolean NOT NULL DEFAULT false,
                CONSTRAINT "FK_conversation_tag_tallies_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE
            )
        `);
        await queryRunner.query(`CREATE INDEX "IDX_conversation_tag_tallies_org" ON "conversation_tag_tallies" ("organization_id", "tag_id")`);
        await queryRunner.query(`
            CREATE FUNCTION conversation_tag_tallies_add() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO conversation_tag_tallies (organization_id, tag_id, conversations)
                SELECT organization_id, tag_id, count(*) FROM changed_rows GROUP BY 1, 2;
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            CREATE FUNCTION conversation_tag_tallies_remove() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO conversation_tag_tallies (organization_id, tag_id, conversations)
                SELECT d.organization_id, d.tag_id, -count(*) FROM changed_rows d
                WHERE EXISTS (SELECT 1 FROM organizations o WHERE o.id = d.organization_id)
                GROUP BY 1, 2;
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER conversation_tag_tallies_insert AFTER INSERT ON conversation_tags
            REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION conversation_tag_tallies_add()
        `);
        await queryRunner.query(`
            CREATE TRIGGER conversation_tag_tallies_delete AFTER DELETE ON conversation_tags
            REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION conversation_tag_tallies_remove()
        `);
        // A tag never moves to another conversation or organization: updates need no trigger.

        // What already exists.
        await queryRunner.query(`
            INSERT INTO conversation_tallies (organization_id, status, owner_type, urgent, assigned_to_id, session_id, conversations, folded)
            SELECT organization_id, status, owner_type, urgent, assigned_to_id, session_id, count(*), true FROM conversations GROUP BY 1, 2, 3, 4, 5, 6
        `);
        await queryRunner.query(`
            INSERT INTO lead_tallies (organization_id, status, source, assigned_to_id, leads, folded)
            SELECT organization_id, status, source, assigned_to_id, count(*), true FROM leads WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4
        `);
        await queryRunner.query(`
            INSERT INTO conversation_tag_tallies (organization_id, tag_id, conversations, folded)
            SELECT organization_id, tag_id, count(*), true FROM conversation_tags GROUP BY 1, 2
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER conversation_tag_tallies_delete ON conversation_tags`);
        await queryRunner.query(`DROP TRIGGER conversation_tag_tallies_insert ON conversation_tags`);
        await queryRunner.query(`DROP FUNCTION conversation_tag_tallies_remove()`);
        await queryRunner.query(`DROP FUNCTION conversation_tag_tallies_add()`);
        await queryRunner.query(`DROP TABLE "conversation_tag_tallies"`);
        await queryRunner.query(`DROP TRIGGER lead_tallies_update ON leads`);
        await queryRunner.query(`DROP TRIGGER lead_tallies_delete ON leads`);
        await queryRunner.query(`DROP TRIGGER lead_tallies_insert ON leads`);
        await queryRunner.query(`DROP FUNCTION lead_tallies_move()`);
        await queryRunner.query(`DROP FUNCTION lead_tallies_remove()`);
        await queryRunner.query(`DROP FUNCTION lead_tallies_add()`);
        await queryRunner.query(`DROP TRIGGER conversation_tallies_update ON conversations`);
        await queryRunner.query(`DROP TRIGGER conversation_tallies_delete ON conversations`);
        await queryRunner.query(`DROP TRIGGER conversation_tallies_insert ON conversations`);
        await queryRunner.query(`DROP FUNCTION conversation_tallies_move()`);
        await queryRunner.query(`DROP FUNCTION conversation_tallies_remove()`);
        await queryRunner.query(`DROP FUNCTION conversation_tallies_add()`);
        await queryRunner.query(`DROP TABLE "lead_tallies"`);
        await queryRunner.query(`DROP TABLE "conversation_tallies"`);
    }
}
