import { compileRules, PhraseRule } from '../matching/phrase-pattern';
import { MACROS } from './macros';

/** Cost questions. "quanto tempo" is duration, so "quanto" needs a cost verb right after it. */
const PRICE: PhraseRule[] = [
  { pattern: 'quanto/quantos custa/custam/custaria/sai/saem/sairia/fica/ficam/ficaria/e/esta/seria/cobra/cobram/cobrado/pago/pagaria/vale/da/deu/ta' },
  { pattern: 'quanto ~2 custa/custam/custaria/sai/saem/sairia/cobra/cobram/pagaria/pago' },
  { pattern: 'valor/valores/preco/precos/orcamento/orcamentos/custo/custos/tabela_de_precos/investimento/mensalidade/taxa' },
  { pattern: 'parcel*/desconto/descontos/promo/promocao/promocoes/promocional/a_vista/avista', weight: 0.9 },
  { pattern: 'aceita/aceitam/aceitaria/pode_ser/da_para_pagar/pagar/pagamento/pago/paga/passa/passam/forma/formas ~2 pix/cartao/boleto/credito/debito/parcelado/dinheiro/pagamento', weight: 0.9 },
  { pattern: 'caro/caros/barato/barata/baratinho/em_conta/salgado/acessivel/budget', weight: 0.6 },
  { pattern: 'reembolso/recibo/nota_fiscal', weight: 0.6 },
  { pattern: 'e/sera/sao/fica cobrado/cobrada/cobrados/cobradas/pago/paga/gratis/gratuito/gratuita ?' },
  { pattern: 'cobra/cobram/paga/pago ~2 a_parte/separado/extra/a_mais' },
];

/** Questions about the clinic or a service: offered? covered? how it works? where, when open? */
const INFO: PhraseRule[] = [
  { pattern: 'voces/voce/clinica/doutora/doutor/ai/la fazem/faz/atendem/atende/trabalham/trabalha/aceitam/aceita/realizam/realiza/oferecem/oferece/possuem/colocam/aplicam/tratam/cuidam' },
  { pattern: 'fazem/atendem/trabalham/aceitam/realizam/oferecem/possuem/colocam/aplicam/tratam ~4 ?' },
  { pattern: 'atende/atendem/aceita/aceitam/cobre/cobrem ~3 {insurer}/crianca/criancas/bebe/bebes/adulto/idoso/domicilio/casa/online/particular' },
  { pattern: '{insurer}', weight: 0.8 },
  { pattern: 'como funciona/funcionam/e_feito/e_feita/sao_feitas/e_o_procedimento/faz_para/faco_para' },
  { pattern: 'quanto_tempo/qual_a_duracao ~2 dura/demora/leva/leva_para/fica/sai/dura_o_efeito/de_recuperacao' },
  { pattern: 'doi/doe/dolorido/dolorosa/doloroso/incomoda ?' },
  { pattern: 'precisa/preciso/tem_que/tenho_que/devo ~3 jejum/preparo/levar/pedido/encaminhamento/receita/guia/autorizacao/documento' },
  { pattern: 'endereco/localizacao/onde_fica/onde_ficam/onde_e/como_chego/estacionamento/fica_onde' },
  { pattern: 'horario ~1 de? funcionamento/atendimento/abertura' },
  { pattern: 'que_horas/ate_que_horas ~2 abre/abrem/fecha/fecham/funciona/funcionam/atende/atendem' },
  { pattern: 'abre/abrem/funciona/funcionam/atende/atendem/abertos/aberto ~2 sabado/sabados/domingo/domingos/feriado/feriados/hoje/amanha ?' },
  { pattern: 'quem ~2 faz/aplica/atende/realiza/opera/e_o_medico/e_a_medica' },
  { pattern: 'e/sao medico/medica/esteticista/dentista/especialista/biomedica ?', weight: 0.7 },
  { pattern: 'serve/funciona/resolve/indicado/indicada ~1 para/pra/quem', weight: 0.8 },
  { pattern: 'ja ~1 pode ~1 fazer', weight: 0.8 },
  { pattern: 'duvida/duvidas/informacao/informacoes/saber_se/saber_como/queria_saber/gostaria_de_saber/gostaria_saber', weight: 0.6 },
  { pattern: 'tem/teria/existe ~2 pacote/pacotes/plano/planos ?', weight: 0.7 },
];

/** Dissatisfaction. "absurda"/"horrível" also describe pain, but urgency outranks complaints anyway. */
const COMPLAINT: PhraseRule[] = [
  { pattern: 'nao ~1 gostei/gostamos/curti/aprovei' },
  { pattern: 'pessim*/absurd*/ridicul*/vergonh*/descaso/desrespeit*/falta_de_respeito/palhacada/lamentavel/decepcion*/insatisfeit*/revoltad*/indignad*/inadmissivel/inaceitavel' },
  { pattern: 'grosso/grossa/grosseir*/mal_educado/mal_educada/estupid*/ignorante/arrogante/mal_atendido/mal_atendida/mal_tratado/mal_tratada/destratad*' },
  { pattern: 'esperei/esperando/espera/esperar ~2 # minutos/min/horas/hora/h/dias' },
  { pattern: 'esperei/esperamos ~1 # h/hora/horas/minutos' },
  { pattern: 'esperei #' },
  { pattern: 'esperei/esperando ~1 muito/demais/horas/uma_eternidade/horrores' },
  { pattern: 'so/apenas/ja # dias/horas/semanas ~1 para/pra/sem ~1 responder/atender/retornar/resposta' },
  { pattern: 'ninguem ~2 responde/atende/retorna/me_responde/resolve/respondeu/retornou' },
  { pattern: 'cobr* ~4 duas_vezes/2_vezes/2x/em_dobro/a_mais/errado/errada/indevid*/de_novo' },
  { pattern: 'estorno/estornar/devolucao/devolver_meu_dinheiro/meu_dinheiro_de_volta/ressarcimento' },
  { pattern: 'grau/receita/resultado/exame/laudo/conta/cobranca/valor/nota ~3 errad*' },
  { pattern: 'erraram/errou/erro_de/me_machucaram/estragaram/estragou' },
  { pattern: 'nunca tem ~1 horario/horarios/vaga/vagas/agenda' },
  { pattern: 'fica/ficou/esta ~1 dificil/complicado/complicada/impossivel', weight: 0.6 },
  { pattern: 'reclama*/reclamacao/ouvidoria/procon/reclame_aqui/processar' },
  { pattern: 'nem ~1 pediu/pediram/pede ~1 desculpa/desculpas' },
  { pattern: 'tratou/trataram/atendeu/atenderam/tratada/tratado/atendida/atendido ~2 mal' },
  { pattern: 'nunca mais volto/venho/piso/vou/indico' },
  { pattern: 'que demora/demorado/demorada/lentidao/enrolacao' },
  { pattern: 'nao ~1 me? mandaram/enviaram/entregaram/responderam/retornaram/ligaram/avisaram', weight: 0.8 },
  { pattern: 'cancelaram/cancelou/desmarcaram/desmarcou/remarcaram/remarcou/foi_cancelada/foi_cancelado/foi_desmarcada/foi_desmarcado', weight: 0.8 },
  { pattern: 'sem avisar/aviso' },
  { pattern: 'ninguem ~1 avisou/avisa/me_avisou/ligou/me_ligou' },
  { pattern: 'atrasou/atrasaram/atrasada/atrasado/atraso', weight: 0.6 },
  { pattern: 'nao ~2 resolveu/resolveram/adiantou/funcionou/melhorou/respondeu/responderam/retornou/retornaram', weight: 0.7 },
  { pattern: 'piorou/piorando/ficou_pior', weight: 0.6 },
  { pattern: 'que atendimento ~1 rapido/eficiente/otimo/bom hein/ne', weight: 0.8 },
  { pattern: 'pago ~2 para/pra isso ?' },
];

/** Not a patient at all: sellers, job seekers, wrong numbers, chain messages, spam. */
const OFF_TOPIC: PhraseRule[] = [
  { pattern: 'pizzaria/pizza/calabresa/delivery/lanchonete/restaurante/cardapio/marmita/hamburguer' },
  { pattern: 'representante/catalogo/fornecedor/parceria_comercial/revendedor/revenda/condicoes_especiais/proposta_comercial' },
  { pattern: 'curriculo/contratando/vaga_de_emprego/vagas_de_emprego/emprego/estagio/trabalhar_com_voces/processo_seletivo' },
  { pattern: 'ganhe/ganhar_dinheiro/renda_extra/clique/clicar/link_da_bio/bitcoin/pix_premiado/sorteio/repassem/repasse/repassar/corrente' },
  { pattern: 'numero_errado/engano/foi_engano/mensagem_errada/desculpa_foi_engano' },
];

/** Openers and small talk; a burst made only of these (and emoji) is a greeting. */
export const GREETING_WORDS: ReadonlySet<string> = new Set(
  `oi ola opa hello hi hey alo ei bom boa dia dias tarde tardes noite noites tudo bem beleza como vai vao esta estao estas voce voces e ai
   alguem por aqui kk gente amores amor moca querida querido pessoal doutor doutora ne entao certo tranquilo de boa novo nada demais`.split(/\s+/).filter(Boolean),
);

export const PRICE_RULES = compileRules(PRICE, MACROS);
export const INFO_RULES = compileRules(INFO, MACROS);
export const COMPLAINT_RULES = compileRules(COMPLAINT, MACROS);
export const OFF_TOPIC_RULES = compileRules(OFF_TOPIC, MACROS);
