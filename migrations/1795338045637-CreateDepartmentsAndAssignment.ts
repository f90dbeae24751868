import { MigrationInterface, QueryRunner } from "typeorm";

/** Departments, manual routes, secretary availability and the per-organization assignment rule. */
export class CreateDepartmentsAndAssignment1795338045637 implements MigrationInterface {
    name = 'CreateDepartmentsAndAssignment1795338045637'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "departments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" character varying(80) NOT NULL,
                "description" character varying(500),
                "keywords" jsonb NOT NULL DEFAULT '[]',
                CONSTRAINT "PK_839517a681a86bb84cbcc6a1e9d" PRIMARY KEY ("id")
            )
        `);
        // Names are unique per organization ignoring case ("odontologia" = "Odontologia").
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_departments_org_name" ON "departments" ("organization_id", lower("name"))
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_departments_org_name" ON "departments" ("organization_id", "name")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_departments_org_created" ON "departments" ("organization_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "department_members" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "department_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                CONSTRAINT "PK_88e8868d7c4c4ba3673df9b7cef" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_department_members_org_department_user" ON "department_members" ("organization_id", "department_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_department_members_org_user" ON "department_members" ("organization_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "conversation_departments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "conversation_id" uuid NOT NULL,
                "department_id" uuid NOT NULL,
                "routed_by_id" uuid,
                CONSTRAINT "PK_afb2a6d6141f81108f6ed08778a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_conversation_departments_org_conversation" ON "conversation_departments" ("organization_id", "conversation_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_conversation_departments_org_department" ON "conversation_departments" ("organization_id", "department_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "lead_departments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "lead_id" uuid NOT NULL,
                "department_id" uuid NOT NULL,
                "routed_by_id" uuid,
                CONSTRAINT "PK_e3feb2d2a0792f09236df00de37" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_lead_departments_org_lead" ON "lead_departments" ("organization_id", "lead_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_lead_departments_org_department" ON "lead_departments" ("organization_id", "department_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "secretary_availability" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "user_id" uuid NOT NULL,
                "available" boolean NOT NULL DEFAULT false,
                "working_hours" jsonb,
                "last_assigned_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_074cdac50bcdcbdc839d77610d6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_secretary_availability_org_user" ON "secretary_availability" ("organization_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_secretary_availability_org_available" ON "secretary_availability" ("organization_id", "available")
        `);
        await queryRunner.query(`
            CREATE TABLE "assignment_settings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "rule" character varying(16) NOT NULL DEFAULT 'round_robin',
                CONSTRAINT "CHK_assignment_settings_rule" CHECK ("rule" IN ('round_robin', 'least_load')),
                CONSTRAINT "PK_a17106ed8f6c9a2f77e6dfd1a8a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_assignment_settings_org" ON "assignment_settings" ("organization_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "departments"
            ADD CONSTRAINT "FK_71070628c130f2c9cd3cd5f082f" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "department_members"
            ADD CONSTRAINT "FK_19257fa99adcfb911c642feda67" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "department_members"
            ADD CONSTRAINT "FK_7d7af06fba109a8730e533c3e8d" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "department_members"
            ADD CONSTRAINT "FK_204f19d27111f77b67167bfa566" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_departments"
            ADD CONSTRAINT "FK_baca2524b4126ba980e6cd472bb" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_departments"
            ADD CONSTRAINT "FK_7156eb69f022da5c876e393b6f9" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_departments"
            ADD CONSTRAINT "FK_78fba1a80b25b1db7e9faeb19a4" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "conversation_departments"
            ADD CONSTRAINT "FK_798b761f98eb01c1704deb8789a" FOREIGN KEY ("routed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lead_departments"
            ADD CONSTRAINT "FK_2c4c89e272598b6e1e4853293bb" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lead_departments"
            ADD CONSTRAINT "FK_9ba2fcf169148ddb8f7774f40c2" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lead_departments"
            ADD CONSTRAINT "FK_ca155397f9cef5b88f406df3e65" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lead_departments"
            ADD CONSTRAINT "FK_8f82116996b80753d87f3fcc991" FOREIGN KEY ("routed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "secretary_availability"
            ADD CONSTRAINT "FK_6bdbc698008388f6a1d4b9199c4" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "secretary_availability"
            ADD CONSTRAINT "FK_8109459cac3aa1c703242f56a5f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "assignment_settings"
            ADD CONSTRAINT "FK_5434c272ed5b2608fd75b227120" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // Dropping a table drops its indexes and the foreign keys it holds; referencing tables go first.
        await queryRunner.query(`DROP TABLE "assignment_settings"`);
        await queryRunner.query(`DROP TABLE "secretary_availability"`);
        await queryRunner.query(`DROP TABLE "lead_departments"`);
        await queryRunner.query(`DROP TABLE "conversation_departments"`);
        await queryRunner.query(`DROP TABLE "department_members"`);
        await queryRunner.query(`DROP TABLE "departments"`);
    }
}
