import { compileRules, PhraseRule } from '../matching/phrase-pattern';
import { MACROS } from './macros';

const URGENCY_MACROS = {
  ...MACROS,
  /** Acute mental-health risk, in the words patients use. */
  suicidal: [
    'suicid*', 'me_matar', 'se_matar', 'tirar_minha_vida', 'tirar_a_minha_vida', 'acabar_com_tudo', 'acabar_com_a_minha_vida', 'quero_morrer',
    'queria_morrer', 'vontade_de_morrer', 'pensando_em_morrer', 'pensado_em_morrer', 'sumir_de_vez', 'sumir_do_mundo', 'nao_quero_mais_viver',
    'me_machucar', 'me_cortar', 'automutil*', 'me_cortando',
  ],
  /** Body parts an injury verb needs before it counts ("quebrei o braço", not "quebrou o óculos"). */
  bodyPart: [
    'cabeca', 'braco', 'perna', 'pe', 'mao', 'dedo', 'dente', 'dentes', 'joelho', 'tornozelo', 'punho', 'nariz', 'boca', 'olho', 'costela', 'ombro',
    'rosto', 'testa', 'queixo', 'quadril', 'pulso',
  ],
  /** Things swallowed or inhaled that make it a poisoning. */
  poison: [
    'agua_sanitaria', 'produto', 'produtos', 'veneno', 'remedios', 'cloro', 'soda', 'querosene', 'alvejante', 'detergente', 'desinfetante', 'pilha',
    'bateria', 'raticida', 'chumbinho', 'gasolina', 'alcool',
  ],
  /** Words that make pain severe. */
  intensity: [
    'insuportave*', 'absurd*', 'forte', 'horrivel', 'horriveis', 'terrivel', 'fortissim*', 'forte_demais', 'muito_forte', 'intensa', 'desesperador*',
    'infernal', 'demais', 'pra_caramba', 'pra_caralho', 'enlouquecendo',
  ],
  /** Signs that something went wrong after a procedure. */
  complication: [
    'inchad*', 'inchou', 'inchando', 'inchaco', 'roxo', 'roxa', 'roxeado', 'hematoma', 'bolha', 'bolhas', 'pus', 'secrec*', 'liquido', 'infecc*',
    'infeccion*', 'infeccao', 'febre', 'sangr*', 'necros*', 'vermelho_e_quente', 'quente_e_vermelho', 'ardendo', 'queimando', 'latejando',
  ],
  /** Where everyday pain is reported. */
  painSite: [
    'cabeca', 'dente', 'dentes', 'costas', 'garganta', 'barriga', 'estomago', 'ouvido', 'joelho', 'coluna', 'ombro', 'pescoco', 'perna', 'pernas',
    'braco', 'pe', 'olho', 'olhos', 'gengiva', 'mandibula', 'quadril', 'lombar', 'peito',
  ],
  /** Everyday complaints, recorded but not urgent by themselves. */
  mildSymptom: [
    'febre', 'tosse', 'tossindo', 'gripe', 'gripado', 'gripada', 'resfriado', 'resfriada', 'coriza', 'enjoo', 'enjoada', 'enjoado', 'nausea',
    'diarreia', 'vomito', 'vomitando', 'tontura', 'tonta', 'tonto', 'coceira', 'alergia', 'manchas', 'mancha', 'pinta', 'acne', 'espinhas', 'melasma',
    'queda_de_cabelo', 'insonia', 'ansiedade', 'depressao', 'cansaco', 'zumbido', 'vista_embacando', 'vista_embacada', 'visao_embacada', 'dor',
  ],
};

/**
 * Red flags: each alone makes the turn urgent. Recall comes first (target ≥ 0.95): a false alarm costs a
 * secretary a minute, a missed chest pain costs far more. Tags name the family, reported as symptoms.
 */
const RED_FLAGS: PhraseRule[] = [
  { pattern: 'dor/dores/aperto/pressao/queimacao ~3 peito/torax', tag: 'dor no peito' },
  { pattern: 'peito ~2 doendo/apertado/dor/queimando', tag: 'dor no peito' },
  { pattern: 'dor/doendo/formigamento/dormencia ~4 braco_esquerdo/mandibula', tag: 'dor no peito' },
  { pattern: 'infarto/enfarto/infartando/enfartando/avc/derrame/boca_torta/fala_enrolada/lado_do_corpo', tag: 'sinais de infarto ou avc' },
  { pattern: 'falta/dificuldade/sem ~2 ar/respirar/respiracao', tag: 'falta de ar' },
  { pattern: 'nao ~2 consigo/consegue/conseguindo/consegui ~1 respirar/engolir/enxergar/pisar/andar/mexer/levantar/acordar/urinar', tag: 'incapacidade funcional' },
  { pattern: 'respirando_mal/cansaco_para_respirar/chiado_no_peito/sufocando/sufoco/engasgad*/engasgou/labios_roxos/boca_roxa', tag: 'falta de ar' },
  { pattern: 'garganta ~1 fechando/fechou/inchada', tag: 'reação alérgica grave' },
  { pattern: 'sangr*/hemorragia/hemorragi*', tag: 'sangramento' },
  { pattern: 'vomit*/tossindo/tosse/cuspindo/urina/xixi/fezes/coco ~2 sangue', tag: 'sangramento' },
  { pattern: 'desmai*/apagou/apaguei/perdeu_os_sentidos/perdi_os_sentidos/perdeu_a_consciencia/inconsciente/desacordad*/nao_acorda', tag: 'desmaio' },
  { pattern: 'convuls*/convulsao/convulsionando/ataque_epileptico/crise_epileptica/se_debatendo/tremendo_todo/tremendo_toda', tag: 'convulsão' },
  { pattern: '{suicidal}', tag: 'risco à vida (saúde mental)' },
  { pattern: 'nao ~1 estou/to/esta? aguentando/aguento ~1 mais $', tag: 'sofrimento agudo' },
  { pattern: 'desistir/desisti ~1 de/da ~1 tudo/viver/vida', tag: 'risco à vida (saúde mental)' },
  { pattern: 'nao ~1 aguento/aguentando ~2 dor/viver/vida', tag: 'sofrimento agudo' },
  { pattern: 'anafila*/choque_anafilatico/edema_de_glote', tag: 'reação alérgica grave' },
  { pattern: 'inchad*/inchou/inchando/inchaco/incha/empolad*/empolou ~3 {bodyFace}', tag: 'inchaço no rosto' },
  { pattern: '{bodyFace} ~3 inchad*/inchou/inchando/incha/inchaco/empolad*/fechando', tag: 'inchaço no rosto' },
  { pattern: 'bateu/bati/batido/bater ~3 cabeca', tag: 'trauma' },
  { pattern: 'tombo/atropelad*/acidente/fratur*/torci/torceu/luxa*/deslocou/desloquei/corte_fundo/corte_profundo/queimadura/mordida_de/mordido_por/mordida_por/picada_de/picado_por', tag: 'trauma' },
  { pattern: 'sofri/sofreu/levei/levou/teve/tive ~1 queda/tombo', tag: 'trauma' },
  { pattern: 'pancada/batida/soco/chute/bolada/cotovelada/cabecada ~3 {bodyPart}', tag: 'trauma' },
  // These verbs also break glasses and cut hair, so they need a body part (or a fall "da escada").
  { pattern: 'caiu/cai/caimos/quebrou/quebrei/cortou/cortei/queimou/queimei/machucou/machuquei/bateu/bati ~3 {bodyPart}', tag: 'trauma' },
  { pattern: 'caiu/cai/caimos ~1 da/do/de ~1 cama/escada/bicicleta/moto/berco/cadeira/trocador/sofa/altura/telhado/laje/arvore/cavalo/skate', tag: 'trauma' },
  { pattern: 'galo/sonolent*/desorientad*/nao_reconhece', tag: 'alteração neurológica' },
  { pattern: 'envenen*/intoxica*/overdose/engoliu/engoli/tomou_remedio_demais/tomou_veneno', tag: 'intoxicação' },
  { pattern: 'bebeu/tomou/ingeriu/comeu/cheirou/inalou ~2 {poison}', tag: 'intoxicação' },
  { pattern: 'perdi/perdeu/perda ~2 visao/vista', tag: 'perda de visão' },
  { pattern: 'parei/parou/deixei/deixou de ~1 enxergar/respirar/sentir/mexer/andar/falar', tag: 'perda súbita de função' },
  { pattern: 'nao ~1 enxergo/enxerga/estou_enxergando/to_enxergando', tag: 'perda de visão' },
  { pattern: 'vendo ~1 tudo? preto/escuro/flashes/clarao/luzes/sombra/cortina/embacado/duplo/borrado', tag: 'perda de visão' },
  { pattern: 'pressao ~2 alta/altissima/subiu/muito_alta/nas_alturas/16/17/18/19/20/21/22/160/170/180/190/200', tag: 'pressão alta' },
  { pattern: 'produto/quimico/cloro/agua_sanitaria/soda/alvejante/acido/tinta/spray/estilhaco/lasca/cisco ~4 olho/olhos', tag: 'lesão ocular' },
  { pattern: 'olho/olhos ~3 ardendo/queimando/doendo_muito', tag: 'lesão ocular' },
  { pattern: 'dor/dores/doendo/doi ~4 {intensity}', tag: 'dor intensa' },
  { pattern: 'muita/muitas/tanta dor/dores', tag: 'dor intensa' },
  { pattern: 'doendo/doi/dor ~1 muito/bastante/demais', tag: 'dor intensa' },
  { pattern: 'nao ~2 dormi/durmo/consigo_dormir/consegui_dormir/deixa_dormir ~2 de dor', tag: 'dor intensa' },
  { pattern: 'socorro/emergencia/pronto_socorro/pronto_atendimento/upa/samu/urgencia_medica', tag: 'pedido de socorro' },
  { pattern: 'passando ~1 mal', tag: 'mal-estar agudo' },
  { pattern: 'bolsa ~1 estourou/rompeu/contracoes/contracao', tag: 'gestação' },
  { pattern: 'pus/necros*/pontos_abri*/pontos_abriram/secrecao/liquido_amarelado', tag: 'complicação pós-procedimento' },
];

/** Fever is urgent for babies, at 39 °C or more, or when it will not come down. */
const FEVER: PhraseRule[] = [{ pattern: 'febre/febril/febrao/ardendo_em_febre/temperatura' }];
const HIGH_FEVER: PhraseRule[] = [
  { pattern: 'febre/temperatura ~2 alta/altissima/muito_alta' },
  { pattern: 'febre ~8 nao ~2 baixa/abaixa/passa/cede/baixou/passou/melhora/abaixou/cedeu' },
  { pattern: 'febrao/ardendo_em_febre' },
];
const BABY: PhraseRule[] = [
  { pattern: 'bebe/bebes/nene/nenem/recem_nascido/recem_nascida/lactente/bebezinho/bebezinha' },
  { pattern: '# ~1 mes/meses/dias/semanas de? vida/idade?' },
];

/** Something was just done (procedure, surgery, extraction) … */
const RECENT_PROCEDURE: PhraseRule[] = [
  { pattern: 'fiz/fez/fizemos/tirei/tirou/extrai/extraiu/arranquei/operei/operou/coloquei/colocou/apliquei/aplicou/passei/fui_operad*/cirurgia/pos_operatorio/pos_cirurgico/procedimento' },
  { pattern: 'depois/apos ~2 {appointment}/procedimento/cirurgia/aplicacao/extracao/preenchimento/botox/peeling/laser/limpeza/canal/implante' },
];
/** … and something went wrong after it. */
const COMPLICATION: PhraseRule[] = [
  { pattern: '{complication}' },
];

/** Time cues that make a complaint old rather than acute ("faz 3 semanas", "há 2 meses", "já tá melhor"). */
const CHRONIC: PhraseRule[] = [
  // Not "tem 2 anos": in paediatrics that is the child's age, not how long the problem has lasted.
  { pattern: 'faz/ha/desde/ja_tem/tem_uns/tem_umas/tem_mais_de ~2 semanas/meses/mes/anos/ano/tempo/tempao/sempre' },
  { pattern: 'faz_tempo/ha_tempo/ha_anos/faz_anos/ano_passado/mes_passado/desde_crianca/desde_sempre/sempre_tive/cronica/cronico/de_longa_data' },
  { pattern: 'ja ~1 esta/ta/estou/to/ficou/fiquei ~1 melhor/bem/otimo/otima/curado/curada' },
  { pattern: 'recebeu/teve/tive/recebi/deram ~1 alta' },
];

/** Everyday complaints worth recording but not urgent by themselves. */
const MILD_SYMPTOMS: PhraseRule[] = [
  { pattern: 'dor/dores ~1 de/no/na/nas/nos ~1 {painSite}', tag: '' },
  { pattern: '{mildSymptom}', tag: '' },
  { pattern: 'dente ~1 quebrado/mole/doendo/sensivel/podre', tag: '' },
  { pattern: 'perdendo ~1 muito? cabelo', tag: '' },
];

export const RED_FLAG_RULES = compileRules(RED_FLAGS, URGENCY_MACROS);
export const FEVER_RULES = compileRules(FEVER, URGENCY_MACROS);
export const HIGH_FEVER_RULES = compileRules(HIGH_FEVER, URGENCY_MACROS);
export const BABY_RULES = compileRules(BABY, URGENCY_MACROS);
export const RECENT_PROCEDURE_RULES = compileRules(RECENT_PROCEDURE, URGENCY_MACROS);
export const COMPLICATION_RULES = compileRules(COMPLICATION, URGENCY_MACROS);
export const CHRONIC_RULES = compileRules(CHRONIC, URGENCY_MACROS);
export const MILD_SYMPTOM_RULES = compileRules(MILD_SYMPTOMS, URGENCY_MACROS);
