import { compileRules, PhraseRule } from '../matching/phrase-pattern';
import { MACROS } from './macros';

/**
 * First-person introductions. Only these count: a child's, spouse's, doctor's or referrer's name is never
 * introduced with "meu nome é"/"sou a". Tags: 'bare' ("sou Bruna") needs a capital letter to tell a name from
 * a role ("sou paciente"); 'signature' closes a message ("Att, Ana").
 */
const NAME_CUES: PhraseRule[] = [
  { pattern: 'meu nome e/seria', tag: 'stated' },
  { pattern: 'me chamo/chamo_me', tag: 'stated' },
  { pattern: 'pode/podem me chamar de', tag: 'stated' },
  { pattern: 'aqui e/quem_fala_e/quem_fala/falando/fala_a/fala_o a/o', tag: 'stated' },
  { pattern: 'aqui e/quem_fala_e/quem_fala/falando', tag: 'bare' },
  { pattern: 'sou a/o', tag: 'stated' },
  { pattern: 'eu? sou', tag: 'bare' },
  { pattern: '^ e/eh a/o', tag: 'bare' },
  { pattern: 'att/at/atenciosamente/abs/abracos/ass/assinado/grata/grato/beijos/bjs', tag: 'signature' },
];

export const NAME_CUE_RULES = compileRules(NAME_CUES, MACROS);

/** Words that follow "sou"/"aqui é" without being a name. */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'paciente', 'cliente', 'nova', 'novo', 'eu', 'ela', 'ele', 'mae', 'pai', 'responsavel', 'esposa', 'marido', 'filha', 'filho', 'da', 'do', 'de',
  'representante', 'medica', 'medico', 'dentista', 'enfermeira', 'aluna', 'aluno', 'estudante', 'fisioterapeuta', 'psicologa', 'vendedor',
  'vendedora', 'gerente', 'dona', 'dono', 'secretaria', 'atendente', 'recepcionista', 'mesmo', 'mesma', 'muito', 'muita', 'bem', 'so', 'ja',
  'clinica', 'consultorio', 'empresa', 'loja', 'casa', 'vizinha', 'vizinho', 'amiga', 'amigo', 'tia', 'tio', 'avo', 'sogra', 'irma', 'irmao',
]);
