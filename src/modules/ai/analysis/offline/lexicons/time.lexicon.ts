import { compileRules, PhraseRule } from '../matching/phrase-pattern';
import { MACROS } from './macros';

/**
 * When the patient wants to be seen. Tags: 'strong' names a slot by itself ("sábado", "dia 15", "às 14h");
 * 'weak' only counts next to a request ("hoje", "agora": "tá sangrando até agora" is not a preference).
 */
const TIME: PhraseRule[] = [
  { pattern: 'depois_de_amanha/amanha', tag: 'strong' },
  { pattern: 'hoje/agora/agorinha/ja_ja/logo_mais/mais_tarde', tag: 'weak' },
  { pattern: 'cedo/cedinho/bem_cedo/mais_cedo', tag: 'weak' },
  { pattern: 'o? quanto_antes/mais_rapido_possivel/mais_breve_possivel/mais_cedo_possivel/assim_que_possivel/asap', tag: 'strong' },
  { pattern: 'primeiro/primeira/proximo/proxima horario/vaga/data/encaixe ~1 disponivel/livre/vago/que_tiver?', tag: 'strong' },
  { pattern: 'essa/esta/nessa/nesta/proxima/outra/na_proxima semana/semaninha', tag: 'strong' },
  { pattern: 'semana_que_vem/semana_seguinte', tag: 'strong' },
  { pattern: 'esse/este/nesse/neste/proximo mes', tag: 'strong' },
  { pattern: 'mes_que_vem/mes_seguinte/fim_do_mes/final_do_mes/comeco_do_mes/inicio_do_mes', tag: 'strong' },
  { pattern: 'esse/este/nesse/neste/proximo/no? fim/final de semana', tag: 'strong' },
  { pattern: 'proxima/proximo/toda/todas/essa/esta/nessa/nesta? {weekday} feira/feiras?', tag: 'strong' },
  { pattern: 'dia # de? {month}?', tag: 'strong' },
  { pattern: '# de {month}', tag: 'strong' },
  { pattern: '#d', tag: 'strong' },
  { pattern: 'as/a_partir_das/depois_das/antes_das/ate_as/pelas/la_pelas/umas/por_volta_das/entre? #h', tag: 'strong' },
  { pattern: 'as/a_partir_das/depois_das/antes_das/ate_as/pelas/la_pelas/por_volta_das # horas/hora/da_manha/da_tarde/da_noite?', tag: 'strong' },
  { pattern: 'de/pela/a/na/no_periodo_da/periodo_da/durante_a/no_fim_da/no_final_da/fim_da/final_da/no_comeco_da/no_inicio_da/so_de/so_a {dayPart}', tag: 'strong' },
  { pattern: 'depois/antes/horario/hora/na_hora do/de almoco', tag: 'strong' },
  { pattern: 'depois/antes ~1 do_trabalho/do_expediente/da_escola/da_aula/do_servico', tag: 'strong' },
  { pattern: 'qualquer dia/horario/hora/periodo/data/momento', tag: 'strong' },
  { pattern: 'menos/exceto/fora ~1 {weekday}', tag: 'strong' },
  { pattern: 'no/o? mesmo horario/hora', tag: 'strong' },
];

/** Connectors that glue two time phrases into one preference ("quinta ou sexta de manhã", "amanhã às 15h"). */
export const TIME_JOINERS: ReadonlySet<string> = new Set(['ou', 'e', ',', 'de', 'da', 'do', 'no', 'na', 'as', 'a', 'pela', 'depois', 'entre', 'mas', 'ainda']);
/** Leading words dropped from the phrase handed back ("pra sábado" → "sábado"). */
export const TIME_LEADING_FILLERS: ReadonlySet<string> = new Set(['para', 'no', 'na', 'nos', 'nas', 'aos', 'em']);

/**
 * A time introduced like these is the appointment being moved or cancelled, not a preference. The
 * 'possessive' form ("minha consulta de terça") only counts when the burst cancels or reschedules.
 */
const EXISTING_APPOINTMENT: PhraseRule[] = [
  { pattern: 'minha/meu/a/o/da/do/sua/seu/nossa ~2 {appointment}/limpeza/terapia/fisioterapia/canal/botox/clareamento ~3 de/do/da/das/dos/dia/marcada/marcado/agendada/agendado', tag: 'possessive' },
  { pattern: 'marcad*/agendad*/reservad*/confirmad* ~1 para/pra/na/no/dia?' },
  { pattern: 'tenho/temos/tinha/estou_com ~2 {appointment}/hora_marcada' },
];

/** Times that are already past or describe how long a problem has lasted. */
const PAST_OR_DURATION: PhraseRule[] = [
  { pattern: 'desde/faz/ha/durante/passado/passada/passou/ontem/anteontem/foi/fui/fiz/era' },
  { pattern: 'esperei/esperamos/esperando/espera/demorou/demora/durou/dura/levou/leva/atrasou/perdi' },
  { pattern: 'ate/desde agora/hoje/o_momento/entao' },
];

export const TIME_RULES = compileRules(TIME, MACROS);
export const EXISTING_APPOINTMENT_RULES = compileRules(EXISTING_APPOINTMENT, MACROS);
export const PAST_RULES = compileRules(PAST_OR_DURATION, MACROS);
