import { stemPt } from './pt-stemmer';

/**
 * Frequent Portuguese words (folded) that are never "typos" of a lexicon word: without this list "avisa" would
 * become "avista" (a price word) and "pagar" "parar" (an opt-out). Verbs are listed once; their conjugations are
 * protected through the stem (see `isCommonWord`). The list also tells a stated name ("sou a Bruna") from a role
 * ("sou paciente").
 */
const FUNCTION_WORDS = `
a o as os um uma uns umas de do da dos das no na nos nas em num numa ao aos para por pelo pela pelos pelas com sem sob sobre entre ate
e ou mas porem entao pois porque que se como quando onde quem qual quais quanto quanta quantos quantas ja ainda so apenas tambem
mais menos muito muita muitos muitas pouco pouca tudo todo toda todos todas nada nenhum nenhuma algum alguma alguns algumas outro outra
outros outras mesmo mesma esse essa isso este esta isto aquele aquela aquilo aqui ai ali la ca agora hoje ontem anteontem amanha sempre
nunca talvez sim nao ne tipo assim bem mal bom boa bons boas melhor pior grande pequeno pequena novo nova velho velha certo certa errado
eu tu ele ela nos voce voces eles elas me te lhe lhes comigo contigo conosco meu minha meus minhas teu tua seu sua seus suas dele dela
deles delas nosso nossa nossos nossas cada qualquer quaisquer varios varias proprio propria depois antes durante desde enquanto logo
enfim inclusive aliás alias sobretudo principalmente somente realmente tambem ainda quase demais bastante tanto tanta tantos tantas
`;

const VERBS = `
ser estar ter haver fazer ir vir poder querer saber dizer ver dar ficar passar levar chegar voltar achar deixar comecar usar tomar
trabalhar pensar gostar precisar mandar receber enviar chamar esperar entender responder resolver conseguir lembrar esquecer avisar
pagar comprar vender cobrar custar ganhar perder abrir fechar entrar sair subir descer andar correr parar continuar acabar terminar
ligar desligar falar conversar perguntar explicar contar mostrar olhar ouvir escutar sentir doer cuidar tratar curar ajudar atender
marcar agendar confirmar desmarcar cancelar remarcar mudar trocar escolher preferir decidir tentar buscar procurar encontrar achar
morar viver nascer crescer casar viajar estudar ler escrever mandar colocar tirar botar pegar trazer buscar comer beber dormir acordar
lavar limpar arrumar consertar quebrar cair bater cortar machucar queimar inchar sangrar tossir espirrar vomitar respirar engolir
aceitar recusar negar concordar gostar amar odiar adorar agradecer desculpar pedir emprestar devolver guardar mexer funcionar servir
parecer acontecer existir faltar sobrar caber valer aguentar sofrer melhorar piorar aumentar diminuir baixar subir demorar atrasar
adiantar adiar durar levantar sentar deitar mandar indicar recomendar encaminhar receitar examinar operar aplicar fazer renovar vencer
planejar organizar juntar economizar gastar investir parcelar transferir depositar reservar visitar aparecer sumir avisar informar
`;

const NOUNS = `
mae pai filho filha filhos filhas marido esposa esposo mulher homem irma irmao avo avos tia tio prima primo sogra sogro neto neta bebe
crianca criancas familia amiga amigo namorado namorada noivo noiva cunhada cunhado vizinha vizinho paciente pacientes cliente clientes
senhor senhora moca moco gente pessoal equipe dona seu doutor doutora professor professora representante responsavel
dia dias semana semanas mes meses ano anos hora horas minuto minutos vez vezes tempo manha tarde noite cedo madrugada
segunda terca quarta quinta sexta sabado domingo feira janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro
casa trabalho escola carro rua cidade bairro centro lugar endereco numero telefone celular email site instagram insta link foto fotos
sangue corpo cabeca braco perna pe mao olho olhos boca dente dentes pele rosto cabelo costas barriga peito garganta nariz ouvido unha
agua comida remedio remedios receita exame exames resultado resultados papel documento carteira cartao dinheiro valor conta contas
obrigado obrigada valeu beleza tranquilo otimo otima legal show perfeito top claro combinado desculpa desculpe licenca favor
coisa coisas parte partes jeito caso forma vida mundo problema problemas duvida pergunta resposta mensagem mensagens lista grupo
parada parado pagamento pagamentos pagina paginas passado passada marca marcas saida vista visita viagem festa aniversario casamento
mesa quina escada chao porta janela cama quarto sala banheiro cozinha loja mercado farmacia escritorio empresa servico servicos
comprovante boleto recibo nota notas pedido pedidos entrega frete produto produtos catalogo modelo tamanho cor cores preta branca
escola aula aulas curso faculdade prova provas ferias feriado natal carnaval pascoa viagem praia
`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(`${FUNCTION_WORDS} ${VERBS} ${NOUNS}`.split(/\s+/).filter(Boolean));
const COMMON_STEMS: ReadonlySet<string> = new Set([...COMMON_WORDS].filter((word) => word.length >= 5).map(stemPt));
const MIN_PROTECTED_STEM = 4;

/** A frequent word or an inflection of one ("avisa", "avisou" from "avisar"). */
export function isCommonWord(word: string): boolean {
  if (COMMON_WORDS.has(word)) return true;
  const stem = stemPt(word);
  return stem.length >= MIN_PROTECTED_STEM && COMMON_STEMS.has(stem);
}
