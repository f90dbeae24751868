import { compileRules, PhraseRule } from '../matching/phrase-pattern';
import { MACROS } from './macros';

/** Hesitations that lower lead maturity; tags are the `Objection` values. */
const OBJECTIONS: PhraseRule[] = [
  { pattern: 'caro/carissimo/caros/salgado/puxado/alto_demais/muito_alto', tag: 'price' },
  { pattern: 'sem/nao_tenho/nao_tem/falta/faltando/juntar/juntando/economizar ~1 dinheiro/grana', tag: 'price' },
  { pattern: 'budget/orcamento/grana/dinheiro ~2 curto/apertado/contado/baixo/pouco', tag: 'price' },
  { pattern: 'desconto/descontos/promo/promocao/promocional/mais_barato/mais_em_conta/baratinho/nao_cabe_no_bolso/condicao_especial/parcel*', tag: 'price' },
  { pattern: 'questoes/questao/motivos/problemas/dificuldades/situacao ~1 financeira/financeiras/financeiro/financeiros', tag: 'price' },
  { pattern: 'desempregad*/sem_condicoes/nao_posso_pagar/nao_consigo_pagar', tag: 'price' },
  { pattern: 'longe/distante/fora_de_mao/contramao', tag: 'distance' },
  { pattern: 'dificil/complicado ~1 de? chegar/ir/ir_ate_ai', tag: 'distance' },
  { pattern: 'outra/outro ~1 cidade/estado/bairro/municipio/pais', tag: 'distance' },
  { pattern: 'sem/nao_tenho ~1 carro/transporte/conducao/quem_me_leve', tag: 'distance' },
  { pattern: 'morando_fora/moro_longe/moro_fora/moro_em_outra', tag: 'distance' },
  { pattern: 'medo/medinho/pavor/panico/receio/fobia/trauma ~4 de? dentista/agulha/agulhas/anestesia/injecao/dor/doer/sentir/procedimento/cirurgia/broca/sangue/de_ir/do_resultado/ficar/tomar', tag: 'fear' },
  // "medo de ter infeccionado" is worry about a condition, not about the visit.
  { pattern: 'tenho/estou_com/morro_de/morrendo_de ~1 medo/pavor/panico/receio/fobia !de_ter/de_estar/de_ser/que/de_ficar/de_perder', tag: 'fear' },
  { pattern: 'ansiosa/ansioso/nervosa/nervoso/insegura/inseguro/apavorad*/assustad*', tag: 'fear' },
];

const POSITIVE: PhraseRule[] = [
  { pattern: 'obrigad*/agradec*/grat*/valeu/otimo/otima/excelente/maravilh*/amei/adorei/perfeito/perfeita/top/show/satisfeit*/incrivel/parabens/amo/feliz/legal/ansiosa_para/ansioso_para/recomendo/nota_10/melhor_clinica' },
];
const NEGATIVE: PhraseRule[] = [
  { pattern: 'pessim*/horrivel/horriveis/terrivel/absurd*/raiva/triste/decepcion*/chatead*/irritad*/frustrad*/preocupad*/medo/desesper*/socorro/vergonh*/descaso/ridicul*/nervos*/cansad*/odeio/detesto/insuportave*/ninguem_responde/nao_gostei/serio_isso' },
];

export const OBJECTION_RULES = compileRules(OBJECTIONS, MACROS);
export const POSITIVE_RULES = compileRules(POSITIVE, MACROS);
export const NEGATIVE_RULES = compileRules(NEGATIVE, MACROS);
/** Emoji read as mood; 🙃 and 👏 are often sarcastic, so they count for nothing either way. */
export const POSITIVE_EMOJI: ReadonlySet<string> = new Set(['🥰', '😍', '🙏', '😊', '❤️', '❤', '💙', '💖', '😁', '😀', '🤩', '👍', '💕', '☺️', '🤗', '😄']);
export const NEGATIVE_EMOJI: ReadonlySet<string> = new Set(['😡', '😠', '😢', '😭', '😤', '😞', '😔', '💔', '🤬', '😩', '😫', '🙄', '😒', '😣']);
