/**
 * A light RSLP-style stemmer: plural, feminine, augmentative/diminutive, adverb, noun and verb suffixes are
 * stripped in that order, each step only when the remaining stem keeps a minimum length, so short words
 * ("dor", "sair") are left alone. Enough to relate "agendar"/"agendamento"/"agendei" and to compare a typo
 * with a lexicon word by their stems; not a linguistic analyser.
 */
type Step = readonly (readonly [suffix: string, minStem: number, replacement?: string])[];

const PLURAL: Step = [['oes', 3, 'ao'], ['aes', 3, 'ao'], ['ais', 2, 'al'], ['eis', 2, 'el'], ['ns', 1, 'm'], ['res', 3, 'r'], ['is', 2, 'il'], ['s', 2]];
const FEMININE: Step = [['ona', 3, 'ao'], ['ora', 3, 'or'], ['eira', 3, 'eiro'], ['osa', 3, 'oso'], ['ica', 3, 'ico'], ['ada', 2, 'ado'], ['ida', 3, 'ido'], ['iva', 3, 'ivo'], ['ana', 3, 'ano'], ['a', 3, 'o']];
const DEGREE: Step = [['issimo', 3], ['zinho', 2], ['inho', 3], ['ao', 3], ['ona', 3]];
const ADVERB: Step = [['mente', 4]];
const NOUN: Step = [
  ['amento', 3], ['imento', 3], ['mento', 4], ['acao', 3], ['icao', 3], ['cao', 3], ['idade', 4], ['agem', 3], ['ista', 4],
  ['avel', 2], ['ivel', 3], ['ismo', 3], ['ico', 3], ['oso', 3], ['ado', 2], ['ido', 3], ['ivo', 3], ['eiro', 3], ['or', 2],
];
const VERB: Step = [
  ['ariamos', 2], ['ariam', 2], ['aremos', 2], ['aria', 2], ['ando', 2], ['endo', 3], ['indo', 3], ['aram', 2], ['eram', 3],
  ['iram', 3], ['avam', 2], ['amos', 2], ['emos', 2], ['imos', 3], ['aste', 2], ['ava', 2], ['ado', 2], ['ido', 3], ['ar', 2],
  ['essem', 3], ['asse', 2], ['esse', 3], ['isse', 3], ['iam', 3], ['er', 2], ['ir', 3], ['ou', 3], ['eu', 3], ['iu', 3], ['ei', 3],
  ['am', 2], ['em', 2], ['ia', 3], ['a', 3], ['e', 3], ['o', 3],
];

function applyStep(word: string, step: Step): string | null {
  for (const [suffix, minStem, replacement] of step) {
    if (word.endsWith(suffix) && word.length - suffix.length >= minStem) return word.slice(0, word.length - suffix.length) + (replacement ?? '');
  }
  return null;
}

export function stemPt(word: string): string {
  if (word.length < 4) return word;
  let stem = applyStep(word, PLURAL) ?? word;
  stem = applyStep(stem, FEMININE) ?? stem;
  stem = applyStep(stem, DEGREE) ?? stem;
  const adverb = applyStep(stem, ADVERB);
  if (adverb) return adverb;
  const noun = applyStep(stem, NOUN);
  if (noun) return noun;
  return applyStep(stem, VERB) ?? stem;
}
