/** Chunks aim for this many characters of body (plus the title), cut on paragraph, then line, then sentence boundaries. */
export const CHUNK_MAX_CHARS = 800;
/** A shorter tail is folded into the previous chunk when the two still fit in `CHUNK_TAIL_MAX_CHARS`. */
export const CHUNK_MIN_CHARS = 200;
const CHUNK_TAIL_MAX_CHARS = 1000;
/** Long titles must not starve the body. */
const MIN_BODY_BUDGET = 400;

export interface ChunkText {
  ordinal: number;
  /** What is stored and shown: the title, a blank line, then the body slice. */
  content: string;
  body: string;
}

function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?…;:])\s+/u).filter((piece) => piece.length > 0);
}

function splitWords(text: string, budget: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/u)) {
    // A single "word" longer than the budget (a URL, a pasted table) is cut where it must be.
    for (let start = 0; start < word.length; start += budget) {
      const part = word.slice(start, start + budget);
      if (current.length > 0 && current.length + 1 + part.length > budget) {
        pieces.push(current);
        current = part;
      } else {
        current = current.length > 0 ? `${current} ${part}` : part;
      }
    }
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

/** Pieces no longer than `budget`, each as large a unit as fits: paragraph, line, sentence, words. */
function atoms(text: string, budget: number): { text: string; separator: string }[] {
  const result: { text: string; separator: string }[] = [];
  const levels: [RegExp, string][] = [
    [/\n\s*\n/u, '\n\n'],
    [/\n/u, '\n'],
  ];
  const visit = (piece: string, level: number, separator: string): void => {
    const trimmed = piece.trim();
    if (trimmed.length === 0) return;
    if (trimmed.length <= budget) {
      result.push({ text: trimmed, separator });
      return;
    }
    if (level < levels.length) {
      const [pattern, joiner] = levels[level];
      trimmed.split(pattern).forEach((part, index) => visit(part, level + 1, index === 0 ? separator : joiner));
      return;
    }
    const sentences = splitSentences(trimmed);
    const parts = sentences.length > 1 ? sentences : splitWords(trimmed, budget);
    parts.forEach((part, index) => {
      if (part.length <= budget) result.push({ text: part, separator: index === 0 ? separator : ' ' });
      else splitWords(part, budget).forEach((word, wordIndex) => result.push({ text: word, separator: index === 0 && wordIndex === 0 ? separator : ' ' }));
    });
  };
  visit(text, 0, '\n\n');
  return result;
}

/** Greedy packing of atoms into bodies up to `budget`, keeping the separator that stood between them. */
function pack(pieces: { text: string; separator: string }[], budget: number): string[] {
  const bodies: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current.length === 0) current = piece.text;
    else if (current.length + piece.separator.length + piece.text.length <= budget) current += piece.separator + piece.text;
    else {
      bodies.push(current);
      current = piece.text;
    }
  }
  if (current.length > 0) bodies.push(current);
  const last = bodies.length - 1;
  if (last > 0 && bodies[last].length < CHUNK_MIN_CHARS && bodies[last - 1].length + 2 + bodies[last].length <= CHUNK_TAIL_MAX_CHARS) {
    bodies.splice(last - 1, 2, `${bodies[last - 1]}\n\n${bodies[last]}`);
  }
  return bodies;
}

/**
 * Splits an item into retrievable chunks, each starting with the item's title so a chunk read alone (by the
 * search or by the model) still says what it is about. Content is never dropped: every character of the body
 * except collapsed whitespace lands in exactly one chunk, in order.
 */
export function chunkItem(title: string, content: string): ChunkText[] {
  const budget = Math.max(MIN_BODY_BUDGET, CHUNK_MAX_CHARS - title.length - 2);
  const normalised = content.replace(/\r\n?/g, '\n').trim();
  const bodies = normalised.length === 0 ? [''] : pack(atoms(normalised, budget), budget);
  return bodies.map((body, ordinal) => ({ ordinal, body, content: body.length > 0 ? `${title}\n\n${body}` : title }));
}
