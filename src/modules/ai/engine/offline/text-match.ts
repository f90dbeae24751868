/** Lowercase, accent-free, punctuation-free text, so "Preço?" and "preco" compare equal. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/r\$/g, ' r$ ')
    .replace(/[^a-z0-9$\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function tokens(text: string): string[] {
  return normalise(text)
    .split(' ')
    .filter((t) => t.length >= 2 || /\d/.test(t));
}

/** Words that say nothing about which snippet answers the question. */
const STOPWORDS = new Set(
  (
    'a o as os um uma uns umas de da do das dos e em no na nos nas num numa para pra pro pros por pelo pela com sem ' +
    'que qual quais quem como quando onde ai la aqui isso isto esse essa este esta eu me mim meu minha meus minhas ' +
    'voce voces vc vcs ce tu te seu sua seus suas ele ela eles elas nos gente se ja so mais muito pouco bem tambem tb ' +
    'tbm ou mas nao sim ser sao era foi estao estou tem tenho ter tinha ha vai vou pode podem poderia posso gostaria ' +
    'queria quero quer saber fazer faz favor pf pfv por obrigado obrigada oi ola bom boa dia tarde noite tudo ' +
    'ta to sobre algum alguma alguem outro outra vez agora hoje amanha informacao informacoes duvida'
  ).split(' '),
);

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/**
 * Forgiving word match for Portuguese inflection without a stemmer: "limpeza" ~ "limpezas", "clarear" ~
 * "clareamento". Short words must match exactly, or "pe" would match "peeling".
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  let prefix = 0;
  while (prefix < shorter && a[prefix] === b[prefix]) prefix += 1;
  return prefix >= Math.max(4, shorter - 2);
}

/** How many of `terms` appear in `haystack` tokens. */
export function countMatches(terms: readonly string[], haystack: readonly string[]): number {
  return terms.filter((term) => haystack.some((word) => sameWord(term, word))).length;
}
