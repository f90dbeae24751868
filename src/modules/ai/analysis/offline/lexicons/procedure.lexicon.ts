import { compileRules, PhraseRule } from '../matching/phrase-pattern';
import { MACROS } from './macros';

/** Named services across the clinic types Robbot serves; a longer match wins over its head word. */
const SPECIFIC: PhraseRule[] = [
  { pattern: 'limpeza de_pele/dental/dos_dentes/de_dente?' },
  { pattern: 'clareamento dental/a_laser/caseiro/de_consultorio?' },
  { pattern: 'tratamento_de_canal/canal' },
  { pattern: 'botox/toxina_botulinica' },
  { pattern: 'preenchimento labial/facial/de_labio/de_olheira/de_olheiras/de_bigode_chines/de_mandibula?' },
  { pattern: 'bioestimulador de_colageno?' },
  { pattern: 'harmonizacao facial/orofacial? full_face?' },
  { pattern: 'peeling quimico/de_diamante/de_cristal?' },
  { pattern: 'microagulhamento/micropigmentacao/criolipolise/radiofrequencia/ultraformer/rinomodelacao/lipo/skincare/hidratacao_facial/fios_de_pdo' },
  { pattern: 'drenagem linfatica?' },
  { pattern: 'depilacao a_laser/com_cera/definitiva?' },
  { pattern: 'laser ~1 para/de ~1 cicatriz/cicatrizes/manchas/acne/melasma/vasinhos/rejuvenescimento de_acne?' },
  { pattern: 'aparelho/alinhador ortodontico/dental/invisivel/fixo/movel?' },
  { pattern: 'implante dentario/dental?' },
  { pattern: 'extracao de? siso?' },
  { pattern: 'siso/restauracao/obturacao/protese/faceta/facetas/lentes_de_contato_dental/gengivoplastia/raspagem/profilaxia/placa_de_bruxismo' },
  { pattern: 'exame_de_vista/exame_de_fundo_de_olho/fundo_de_olho/mapeamento_de_retina/tonometria/topografia/campimetria/teste_do_olhinho' },
  { pattern: 'cirurgia de ~1 miopia/catarata/refrativa/plastica/siso/pterigio a_laser?' },
  { pattern: 'exame_de_sangue/hemograma/eletrocardiograma/ultrassom/ultrassonografia/ecografia/teste_do_pezinho/preventivo/papanicolau/raio_x' },
  { pattern: 'check_up/checkup' },
  { pattern: 'fisioterapia pelvica/domiciliar/respiratoria/neurologica/ortopedica/esportiva/para_joelho/para_coluna?' },
  { pattern: 'rpg/pilates/acupuntura/osteopatia/quiropraxia/hidroterapia/liberacao_miofascial/ventosaterapia/massagem' },
  { pattern: 'aula ~1 experimental? de ~1 pilates/yoga/funcional' },
  { pattern: 'terapia de_casal/online/infantil/familiar/cognitivo_comportamental/em_grupo?' },
  { pattern: 'psicoterapia/tcc/psicanalise/avaliacao_psicologica/avaliacao_neuropsicologica/acompanhamento_psicologico' },
  { pattern: 'vacina/vacinas/vacinacao' },
  { pattern: 'tratamento ~1 de/para/pra ~1 melasma/acne/manchas/queda_de_cabelo/calvicie/rugas/estrias/celulite/flacidez/gengiva' },
];

/** Service words that need a complement to say much ("consulta de rotina", "avaliação pro aparelho"). */
const GENERIC: PhraseRule[] = [
  { pattern: 'consulta/consultas/avaliacao/sessao/sessoes/retorno/exame/exames/tratamento/aula/cirurgia/procedimento/acompanhamento/atendimento/pacote' },
];

/** Asking for a specialist names the visit: "tem pediatra hoje?" is a paediatric consultation. */
export const SPECIALIST_VISITS: ReadonlyMap<string, string> = new Map([
  ['dermatologista', 'consulta dermatológica'], ['pediatra', 'consulta pediátrica'], ['oftalmologista', 'consulta oftalmológica'],
  ['oculista', 'consulta oftalmológica'], ['clinico', 'consulta com clínico geral'], ['dentista', 'consulta odontológica'],
  ['psicologa', 'psicoterapia'], ['psicologo', 'psicoterapia'], ['psiquiatra', 'consulta psiquiátrica'], ['ginecologista', 'consulta ginecológica'],
  ['ortopedista', 'consulta ortopédica'], ['nutricionista', 'consulta com nutricionista'], ['cardiologista', 'consulta cardiológica'],
  ['fisioterapeuta', 'fisioterapia'], ['fisioterapia', 'fisioterapia'], ['ortodontista', 'avaliação ortodôntica'], ['odontopediatra', 'avaliação odontopediátrica'],
  ['psicologia', 'psicoterapia'], ['dermatologia', 'consulta dermatológica'], ['pediatria', 'consulta pediátrica'], ['oftalmologia', 'consulta oftalmológica'],
  ['endocrinologista', 'consulta endocrinológica'], ['otorrinolaringologista', 'consulta otorrinolaringológica'], ['neurologista', 'consulta neurológica'],
]);

export const SPECIFIC_PROCEDURE_RULES = compileRules(SPECIFIC, MACROS);
export const GENERIC_PROCEDURE_RULES = compileRules(GENERIC, MACROS);
