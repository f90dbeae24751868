import { splitSentences } from './whatsapp-text';

export interface BalloonOptions {
  /** At most this many WhatsApp messages; patients read a wall of balloons as spam. */
  maxBalloons?: number;
  /** Target length of one balloon; exceeded only when the text cannot fit in `maxBalloons` otherwise. */
  softLimit?: number;
}

interface Piece {
  text: string;
  /** How this piece joins the one before it in the same balloon. */
  separator: string;
}

/**
 * Splits a long answer into at most `maxBalloons` messages on paragraph, then line, then sentence, then word
 * boundaries. Never returns an empty balloon and never cuts a word.
 */
export function splitIntoBalloons(text: string, options: BalloonOptions = {}): string[] {
  const maxBalloons = Math.max(1, options.maxBalloons ?? 3);
  const softLimit = Math.max(1, options.softLimit ?? 300);
  const clean = text.trim();
  if (!clean) return [];
  if (clean.length <= softLimit || maxBalloons === 1) return [clean];
  let limit = Math.max(softLimit, Math.ceil(clean.length / maxBalloons));
  for (;;) {
    const balloons = pack(pieces(clean, limit), limit);
    if (balloons.length <= maxBalloons) return balloons;
    // Greedy packing wastes some room per balloon; loosen the limit until the pieces fit.
    limit = Math.ceil(limit * 1.1);
  }
}

function pieces(text: string, limit: number): Piece[] {
  const out: Piece[] = [];
  for (const paragraph of text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)) {
    const first = out.length;
    if (paragraph.length <= limit) out.push({ text: paragraph, separator: ' ' });
    else for (const line of paragraph.split('\n').map((l) => l.trim()).filter(Boolean)) pushLine(out, line, limit);
    if (first > 0) out[first].separator = '\n\n';
  }
  return out;
}

function pushLine(out: Piece[], line: string, limit: number): void {
  const first = out.length;
  if (line.length <= limit) out.push({ text: line, separator: ' ' });
  else
    for (const sentence of splitSentences(line)) {
      if (sentence.length <= limit) out.push({ text: sentence, separator: ' ' });
      else for (const chunk of wordChunks(sentence, limit)) out.push({ text: chunk, separator: ' ' });
    }
  if (out.length > first) out[first].separator = '\n';
}

function wordChunks(sentence: string, limit: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const word of sentence.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > limit) {
      chunks.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) chunks.push(current);
  return chunks;
}

function pack(all: Piece[], limit: number): string[] {
  const balloons: string[] = [];
  let current = '';
  for (const piece of all) {
    const joined = current ? `${current}${piece.separator}${piece.text}` : piece.text;
    if (current && joined.length > limit) {
      balloons.push(current);
      current = piece.text;
    } else current = joined;
  }
  if (current) balloons.push(current);
  return balloons.map((b) => b.trim()).filter(Boolean);
}
