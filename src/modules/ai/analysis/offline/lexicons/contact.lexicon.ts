import { compileRules, PhraseRule } from '../matching/phrase-pattern';
import { MACROS } from './macros';

/** Asking for a person instead of the bot. "oi doutor" (a form of address) is deliberately absent. */
const HUMAN: PhraseRule[] = [
  { pattern: '^ quero/queria? atendente/atendentes/humano/human/pessoa/secretaria/recepcao/atendimento_humano/falar_com_atendente/falar_com_alguem $' },
  { pattern: 'falar/conversar/falo/converso/conversando ~3 {person}/{professional}' },
  { pattern: 'falar/conversar/falo/converso com gente/pessoas' },
  { pattern: 'passa/passar/passe/transfere/transferir/transfira/transferencia/encaminha/encaminhar/encaminhe/chama/chamar/chame/redireciona ~3 {person}' },
  { pattern: 'quero/queria/preciso/gostaria/pode/podia/poderia/tem/ha/existe/cade ~2 atendente/atendentes/humano/human/pessoa_de_verdade/pessoa_real/ser_humano/atendimento_humano/alguem_de_verdade/secretaria/recepcionista/operador/operadora' },
  { pattern: 'tem/ha/existe ~1 algum/alguma? humano/human/pessoa/atendente/alguem_de_verdade ai/aqui/la/atendendo/online' },
  { pattern: 'nao ~5 {bot}' },
  { pattern: '{bot}/sistema ~2 nao ~1 entende/entendeu/ajuda/ajudou/resolve/resolveu/sabe/funciona/responde' },
  { pattern: 'atendido/atendida/atendimento/atender ~2 por/com ~1 {person}' },
  { pattern: 'alguem ~1 vivo/viva/acordado/acordada/respondendo/trabalhando ?' },
  { pattern: 'chega/cansei/cansada/cansado/odeio/detesto de? ~2 {bot}' },
  { pattern: 'atendimento/resposta ~1 humano/humana/de_verdade/real/pessoal' },
  { pattern: 'alguem/pessoa ~4 de_verdade/real' },
  { pattern: 'alguem/pessoa ~2 equipe/clinica/recepcao/verdade ~3 responder/responda/atender/atenda/falar/ligar/ligue/retornar' },
  { pattern: 'pode/podia/poderia/podem/consegue ~2 me? ligar/liga/ligue/telefonar/retornar_a_ligacao/retornar_a_ligacao' },
  { pattern: 'me liga/liguem/ligue/ligar/telefona' },
  { pattern: 'quero/queria/preciso ~2 ligacao/telefonema' },
];

/** "tem alguém aí?": a person request only after frustration; as an opener it is a greeting. */
const ANYONE_THERE: PhraseRule[] = [{ pattern: 'tem? alguem ai/aqui/la/atendendo/online/ai_atendendo ?' }, { pattern: '^ alguem ?' }];
const FRUSTRATION: PhraseRule[] = [
  { pattern: 'ja faz/tem ~3 que ~1 mandei/mandei_mensagem/enviei/falei/chamei/estou_esperando' },
  { pattern: 'faz/ha # minutos/hora/horas/dias' },
  { pattern: 'serio isso?' },
  { pattern: 'ninguem ~1 responde/atende/retorna/responder/atender/me_responde/aparece/respondeu' },
  { pattern: 'cade/alo/ninguem/socorro/aff/affe/pqp/demora/demorando' },
  { pattern: 'esperando ~2 resposta/retorno/alguem' },
  { pattern: 'responde/responda/respondam/atende/atendam ai/logo/por_favor/pelo_amor' },
];

/** Stop messaging me. Recall matters more than anything else here: the law and the patient's trust. */
const OPT_OUT: PhraseRule[] = [
  { pattern: '^ parar/pare/para/parem/stop/sair/descadastrar/remover/unsubscribe/chega/basta/cancelar_inscricao/cancelar_mensagens/nao_quero_mais $' },
  // "para" is also the canonical "pra", so the verb only counts with the "de"/"com" that follows a stop.
  { pattern: 'para/parar/pare/parem/paro/pode_parar/podem_parar/deixa/deixe/deixem/deixar/chega/basta de ~2 {sendVerb}/{messages}' },
  { pattern: 'pare/parem/parar/chega/basta ~1 essas/esses/as/os/de? {messages}' },
  { pattern: 'para/parem com ~1 essas/esses/as/os {messages}' },
  { pattern: 'para/parem com isso $' },
  { pattern: 'nao/nem ~2 quero/desejo/gostaria/preciso/aguento/quer ~2 receber/recebe/ser_contatado/ser_contatada/ser_incomodado/ser_incomodada/{messages}' },
  { pattern: 'nao/nem ~1 precisa/precisam/precisa_mais/precisam_mais/e_necessario ~2 {sendVerb}/{messages}' },
  { pattern: 'nao/nem ~2 me? mande/manda/mandem/envie/enviem/mandar/enviar/mandam/enviam ~2 mais' },
  { pattern: 'nao/nem ~2 me? mande/manda/mandem/envie/enviem/mandar/enviar ~3 {messages}' },
  { pattern: 'tira/tire/tirem/tirar/retira/retire/retirem/retirar/remove/remova/removam/remover/exclui/exclua/excluam/excluir/apaga/apague/apagar/deleta/delete/deletar/descadastra/descadastre ~4 lista/listas/contatos/contato/cadastro/grupo/numero/base/disparo/disparos/transmissao/mailing' },
  { pattern: 'descadastr*/desinscrev*/desinscre*/unsubscrib*/optout/opt_out' },
  { pattern: 'sair/saia/saio ~2 lista/grupo/cadastro/transmissao/disparo/disparos/mailing' },
  { pattern: 'quero/queria/gostaria/desejo de? sair $' },
  { pattern: 'cancel* ~2 {messages}/inscricao/assinatura/envio/envios/cadastro' },
  { pattern: 'nao/nem ~1 tenho ~1 mais? interesse $' },
  { pattern: 'nao/nem ~1 tenho ~1 interesse ~2 {messages}/receber/contato' },
  { pattern: 'vou/irei ~1 bloquear/denunciar' },
  { pattern: 'bloquear/bloqueia/bloqueio/bloqueado ~2 numero/voces/contato/esse_numero' },
];

/** Asking to receive automated messages again. */
const OPT_IN: PhraseRule[] = [
  { pattern: '^ voltar/volta/reativar/ativar/retornar/start $' },
  { pattern: 'voltar/volta/volte/voltem/quero_voltar ~1 a ~1 receber/mandar/enviar' },
  { pattern: 'reativ*/reinscrev*/recadastr*' },
  { pattern: 'quero/queria/pode/podem ~2 receber/mandar/enviar ~3 {messages}? de_novo/novamente' },
  { pattern: 'pode/podem ~1 voltar ~1 a? mandar/enviar' },
];

export const HUMAN_RULES = compileRules(HUMAN, MACROS);
export const ANYONE_THERE_RULES = compileRules(ANYONE_THERE, MACROS);
export const FRUSTRATION_RULES = compileRules(FRUSTRATION, MACROS);
export const OPT_OUT_RULES = compileRules(OPT_OUT, MACROS);
export const OPT_IN_RULES = compileRules(OPT_IN, MACROS);
