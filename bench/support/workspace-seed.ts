/**
 * A big clinic for `npm run bench:workspace` (and demos: `npm run seed:workspace`, bench/seed-workspace.ts): one
 * organization with an admin and 5 secretaries, 2 WhatsApp numbers, 50,000 patients and conversations, 1,000,000
 * messages with varied Portuguese text, 20,000 leads and tagged conversations. Set-based SQL only.
 */
import { hash } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { seedClinics, withConnection } from './ingest-db';

export const WORKSPACE_PASSWORD = 'Robbot-Bench-2026';

export interface SeedSize {
  conversations: number;
  messagesPerConversation: number;
  leads: number;
}

export const FULL_SIZE: SeedSize = { conversations: 50_000, messagesPerConversation: 20, leads: 20_000 };

export interface SeededWorkspace {
  organizationId: string;
  adminEmail: string;
  secretaryEmails: string[];
  secretaryIds: string[];
  tagIds: string[];
}

// Patients' and staff's words: enough variety that full-text search ranks something real.
const PHRASES = [
  'Olá, gostaria de marcar uma consulta de avaliação',
  'Quanto custa a limpeza dental? Vocês aceitam Unimed?',
  'Estou com dor de dente desde ontem, tem horário hoje?',
  'Preciso remarcar minha consulta de terça para quinta à tarde',
  'Qual o endereço da clínica e tem estacionamento?',
  'Meu filho precisa de uma consulta com a dermatologista',
  'Vocês fazem clareamento? Qual o valor parcelado?',
  'Obrigada pelo atendimento, até amanhã!',
  'Gostaria de saber se fazem botox e preenchimento labial',
  'Tenho manchas na pele e queria uma avaliação',
  'Posso pagar com Pix ou cartão de crédito?',
  'Confirmo minha presença no sábado às nove horas',
  'A secretária pode me ligar depois das dezoito horas?',
  'Minha gengiva está sangrando quando escovo os dentes',
  'Quero cancelar o agendamento de segunda-feira',
  'Bom dia! Vocês atendem convênio Bradesco Saúde?',
  'Perfeito, vou enviar os exames por aqui mesmo',
  'Qual o preparo para a limpeza de pele?',
  'Estou ansiosa com o tratamento de canal, dói muito?',
  'Tem horário para consulta de rotina na semana que vem?',
];

export async function seedWorkspace(database: string, secretsKeys: string, size: SeedSize = FULL_SIZE): Promise<SeededWorkspace> {
  const [clinic, second] = await seedClinics(database, 2, secretsKeys, [randomBytes(24).toString('hex'), randomBytes(24).toString('hex')]);
  const passwordHash = await hash(WORKSPACE_PASSWORD);
  const tag = clinic.organizationId.slice(0, 8);
  const adminEmail = `admin-${tag}@workspace.bench`;
  const secretaryEmails = Array.from({ length: 5 }, (_, n) => `secretaria${n + 1}-${tag}@workspace.bench`);
  return withConnection(database, async (db) => {
    // The second clinic is another organization; its number becomes this clinic's second number.
    await db.query(`UPDATE whatsapp_sessions SET organization_id = $1 WHERE id = $2`, [clinic.organizationId, second.sessionId]);
    await db.query(
      `INSERT INTO users (organization_id, name, email, password_hash, role) VALUES ($1, 'Admin Bench', $2, $3, 'admin')`,
      [clinic.organizationId, adminEmail, passwordHash],
    );
    const secretaries: { id: string }[] = await db.query(
      `INSERT INTO users (organization_id, name, email, password_hash, role)
       SELECT $1, 'Secretária ' || n, e, $3, 'secretary' FROM unnest($2::varchar[]) WITH ORDINALITY AS t(e, n) RETURNING id`,
      [clinic.organizationId, secretaryEmails, passwordHash],
    );
    const secretaryIds = secretaries.map((row) => row.id);
    const sessions = [clinic.sessionId, second.sessionId];
    await db.query(
      `INSERT INTO contacts (organization_id, name, phone, source)
       SELECT $1, 'Paciente ' || i, '+55119' || lpad((20000000 + i)::text, 8, '0'), 'whatsapp' FROM generate_series(1, $2) AS i`,
      [clinic.organizationId, size.conversations],
    );
    // Statuses, owners, assignees and urgency spread like a busy inbox; activity over the last 90 days.
    await db.query(
      `INSERT INTO conversations (organization_id, contact_id, session_id, chat_id, status, owner_type, assigned_to_id, urgent,
                                  last_message_at, last_inbound_at, inbound_count, bot_answered_count, created_at)
       SELECT $1, c.id, ($3::uuid[])[1 + (n % 2)], substr(c.phone, 2) || '@c.us',
              (ARRAY['ACTIVE','WAITING_SECRETARY','AWAITING_RESPONSE','TRANSFERRED','CLOSED'])[1 + (n % 5)],
              (ARRAY['bot','human','none'])[1 + (n % 3)],
              CASE WHEN n % 3 = 0 THEN NULL ELSE ($4::uuid[])[1 + (n % 5)] END,
              n % 37 = 0,
              now() - (n % 129600) * interval '1 minute', now() - (n % 129600) * interval '1 minute',
              $2::int / 2, $2::int / 2, now() - (n % 129600) * interval '1 minute' - interval '1 day'
       FROM (SELECT id, phone, row_number() OVER (ORDER BY phone) AS n FROM contacts WHERE organization_id = $1) AS c`,
      [clinic.organizationId, size.messagesPerConversation, sessions, secretaryIds],
    );
    await db.query(
      `INSERT INTO messages (organization_id, conversation_id, session_id, direction, type, sender, status, body, occurred_at)
       SELECT $1, c.id, c.session_id,
              CASE WHEN m % 2 = 0 THEN 'inbound' ELSE 'outbound' END, 'text',
              CASE WHEN m % 2 = 0 THEN 'patient' ELSE 'bot' END,
              CASE WHEN m % 2 = 0 THEN 'received' ELSE 'read' END,
              ($3::text[])[1 + ((m * 7 + c.k) % array_length($3::text[], 1))],
              c.last_message_at - (($2 - m) * interval '3 minutes')
       FROM (SELECT id, session_id, last_message_at, (hashtext(id::text) & 1023) AS k FROM conversations WHERE organization_id = $1) AS c,
            generate_series(1, $2) AS m
       -- In arrival order, as production appends them: the table's pages follow time, like a real clinic's.
       ORDER BY c.last_message_at - (($2 - m) * interval '3 minutes')`,
      [clinic.organizationId, size.messagesPerConversation, PHRASES],
    );
    await db.query(
      `INSERT INTO leads (organization_id, contact_id, conversation_id, source, status, assigned_to_id, score, score_band, created_at)
       SELECT $1, c.contact_id, c.id, (ARRAY['WHATSAPP','WHATSAPP','WHATSAPP','INSTAGRAM','WEBSITE','REFERRAL'])[1 + (n % 6)],
              (ARRAY['NEW','ENGAGED','INTERESTED','READY','SCHEDULED'])[1 + (n % 5)], c.assigned_to_id,
              (n * 37) % 101, CASE WHEN (n * 37) % 101 >= 70 THEN 'hot' WHEN (n * 37) % 101 >= 40 THEN 'warm' ELSE 'cold' END,
              c.created_at
       FROM (SELECT id, contact_id, assigned_to_id, created_at, row_number() OVER (ORDER BY created_at) AS n FROM conversations
             WHERE organization_id = $1 AND status <> 'CLOSED') AS c
       WHERE n <= $2`,
      [clinic.organizationId, size.leads],
    );
    const tags: { id: string }[] = await db.query(
      `INSERT INTO tags (organization_id, name, color) VALUES ($1, 'VIP', '#FFAA00'), ($1, 'Retorno', '#00AAFF'), ($1, 'Ortodontia', '#AA00FF') RETURNING id`,
      [clinic.organizationId],
    );
    const tagIds = tags.map((row) => row.id);
    await db.query(
      `INSERT INTO conversation_tags (organization_id, conversation_id, tag_id)
       SELECT $1, id, ($2::uuid[])[1 + (hashtext(id::text) & 3) % 3] FROM conversations WHERE organization_id = $1 AND hashtext(id::text) % 5 = 0`,
      [clinic.organizationId, tagIds],
    );
    // A bulk-loaded table has no visibility map until vacuumed; autovacuum would set it in production.
    await db.query('VACUUM ANALYZE');
    return { organizationId: clinic.organizationId, adminEmail, secretaryEmails, secretaryIds, tagIds };
  });
}
