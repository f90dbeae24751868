/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions), abandoned as soon as
 * every cell of a row exceeds `max`: typo tolerance only ever asks "is it within 1 or 2?", so the early exit
 * keeps a lexicon scan cheap.
 */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return false;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length] <= max;
}

/** The distance the analyser tolerates for a word of this length: none below 5 letters, 1 up to 7, 2 from 8. */
export function typoBudget(length: number): number {
  if (length >= 8) return 2;
  return length >= 5 ? 1 : 0;
}
