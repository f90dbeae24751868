import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Exact list totals without counting every row: triggers keep, per organization, how many conversations, (live)
 * leads and tagged conversations there are for each combination of the columns the lists filter on. Rows are deltas
 * (insert only, so concurrent writers never wait on a shared counter row); readers sum them, and the application
 * folds an organization's deltas back into one row per combination (`folded`) when they pile up (src/database/tallies.ts).
 *
 * No entity maps these tables: nothing but the triggers writes them, and nothing but a SUM reads them.
 */

interface Tally {
    /** The tally table, also the prefix of its functions and triggers. */
    name: string;
    /** The table whose rows it counts. */
    source: string;
    /** The counted combinations, after organization_id: column name and SQL type. */
    columns: [string, string][];
    count: string;
    /** Rows of `source` that count (leads: live ones); all when absent. */
    counted?: string;
    /** Whether a row can move between combinations (then a row-level UPDATE trigger follows it). */
    moves: boolean;
}

const TALLIES: Tally[] = [
    {
        // assigned_to_id and session_id carry no foreign key: deleting a user or a number changes or deletes the
        // conversations themselves, and their triggers move the tallies.
        name: 'conversation_tallies',
        source: 'conversations',
        columns: [['status', 'character varying(24) NOT NULL'], ['owner_type', 'character varying(8) NOT NULL'], ['urgent', 'boolean NOT NULL'], ['assigned_to_id', 'uuid'], ['session_id', 'uuid NOT NULL']],
        count: 'conversations',
        moves: true,
    },
    {
        // The score is not a dimension: its 101 values would make the tally nearly as long as the table, and a score
        // range is counted on IDX_leads_org_score. A soft-deleted lead is gone from lists.
        name: 'lead_tallies',
        source: 'leads',
        columns: [['status', 'character varying(16) NOT NULL'], ['source', 'character varying(16) NOT NULL'], ['assigned_to_id', 'uuid']],
        count: 'leads',
        counted: 'deleted_at IS NULL',
        moves: true,
    },
    {
        // A tag filter on its own counts the tag's conversations (a conversation carries each tag once). A tag never
        // moves to another conversation or organization.
        name: 'conversation_tag_tallies',
        source: 'conversation_tags',
        columns: [['tag_id', 'uuid NOT NULL']],
        count: 'conversations',
        moves: false,
    },
];

function createTally(tally: Tally): string[] {
    const names = ['organization_id', ...tally.columns.map(([column]) => column)];
    const list = names.join(', ');
    const groups = names.map((_, index) => index + 1).join(', ');
    const of = (row: string) => names.map((column) => `${row}.${column}`).join(', ');
    const counted = (row: string) => (tally.counted ? `${row}.${tally.counted}` : 'true');
    const insert = `INSERT INTO ${tally.name} (${list}, ${tally.count})`;
    const statements = [
        `CREATE TABLE "${tally.name}" (
            "organization_id" uuid NOT NULL,
            ${tally.columns.map(([column, type]) => `"${column}" ${type},`).join('\n            ')}
            "${tally.count}" integer NOT NULL,
            "folded" boolean NOT NULL DEFAULT false,
            CONSTRAINT "FK_${tally.name}_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE
        )`,
        `CREATE INDEX "IDX_${tally.name}_org" ON "${tally.name}" ("organization_id", "${tally.columns[0][0]}")`,
        // Statement-level for inserts and deletes, so a set-based insert of thousands of rows adds one delta per
        // combination. Rows deleted together with their organization are not counted: the organization's tallies are
        // being deleted by the same cascade, and a new delta would violate the foreign key.
        `CREATE FUNCTION ${tally.name}_add() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            ${insert}
            SELECT ${of('d')}, count(*) FROM changed_rows d WHERE ${counted('d')} GROUP BY ${groups};
            RETURN NULL;
        END $$`,
        `CREATE FUNCTION ${tally.name}_remove() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            ${insert}
            SELECT ${of('d')}, -count(*) FROM changed_rows d
            WHERE ${counted('d')} AND EXISTS (SELECT 1 FROM organizations o WHERE o.id = d.organization_id)
            GROUP BY ${groups};
            RETURN NULL;
        END $$`,
        `CREATE TRIGGER ${tally.name}_insert AFTER INSERT ON ${tally.source}
        REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ${tally.name}_add()`,
        `CREATE TRIGGER ${tally.name}_delete AFTER DELETE ON ${tally.source}
        REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ${tally.name}_remove()`,
    ];
    if (tally.moves) {
        const watched = tally.counted ? [...names, tally.counted.split(' ')[0]] : names;
        statements.push(
            `CREATE FUNCTION ${tally.name}_move() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF ${counted('OLD')} THEN ${insert} VALUES (${of('OLD')}, -1); END IF;
                IF ${counted('NEW')} THEN ${insert} VALUES (${of('NEW')}, 1); END IF;
                RETURN NULL;
            END $$`,
            // Row-level with a WHEN clause: the per-message last_message_at updates never call the function.
            `CREATE TRIGGER ${tally.name}_update AFTER UPDATE ON ${tally.source} FOR EACH ROW
            WHEN (${watched.map((column) => `OLD.${column} IS DISTINCT FROM NEW.${column}`).join(' OR ')})
            EXECUTE FUNCTION ${tally.name}_move()`,
        );
    }
    // What already exists, folded.
    statements.push(
        `INSERT INTO ${tally.name} (${list}, ${tally.count}, folded)
        SELECT ${of('s')}, count(*), true FROM ${tally.source} s WHERE ${counted('s')} GROUP BY ${groups}`,
    );
    return statements;
}

function dropTally(tally: Tally): string[] {
    const statements = tally.moves ? [`DROP TRIGGER ${tally.name}_update ON ${tally.source}`, `DROP FUNCTION ${tally.name}_move()`] : [];
    return [
        ...statements,
        `DROP TRIGGER ${tally.name}_delete ON ${tally.source}`,
        `DROP TRIGGER ${tally.name}_insert ON ${tally.source}`,
        `DROP FUNCTION ${tally.name}_remove()`,
        `DROP FUNCTION ${tally.name}_add()`,
        `DROP TABLE "${tally.name}"`,
    ];
}

export class AddListTallies1795400000000 implements MigrationInterface {
    name = 'AddListTallies1795400000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        for (const statement of TALLIES.flatMap(createTally)) await queryRunner.query(statement);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const statement of [...TALLIES].reverse().flatMap(dropTally)) await queryRunner.query(statement);
    }
}
