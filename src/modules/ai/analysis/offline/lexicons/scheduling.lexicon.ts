import { compileRules, PhraseRule } from '../matching/phrase-pattern';
import { MACROS } from './macros';

/** A request to book: explicit verbs after a modal, availability questions, "deixar marcado". */
const BOOKING: PhraseRule[] = [
  { pattern: '{modal} ~4 {bookVerb}' },
  { pattern: '{bookVerb} ~2 {appointment}', weight: 0.9 },
  { pattern: '{bookVerb} ~2 para/com ~2 {professional}', weight: 0.9 },
  { pattern: 'deixar/deixa/deixo/fica/ficar ~1 marcado/marcada/agendado/agendada/reservado/reservada' },
  { pattern: 'tem/teria/ha/existe/tinha/tera/haveria/voces_tem ~3 horario/horarios/vaga/vagas/agenda/disponibilidade/encaixe/hora_livre', weight: 0.9, tag: 'availability' },
  { pattern: 'horario/horarios/vaga/vagas/data/datas ~1 disponivel/disponiveis/livre/livres/vago/vagos', weight: 0.9, tag: 'availability' },
  { pattern: 'qual/quais/quando ~3 horario/horarios/dia/dias/data/datas/vaga/vagas ~2 tem/teriam/disponivel/disponiveis/livre/livres/vago/voces_tem', weight: 0.9 },
  { pattern: 'qual/quando ~2 primeiro/proximo/primeira/proxima horario/vaga/data/dia', weight: 0.9 },
  { pattern: 'consegue/conseguiria/pode/poderia/podia/daria_para/da_para ~2 me ver/atender/encaixar/receber/examinar/avaliar', weight: 0.9 },
  { pattern: 'me encaixar/encaixa/encaixe' },
  { pattern: 'precisa/precisam/precisaria/precisariam de ~1 consulta/consultas/horario/vaga', weight: 0.85 },
  { pattern: 'me? indica/indique/sugere/sugira/passa/passe/manda/mande/informa/envia ~3 horario/horarios/vaga/vagas/datas/disponibilidade', weight: 0.9 },
  { pattern: 'quero/queria/vou/gostaria ~1 garantir/aproveitar/fechar/contratar', weight: 0.85 },
  { pattern: '{modal} ~2 ver/conseguir/arrumar/pegar/garantir ~1 horario/vaga/encaixe/data', weight: 0.9 },
  { pattern: '{modal} ~2 fazer/comecar/iniciar/realizar/tratar ~3 {appointment}/terapia/psicoterapia/tratamento/fisioterapia/acompanhamento/pilates/rpg/clareamento/botox/preenchimento/peeling/depilacao/laser/limpeza/exame/implante/aparelho/harmonizacao/microagulhamento/drenagem/bioestimulador', weight: 0.9 },
  { pattern: 'preciso/precisamos/precisava/precisando/quero/queria/gostaria de? ~1 consulta/atendimento/avaliacao/sessao/sessoes/fisioterapia/terapia/psicoterapia/acompanhamento/retorno/exame', weight: 0.85 },
  { pattern: '{modal} ~2 passar_com/passar_no/passar_na/ir_no/ir_na/ir_ao/ver_o/ver_a/ver_um/ver_uma/consultar_com/consultar ~1 {professional}', weight: 0.85 },
  { pattern: 'quero/queria/gostaria ~1 fazer $', weight: 0.6 },
];

/** A bare booking verb, no modal: "agendamento", "marcar limpeza". Weak, so a louder complaint can win. */
const BOOKING_WEAK: PhraseRule[] = [{ pattern: '{bookVerb}', weight: 0.55 }, { pattern: 'disponibilidade/disponivel', weight: 0.5 }];

/** Moving an existing visit. */
const RESCHEDULE: PhraseRule[] = [
  { pattern: 'remarcar*/remarca/remarque/remarcacao/reagend*/reprogram*' },
  { pattern: 'mudar/muda/mude/trocar/troca/troque/passar/passa/transferir/transfere/adiar/adia/adiantar/adianta/antecipar/alterar/altera/mover ~3 {appointment}/data/dia/dias', weight: 0.9 },
  { pattern: 'mudar/muda/trocar/troca/passar/passa/transferir/adiar/adiantar/antecipar ~1 para/pro/pra ~2 {timeWord}', weight: 0.9 },
  { pattern: '{bookVerb} ~2 outro_dia/outra_data/outro_horario/outra_hora/outra_semana/outro_mes', weight: 0.9 },
  { pattern: 'outro_dia/outra_data/outro_horario ?', weight: 0.6 },
];

/** Calling off a visit (or a whole treatment). */
const CANCEL: PhraseRule[] = [
  // Request forms only: "foi cancelada", "cancelaram" report what the clinic did (a complaint), not a request.
  { pattern: 'cancelar/cancela/cancele/cancelem/cancelo/cancelamos/cancelamento/cancelando/cancelaria/cancelasse/desmarcar/desmarca/desmarque/desmarquem/desmarco/desmarcando/desmarcaria/desmarcasse/desagendar/desagenda/desagende' },
  { pattern: 'nao ~1 vou/vamos/poderei/posso/consigo/conseguirei/vai/da ~2 ir/comparecer/estar_presente/aparecer', weight: 0.8 },
  { pattern: 'parar/interromper/encerrar/suspender/trancar/pausar ~2 terapia/tratamento/sessoes/acompanhamento/fisioterapia/consultas/psicoterapia/pilates', weight: 0.9 },
  { pattern: 'desist* ~3 {appointment}/tratamento/terapia', weight: 0.9 },
  { pattern: '{modal}/ter_que/tenho_que/vou_ter_que/vou_precisar ~1 faltar', weight: 0.85 },
];

/** Phrases that put a time next to a request to be seen: "pode ser dia 15?", "consigo amanhã?", "prefiro quarta". */
const BOOKING_CUES: PhraseRule[] = [
  { pattern: 'pode/podia/poderia/podemos/seria/sera ser?' },
  { pattern: 'consigo/conseguiria/consegue/conseguimos/da_para/dava_para/daria_para/tem_como/teria_como/tinha_como/tem/teria/ha/tera/existe/tinha' },
  { pattern: 'prefiro/preferencia/preferencialmente/prefere/preferimos/prefiria/livre/disponivel/disponibilidade/posso/podemos/pode/serve/servir' },
  { pattern: 'bom/melhor/otimo/ideal para? mim/nos' },
  { pattern: 'ir/passar/aparecer ai/la' },
  { pattern: '{bookVerb}/remarc*/reagend*/trocar/mudar/passar/transferir/adiar/comecar/iniciar/vaga/vagas/horario/horarios' },
];

/** Softer cues: a wish next to a time ("queria falar com ela hoje") gives a preferred time but not a booking. */
const WISH_CUES: PhraseRule[] = [{ pattern: '{modal}' }, { pattern: 'antes/ate' }, { pattern: 'tem_que/tenho_que/precisa/precisaria ser?' }];

export const BOOKING_RULES = compileRules(BOOKING, MACROS);
export const BOOKING_WEAK_RULES = compileRules(BOOKING_WEAK, MACROS);
export const RESCHEDULE_RULES = compileRules(RESCHEDULE, MACROS);
export const CANCEL_RULES = compileRules(CANCEL, MACROS);
export const BOOKING_CUE_RULES = compileRules(BOOKING_CUES, MACROS);
export const WISH_CUE_RULES = compileRules(WISH_CUES, MACROS);
