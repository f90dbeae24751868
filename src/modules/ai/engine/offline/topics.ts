import { normalise, tokens } from './text-match';

/** What a patient's question is about; each maps to a knowledge category and to a clinic-profile line. */
export type Topic = 'price' | 'hours' | 'location' | 'insurance' | 'preparation' | 'contact';

/** Knowledge categories written by the knowledge module (services, prices, hours, …) per topic. */
export const TOPIC_CATEGORIES: Record<Topic, readonly string[]> = {
  price: ['prices', 'price', 'precos', 'valores'],
  hours: ['hours', 'horarios'],
  location: ['location', 'endereco', 'localizacao'],
  insurance: ['insurance', 'convenios'],
  preparation: ['preparation', 'preparo'],
  contact: ['contact', 'contato'],
};

/** Signal words: they say what kind of answer is wanted, not which item, so they are not used as search terms. */
const TOPIC_WORDS: Record<Topic, readonly string[]> = {
  price: [
    'quanto', 'custa', 'custam', 'custo', 'preco', 'precos', 'valor', 'valores', 'r$', 'reais', 'orcamento',
    'pagamento', 'pagar', 'parcela', 'parcelar', 'parcelado', 'pix', 'cartao', 'caro',
  ],
  hours: [
    'horario', 'horarios', 'abre', 'abrem', 'aberto', 'aberta', 'fecha', 'fecham', 'funciona', 'funcionam',
    'funcionamento', 'expediente', 'atendem', 'horas', 'sabado', 'sabados', 'domingo', 'domingos', 'feriado',
    'feriados',
  ],
  location: [
    'endereco', 'onde', 'fica', 'ficam', 'localizacao', 'localizada', 'localizados', 'chegar', 'estacionamento',
    'estacionar', 'mapa', 'localiza',
  ],
  insurance: [
    'convenio', 'convenios', 'plano', 'planos', 'aceita', 'aceitam', 'particular', 'reembolso', 'credenciado',
    'credenciada',
  ],
  preparation: ['preparo', 'preparar', 'jejum', 'levar', 'antes', 'cuidados', 'recomendacoes', 'orientacoes'],
  contact: ['telefone', 'fone', 'whatsapp', 'zap', 'email', 'contato', 'ligar', 'numero'],
};

/** Health-plan names are both a topic signal and a term to look for ("aceitam Unimed?"). */
const INSURANCE_BRANDS = [
  'unimed', 'bradesco', 'sulamerica', 'amil', 'hapvida', 'notredame', 'intermedica', 'cassi', 'porto', 'golden',
  'prevent', 'careplus', 'geap', 'postal', 'allianz', 'mediservice',
];

const SIGNAL_WORDS = new Set(Object.values(TOPIC_WORDS).flat());

export function detectTopics(text: string): Topic[] {
  const words = new Set(tokens(text));
  const normalised = normalise(text);
  const found = (Object.keys(TOPIC_WORDS) as Topic[]).filter((topic) => TOPIC_WORDS[topic].some((w) => words.has(w)));
  if (!found.includes('insurance') && INSURANCE_BRANDS.some((b) => words.has(b))) found.push('insurance');
  if (!found.includes('hours') && /\bque horas\b|\bate que horas\b/.test(normalised)) found.push('hours');
  return found;
}

export function isSignalWord(token: string): boolean {
  return SIGNAL_WORDS.has(token);
}

export function topicOfCategory(category: string): Topic | null {
  const c = normalise(category);
  const match = (Object.keys(TOPIC_CATEGORIES) as Topic[]).find((t) => TOPIC_CATEGORIES[t].includes(c));
  return match ?? null;
}

/** Profile lines look like "Endereço: Av. Paulista, 1000"; the label says which topic the line answers. */
export function topicOfProfileLine(line: string): Topic | null {
  const label = normalise(line.split(':')[0] ?? '');
  if (/endereco|localizacao|como chegar|estacionamento/.test(label)) return 'location';
  if (/horario|funcionamento|atendimento/.test(label)) return 'hours';
  if (/convenio|plano/.test(label)) return 'insurance';
  if (/telefone|whatsapp|contato|e ?mail/.test(label)) return 'contact';
  if (/preco|valor/.test(label)) return 'price';
  return null;
}
