/**
 * WhatsApp shorthand seen in clinics' inboxes, keyed by the folded token. A value may hold several words
 * ("pfv" → "por favor"); the tokenizer splits it so rules only ever see full words.
 */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['vc', 'voce'], ['vcs', 'voces'], ['ce', 'voce'], ['oce', 'voce'],
  ['q', 'que'], ['oq', 'o que'], ['pq', 'porque'], ['pqe', 'porque'], ['porq', 'porque'],
  ['tb', 'tambem'], ['tbm', 'tambem'], ['tmb', 'tambem'], ['tbem', 'tambem'],
  ['pfv', 'por favor'], ['pf', 'por favor'], ['pfvr', 'por favor'], ['pls', 'por favor'], ['plis', 'por favor'], ['porfa', 'por favor'],
  ['qro', 'quero'], ['qero', 'quero'], ['kero', 'quero'], ['qria', 'queria'], ['qeria', 'queria'], ['keria', 'queria'],
  ['hj', 'hoje'], ['hje', 'hoje'], ['hoj', 'hoje'], ['amnh', 'amanha'], ['amn', 'amanha'], ['amanh', 'amanha'], ['amnha', 'amanha'],
  ['msg', 'mensagem'], ['msgs', 'mensagens'], ['agd', 'agendar'], ['cnsulta', 'consulta'],
  ['dr', 'doutor'], ['dra', 'doutora'], ['td', 'tudo'], ['tdo', 'tudo'], ['tds', 'todos'], ['blz', 'beleza'],
  ['obg', 'obrigado'], ['obgd', 'obrigado'], ['obgda', 'obrigada'], ['brigado', 'obrigado'], ['brigada', 'obrigada'], ['vlw', 'valeu'],
  ['mt', 'muito'], ['mto', 'muito'], ['mta', 'muita'], ['mtos', 'muitos'], ['mtas', 'muitas'],
  ['ta', 'esta'], ['to', 'estou'], ['tou', 'estou'], ['tao', 'estao'], ['tava', 'estava'], ['tamo', 'estamos'],
  ['p', 'para'], ['pra', 'para'], ['pro', 'para o'], ['pros', 'para os'], ['pras', 'para as'], ['prum', 'para um'], ['pruma', 'para uma'],
  ['msm', 'mesmo'], ['qnto', 'quanto'], ['qnt', 'quanto'], ['qto', 'quanto'], ['qt', 'quanto'], ['qndo', 'quando'], ['qdo', 'quando'], ['qnd', 'quando'],
  ['n', 'nao'], ['naum', 'nao'], ['nd', 'nada'], ['ngm', 'ninguem'], ['algm', 'alguem'], ['vdd', 'verdade'], ['cmg', 'comigo'], ['ctz', 'certeza'],
  ['dps', 'depois'], ['dpois', 'depois'], ['sab', 'sabado'], ['seg', 'segunda'], ['qua', 'quarta'], ['qui', 'quinta'], ['sex', 'sexta'],
  ['aq', 'aqui'], ['neh', 'ne'], ['kd', 'cade'], ['mds', 'meu deus'], ['pelamor', 'pelo amor'], ['sla', 'sei la'], ['fds', 'fim de semana'],
  ['dnv', 'de novo'], ['agr', 'agora'], ['agra', 'agora'], ['zap', 'whatsapp'], ['wpp', 'whatsapp'], ['whats', 'whatsapp'], ['tel', 'telefone'],
  ['eh', 'e'], ['c', 'com'], ['k', 'kk'], ['gnt', 'gente'], ['intao', 'entao'], ['nois', 'nos'], ['cel', 'celular'], ['checkup', 'check up'],
  ['oie', 'oi'], ['oe', 'oi'], ['eai', 'e ai'], ['iai', 'e ai'], ['hr', 'hora'], ['hrs', 'horas'], ['min', 'minutos'], ['mins', 'minutos'],
  ['fisio', 'fisioterapia'], ['dermato', 'dermatologista'], ['oftalmo', 'oftalmologista'], ['psico', 'psicologa'], ['gineco', 'ginecologista'],
  ['orto', 'ortopedista'], ['nutri', 'nutricionista'], ['otorrino', 'otorrinolaringologista'], ['cardio', 'cardiologista'],
]);

/** "kkkk", "rsrs", "hahaha": laughter, which carries no request. Tested on the raw token, before folding. */
export const LAUGHTER = /^(?:k{2,}|(?:rs){1,}r?|(?:ha){2,}h?|(?:he){2,}|(?:hu?a){2,}|(?:ks){2,}k?)$/i;
