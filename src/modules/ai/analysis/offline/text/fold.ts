/**
 * Folds a word the way WhatsApp typists vary it: case, accents ("você"/"voce") and stretched letters
 * ("oiiii", "urgenteee", "diaaa"). Portuguese legitimately doubles c, e, o, r and s ("infeccionado", "leem",
 * "voo", "carro", "passar"), so only those survive as pairs; any run of three collapses to one letter.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const TRIPLED = /([a-z])\1{2,}/g;
const DOUBLED_UNUSUAL = /([abdfghijklmnpqtuvwxyz])\1/g;

export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '');
}

export function foldWord(word: string): string {
  return stripAccents(word.toLowerCase()).replace(TRIPLED, '$1').replace(DOUBLED_UNUSUAL, '$1');
}
