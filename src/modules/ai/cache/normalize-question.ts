/**
 * The form two questions must share to be "the same question": lower case, no accents, no punctuation or
 * symbols, single spaces. "Qual o VALOR da consulta?" and "qual o valor da consulta" hit the same entry.
 */
export function normalizeQuestion(question: string): string {
  return question
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
