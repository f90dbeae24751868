import { EntityManager } from 'typeorm';
import { BusinessHours, TimeInterval } from 'src/modules/knowledge/business-hours/business-hours.types';
import { ClinicService } from 'src/modules/knowledge/clinic-profile/clinic-profile.entity';
import { KnowledgeCategory as C } from 'src/modules/knowledge/knowledge.constants';
import { ImportedItem, upsertItemsByTitle } from 'src/modules/knowledge/items/item-writer';
import { bumpKnowledgeVersion } from 'src/modules/knowledge/retrieval/chunk-writer';

const WEEKDAY: TimeInterval[] = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '19:00' },
];
const MORNING: TimeInterval[] = [{ start: '08:00', end: '12:00' }];

/** National holidays plus São Paulo's own (city on 25/01, state on 09/07). */
const HOLIDAYS: [string, string][] = [
  ['2026-12-25', 'Natal'],
  ['2027-01-01', 'Confraternização Universal'],
  ['2027-01-25', 'Aniversário de São Paulo'],
  ['2027-02-08', 'Carnaval'],
  ['2027-02-09', 'Carnaval'],
  ['2027-03-26', 'Sexta-feira Santa'],
  ['2027-04-21', 'Tiradentes'],
  ['2027-05-01', 'Dia do Trabalho'],
  ['2027-05-27', 'Corpus Christi'],
  ['2027-07-09', 'Revolução Constitucionalista'],
  ['2027-09-07', 'Independência do Brasil'],
  ['2027-10-12', 'Nossa Senhora Aparecida'],
  ['2027-11-02', 'Finados'],
  ['2027-11-15', 'Proclamação da República'],
  ['2027-11-20', 'Dia da Consciência Negra'],
  ['2027-12-25', 'Natal'],
];

export const DEMO_BUSINESS_HOURS: Omit<BusinessHours, 'timezone'> = {
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, intervals: WEEKDAY })).concat({ weekday: 6, intervals: MORNING }),
  exceptions: [
    { date: '2026-12-24', intervals: MORNING, reason: 'Véspera de Natal' },
    { date: '2026-12-31', intervals: MORNING, reason: 'Véspera de Ano-Novo' },
    { date: '2027-02-10', intervals: [{ start: '13:00', end: '19:00' }], reason: 'Quarta-feira de Cinzas' },
  ],
  holidays: HOLIDAYS.map(([date, name]) => ({ date, name })),
};

export const DEMO_INSURANCES = ['Unimed', 'Bradesco Saúde', 'SulAmérica', 'Amil', 'Porto Seguro Saúde', 'OdontoPrev', 'Amil Dental'];

const service = (name: string, description: string, priceCents: number | null, durationMinutes: number): ClinicService => ({ name, description, priceCents, durationMinutes });

export const DEMO_SERVICES: ClinicService[] = [
  service('Consulta odontológica de avaliação', 'Exame clínico, plano de tratamento e orçamento.', 15000, 30),
  service('Limpeza dental (profilaxia)', 'Remoção de placa e tártaro, polimento e aplicação de flúor.', 18000, 45),
  service('Clareamento dental a laser', 'Três sessões no consultório, com moldeira para manutenção em casa.', 120000, 90),
  service('Restauração em resina', 'Preço por dente, conforme o tamanho da restauração.', 25000, 60),
  service('Tratamento de canal', 'Molares custam a partir de R$ 1.200,00.', 90000, 90),
  service('Extração simples', 'Dentes não inclusos; sisos são avaliados à parte.', 30000, 45),
  service('Manutenção de aparelho ortodôntico', 'Consulta mensal de ajuste do aparelho fixo.', 20000, 30),
  service('Implante dentário', 'Valor definido após avaliação e tomografia.', null, 120),
  service('Consulta dermatológica', 'Inclui retorno em até 30 dias.', 35000, 30),
  service('Mapeamento de pintas (dermatoscopia digital)', 'Registro fotográfico de todas as pintas para acompanhamento.', 60000, 40),
  service('Peeling químico', 'Para manchas, acne e rejuvenescimento; valor por sessão.', 45000, 45),
  service('Toxina botulínica (botox)', 'Aplicação em testa, glabela e pés de galinha.', 150000, 30),
  service('Remoção de verrugas e lesões benignas', 'Com cauterização; valor por sessão, até 5 lesões.', 40000, 30),
];

const item = (title: string, category: C, content: string, tags: string[] = []): ImportedItem => ({ title, category, content, tags, active: true });

export const DEMO_KNOWLEDGE: ImportedItem[] = [
  item('Endereço e como chegar', C.Location, [
    'A Clínica Exemplo fica na Av. Paulista, 1578, conjunto 1203 (12º andar), Bela Vista, São Paulo - SP, CEP 01310-200.',
    'De metrô: a 5 minutos a pé da estação Trianon-MASP (linha 2-verde). De ônibus: várias linhas param em frente ao MASP.',
    'Na portaria do prédio é preciso apresentar um documento com foto.',
  ].join('\n\n'), ['endereço', 'metrô']),
  item('Estacionamento', C.Location, 'Temos convênio com o estacionamento do subsolo do edifício (entrada pela Alameda Santos, 1950): R$ 15,00 por até 2 horas, com o tíquete carimbado na recepção. Há também vagas para bicicletas na entrada do prédio.', ['estacionamento', 'carro']),
  item('Acessibilidade', C.Location, 'O prédio tem rampa de acesso e elevadores, e a clínica tem banheiro adaptado. Se precisar de cadeira de rodas na chegada, avise a recepção com antecedência.', ['acessibilidade']),
  item('Horário de funcionamento', C.Hours, [
    'Atendemos de segunda a sexta-feira, das 8h às 12h e das 13h às 19h, e aos sábados das 8h às 12h.',
    'Não abrimos aos domingos nem em feriados. Mensagens recebidas fora do horário são respondidas no próximo horário de atendimento.',
  ].join('\n\n'), ['horário', 'sábado']),
  item('Convênios aceitos', C.Insurance, [
    'Dermatologia: aceitamos Unimed, Bradesco Saúde, SulAmérica, Amil e Porto Seguro Saúde para consultas e alguns procedimentos (sujeito à cobertura do seu plano).',
    'Odontologia: aceitamos OdontoPrev e Amil Dental. Procedimentos estéticos, como clareamento e botox, não têm cobertura de convênio.',
    'Traga a carteirinha do convênio e um documento com foto no dia da consulta.',
  ].join('\n\n'), ['convênio', 'plano de saúde']),
  item('Atendimento particular e reembolso', C.Insurance, 'Se o seu plano não estiver na nossa lista, você pode ser atendido como particular. Emitimos nota fiscal e relatório para você pedir reembolso ao seu convênio, conforme as regras do seu plano.', ['reembolso', 'particular']),
  item('Formas de pagamento', C.Prices, 'Aceitamos Pix, dinheiro e cartões de débito e crédito (Visa, Mastercard e Elo). Tratamentos acima de R$ 600,00 podem ser parcelados em até 10 vezes sem juros no cartão de crédito.', ['pagamento', 'pix', 'parcelamento']),
  item('Tabela de preços: odontologia', C.Prices, [
    'Consulta de avaliação odontológica: R$ 150,00',
    'Limpeza dental (profilaxia) com aplicação de flúor: R$ 180,00',
    'Clareamento dental a laser (3 sessões): R$ 1.200,00',
    'Restauração em resina: a partir de R$ 250,00 por dente',
    'Tratamento de canal: a partir de R$ 900,00 (molares a partir de R$ 1.200,00)',
    'Extração simples: R$ 300,00',
    'Manutenção de aparelho ortodôntico: R$ 200,00 por mês',
    'Implante dentário: valor definido após avaliação',
  ].join('\n'), ['preço', 'odontologia']),
  item('Tabela de preços: dermatologia', C.Prices, [
    'Consulta dermatológica: R$ 350,00 (com retorno em até 30 dias sem custo)',
    'Mapeamento de pintas (dermatoscopia digital): R$ 600,00',
    'Peeling químico: R$ 450,00 por sessão',
    'Toxina botulínica (botox): a partir de R$ 1.500,00',
    'Remoção de verrugas e lesões benignas: R$ 400,00 por sessão',
  ].join('\n'), ['preço', 'dermatologia']),
  item('Limpeza dental (profilaxia)', C.Services, 'A limpeza remove placa bacteriana e tártaro, faz o polimento dos dentes e termina com aplicação de flúor. Dura cerca de 45 minutos e custa R$ 180,00. Recomendamos uma limpeza a cada 6 meses.', ['limpeza', 'odontologia']),
  item('Clareamento dental', C.Services, 'O clareamento a laser é feito em 3 sessões no consultório, com intervalo de uma semana. Antes, fazemos uma avaliação para verificar se não há cáries ou sensibilidade. Valor: R$ 1.200,00, com a moldeira de manutenção incluída.', ['clareamento', 'estética']),
  item('Consulta dermatológica', C.Services, 'Atendemos dermatologia clínica (acne, manchas, queda de cabelo, alergias de pele) e estética. A consulta custa R$ 350,00 e inclui um retorno em até 30 dias. Nossas dermatologistas: Dra. Helena Prado e Dra. Marina Costa.', ['dermatologia']),
  item('Preparo para peeling e procedimentos a laser', C.Preparation, [
    'Suspenda ácidos (retinoico, glicólico) 5 dias antes e não tome sol na região por 7 dias antes e depois do procedimento.',
    'Venha sem maquiagem. Use protetor solar FPS 50 todos os dias durante o tratamento.',
  ].join('\n\n'), ['peeling', 'laser', 'preparo']),
  item('Preparo para extração e cirurgia oral', C.Preparation, [
    'Faça uma refeição leve até 2 horas antes; não é preciso jejum para anestesia local. Informe se usa anticoagulantes ou tem alergia a medicamentos.',
    'Depois do procedimento: compressa fria nas primeiras 24 horas, alimentos frios e pastosos, e nada de cigarro ou bebida alcoólica por 3 dias.',
  ].join('\n\n'), ['extração', 'cirurgia', 'preparo']),
  item('Política de cancelamento e remarcação', C.Policies, 'Cancelamentos e remarcações devem ser feitos com pelo menos 24 horas de antecedência, pelo WhatsApp ou pelo telefone (11) 3555-0100. Faltas sem aviso podem gerar cobrança de 50% do valor da consulta particular.', ['cancelamento', 'remarcação', 'falta']),
  item('Atrasos', C.Policies, 'Toleramos atrasos de até 15 minutos. Depois disso, a consulta pode precisar ser remarcada para não atrasar os próximos pacientes.', ['atraso']),
  item('Urgências e emergências', C.Policies, 'A clínica não é pronto-socorro. Em caso de dor forte, sangramento intenso, falta de ar ou reação alérgica grave, ligue para o SAMU (192) ou procure o pronto-socorro mais próximo. Para dor de dente durante o horário de atendimento, tentamos um encaixe no mesmo dia.', ['urgência', 'emergência']),
  item('Primeira consulta: o que levar', C.Faq, 'Traga documento com foto, a carteirinha do convênio (se tiver), a lista dos remédios que usa e exames recentes relacionados à consulta. Chegue 10 minutos antes para o cadastro.', ['primeira consulta', 'documentos']),
  item('Atendimento infantil', C.Faq, 'Atendemos crianças a partir de 3 anos em odontopediatria e a partir de 1 ano em dermatologia. Menores de 18 anos devem vir acompanhados de um responsável.', ['crianças', 'odontopediatria']),
  item('Atestados e documentos', C.Faq, 'Emitimos atestado de comparecimento e, quando indicado pelo profissional, atestado médico ou odontológico. Recibos e notas fiscais são enviados por e-mail em até 2 dias úteis.', ['atestado', 'nota fiscal']),
];

const PROFILE_UPSERT_SQL = `
  INSERT INTO clinic_profiles (organization_id, name, address, phone, email, business_hours, accepted_insurances, services)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (organization_id) DO UPDATE SET
    name = EXCLUDED.name, address = EXCLUDED.address, phone = EXCLUDED.phone, email = EXCLUDED.email,
    business_hours = EXCLUDED.business_hours, accepted_insurances = EXCLUDED.accepted_insurances, services = EXCLUDED.services,
    updated_at = now()
  WHERE (clinic_profiles.name, clinic_profiles.address, clinic_profiles.phone, clinic_profiles.email,
         clinic_profiles.business_hours, clinic_profiles.accepted_insurances, clinic_profiles.services)
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.address, EXCLUDED.phone, EXCLUDED.email,
         EXCLUDED.business_hours, EXCLUDED.accepted_insurances, EXCLUDED.services)
  RETURNING id`;

/**
 * The demo clinic's profile and knowledge base, written so that running the seed again changes nothing (and
 * bumps no version) unless this file changed. Items are matched by title; staff's own items are left alone.
 */
export async function seedDemoClinicKnowledge(manager: EntityManager, organizationId: string): Promise<void> {
  const profileRows: unknown[] = await manager.query(PROFILE_UPSERT_SQL, [
    organizationId,
    'Clínica Exemplo',
    'Av. Paulista, 1578, conj. 1203 - Bela Vista, São Paulo - SP, 01310-200',
    '(11) 3555-0100',
    'contato@clinicaexemplo.com.br',
    JSON.stringify(DEMO_BUSINESS_HOURS),
    JSON.stringify(DEMO_INSURANCES),
    JSON.stringify(DEMO_SERVICES),
  ]);
  const items = await upsertItemsByTitle(manager, organizationId, DEMO_KNOWLEDGE);
  if (profileRows.length > 0 || items.created + items.updated > 0) await bumpKnowledgeVersion(manager, organizationId);
}
