import { Macros } from '../matching/phrase-pattern';

/** Word classes the lexicons share, in canonical (folded, expanded) form. */
export const MACROS: Macros = {
  /** Wanting or being able to: the verbs that turn "marcar" into a request. "da" is only "dá" before "pra". */
  modal: [
    'quero', 'queria', 'queriamos', 'queremos', 'gostaria', 'gostariamos', 'gostava', 'preciso', 'precisava', 'precisaria', 'precisamos',
    'precisando', 'desejo', 'desejava', 'pretendo', 'posso', 'poderia', 'podemos', 'consigo', 'conseguiria', 'da_para', 'dava_para', 'daria_para',
    'tem_como', 'teria_como', 'tinha_como', 'vou', 'vamos', 'seria_possivel', 'sera_que', 'quer', 'bora', 'preciso_de', 'queria_ver_se',
  ],
  bookVerb: [
    'marcar', 'marca', 'marque', 'marcamos', 'marcando', 'marcacao', 'agendar', 'agenda', 'agende', 'agendamento', 'agendando', 'agendamos',
    'reservar', 'reserva', 'encaixar', 'encaixe', 'encaixa', 'marcasse', 'agendasse',
  ],
  /** Things one books, moves or cancels. */
  appointment: [
    'consulta', 'consultas', 'sessao', 'sessoes', 'horario', 'exame', 'exames', 'retorno', 'avaliacao', 'atendimento', 'agendamento', 'aula',
    'procedimento', 'limpeza', 'cirurgia', 'aplicacao', 'vacina', 'visita', 'encaixe', 'revisao', 'manutencao', 'check_up', 'checkup',
  ],
  professional: [
    'medico', 'medica', 'doutor', 'doutora', 'dentista', 'pediatra', 'dermatologista', 'oftalmologista', 'psicologa', 'psicologo', 'psiquiatra',
    'fisioterapeuta', 'clinico', 'clinico_geral', 'ortopedista', 'ginecologista', 'nutricionista', 'cardiologista', 'ortodontista',
    'endocrinologista', 'otorrinolaringologista', 'esteticista', 'biomedica', 'enfermeira', 'terapeuta', 'fono', 'fonoaudiologa', 'odontopediatra',
    'especialista', 'neurologista', 'urologista', 'oculista',
  ],
  /** Asking for someone: the staff words a person request names. */
  person: [
    'atendente', 'atendentes', 'humano', 'human', 'pessoa', 'pessoas', 'alguem', 'secretaria', 'recepcao', 'recepcionista', 'responsavel',
    'gente_de_verdade', 'equipe', 'gerente', 'dono', 'dona', 'ser_humano', 'operador', 'operadora', 'suporte', 'consultora', 'consultor',
  ],
  bot: ['robo', 'robos', 'bot', 'bots', 'maquina', 'assistente', 'assistente_virtual', 'inteligencia_artificial', 'chatbot', 'robozinho'],
  messages: [
    'mensagem', 'mensagens', 'lembrete', 'lembretes', 'promocao', 'promocoes', 'propaganda', 'propagandas', 'notificacao', 'notificacoes',
    'spam', 'novidade', 'novidades', 'disparo', 'disparos', 'campanha', 'campanhas', 'oferta', 'ofertas',
  ],
  sendVerb: ['mandar', 'enviar', 'mandando', 'enviando', 'manda', 'envia', 'mande', 'envie', 'mandem', 'enviem', 'receber', 'recebendo', 'incomodar', 'encher', 'chamar'],
  weekday: [
    'segunda', 'terca', 'quarta', 'quinta', 'sexta', 'sabado', 'domingo', 'segundas', 'tercas', 'quartas', 'quintas', 'sextas', 'sabados', 'domingos',
  ],
  month: ['janeiro', 'fevereiro', 'marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  dayPart: ['manha', 'tarde', 'noite', 'manhazinha', 'tardinha', 'noitinha'],
  /** Words that make a phrase a time (for rules that want "pra <when>"). */
  timeWord: [
    'hoje', 'amanha', 'agora', 'cedo', 'semana', 'mes', 'dia', 'outro_dia', 'outra_data', 'outro_horario', 'proxima', 'proximo', 'depois', 'manha',
    'tarde', 'noite', 'segunda', 'terca', 'quarta', 'quinta', 'sexta', 'sabado', 'domingo', '#', '#h', 'mesmo_horario', 'quanto_antes',
  ],
  bodyFace: ['olho', 'olhos', 'boca', 'labio', 'labios', 'lingua', 'garganta', 'rosto', 'cara', 'face', 'palpebra', 'palpebras', 'pescoco'],
  insurer: [
    'unimed', 'amil', 'bradesco', 'bradesco_saude', 'sulamerica', 'sul_america', 'hapvida', 'notredame', 'intermedica', 'cassi', 'golden_cross',
    'porto_seguro', 'prevent_senior', 'geap', 'careplus', 'odontoprev', 'uniodonto', 'metlife', 'allianz', 'convenio', 'convenios', 'plano',
    'planos', 'plano_de_saude', 'seguro_saude',
  ],
};
