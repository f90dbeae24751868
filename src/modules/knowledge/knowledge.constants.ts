export enum KnowledgeCategory {
  Services = 'services',
  Prices = 'prices',
  Hours = 'hours',
  Location = 'location',
  Insurance = 'insurance',
  Preparation = 'preparation',
  Policies = 'policies',
  Faq = 'faq',
}

export const KNOWLEDGE_CATEGORIES: readonly KnowledgeCategory[] = Object.values(KnowledgeCategory);

/**
 * Words patients use for each category, indexed with every chunk of it at low weight: "quanto custa" finds
 * a price list that never says "custa", "vcs abrem" an opening-hours entry.
 */
export const CATEGORY_SEARCH_TERMS: Record<KnowledgeCategory, string> = {
  [KnowledgeCategory.Services]: 'serviços procedimentos tratamentos especialidades',
  [KnowledgeCategory.Prices]: 'preços valores quanto custa custo tabela',
  [KnowledgeCategory.Hours]: 'horários funcionamento abre abrem aberto fecha atendimento',
  [KnowledgeCategory.Location]: 'localização endereço onde fica como chegar',
  [KnowledgeCategory.Insurance]: 'convênios planos de saúde aceita aceitam',
  [KnowledgeCategory.Preparation]: 'preparo preparação orientações antes do procedimento',
  [KnowledgeCategory.Policies]: 'políticas regras normas',
  [KnowledgeCategory.Faq]: 'perguntas frequentes dúvidas',
};

/** Names an import may use for each category, compared without case or accents (`# Preços`, `Categoria: convênios`). */
export const CATEGORY_ALIASES: Record<KnowledgeCategory, readonly string[]> = {
  [KnowledgeCategory.Services]: ['services', 'servicos', 'servico', 'procedimentos', 'tratamentos'],
  [KnowledgeCategory.Prices]: ['prices', 'precos', 'preco', 'valores', 'tabela de precos'],
  [KnowledgeCategory.Hours]: ['hours', 'horarios', 'horario', 'horario de funcionamento', 'funcionamento'],
  [KnowledgeCategory.Location]: ['location', 'localizacao', 'endereco', 'como chegar'],
  [KnowledgeCategory.Insurance]: ['insurance', 'convenios', 'convenio', 'planos de saude'],
  [KnowledgeCategory.Preparation]: ['preparation', 'preparo', 'preparacao', 'preparos', 'orientacoes'],
  [KnowledgeCategory.Policies]: ['policies', 'politicas', 'politica', 'regras', 'normas'],
  [KnowledgeCategory.Faq]: ['faq', 'perguntas frequentes', 'duvidas', 'duvidas frequentes', 'perguntas'],
};

export const KNOWLEDGE_TITLE_MAX_LENGTH = 200;
export const KNOWLEDGE_CONTENT_MAX_LENGTH = 20_000;
export const KNOWLEDGE_TAGS_MAX = 20;
export const KNOWLEDGE_TAG_MAX_LENGTH = 40;

/** Bulk import limits: the body must stay under the server's default 1 MB JSON limit. */
export const KNOWLEDGE_IMPORT_MAX_BYTES = 512 * 1024;
export const KNOWLEDGE_IMPORT_MAX_ITEMS = 500;

export const SEARCH_DEFAULT_LIMIT = 5;
export const SEARCH_MAX_LIMIT = 20;
