/**
 * Text helpers for what the bot sends over WhatsApp, which renders *bold*, _italic_, ~strike~ and lists itself but
 * shows Markdown headings, double asterisks, links and tables as raw characters.
 */

/** A period after these does not end a sentence ("Dr. Paulo", "Av. Paulista", "nº. 12"). */
const ABBREVIATIONS = new Set([
  'dr', 'dra', 'drs', 'sr', 'sra', 'srta', 'prof', 'profa', 'av', 'r', 'n', 'nº', 'no', 'tel', 'obs', 'ex', 'etc',
  'aprox', 'min', 'máx', 'max', 'pág', 'sto', 'sta', 'ltda', 'cia', 'dept', 'depto', 'apto', 'ap', 'km', 'h',
]);

export function toWhatsappText(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^```[^\n]*\n?/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, label: string, url: string) =>
      label.trim() === url ? url : `${label} (${url})`,
    )
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm, '*$1*')
    .replace(/\*\*\*(.+?)\*\*\*/g, '*_$1_*')
    .replace(/\*\*(.+?)\*\*/g, '*$1*')
    .replace(/__(.+?)__/g, '_$1_')
    .replace(/~~(.+?)~~/g, '~$1~')
    .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, '')
    .replace(/^([ \t]*)[*+][ \t]+/gm, '$1- ')
    .replace(/^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/gm, '')
    .replace(/^[ \t]*\|(.+)\|[ \t]*$/gm, (_m, cells: string) => cells.split('|').map((c) => c.trim()).join(' - '))
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Splits on sentence ends, keeping each sentence's punctuation and never breaking after an abbreviation. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const boundary = /([.!?…]+)["')\]]*\s+/g;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    const next = text.charAt(end);
    const lastWord = text.slice(start, m.index).split(/\s+/).pop()?.toLowerCase() ?? '';
    const abbreviation = m[1] === '.' && ABBREVIATIONS.has(lastWord);
    const continues = next !== '' && next === next.toLowerCase() && next !== next.toUpperCase();
    if (abbreviation || continues) continue;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter(Boolean);
}

/**
 * Keeps the answer within `maxChars`, preferring to drop whole sentences; a single over-long sentence is cut at a
 * word boundary with an ellipsis, never mid-word.
 */
export function capLength(text: string, maxChars: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= maxChars) return trimmed;
  let kept = '';
  for (const paragraph of trimmed.split(/\n\s*\n/)) {
    for (const [i, sentence] of splitSentences(paragraph).entries()) {
      const separator = kept === '' ? '' : i === 0 ? '\n\n' : ' ';
      if ((kept + separator + sentence).length > maxChars) return kept || cutAtWord(sentence, maxChars);
      kept += separator + sentence;
    }
  }
  return kept;
}

export function cutAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const slice = text.slice(0, Math.max(1, maxChars - 1));
  const lastSpace = slice.search(/\s\S*$/);
  const head = (lastSpace > 0 ? slice.slice(0, lastSpace) : slice).replace(/[\s,;:–-]+$/, '');
  return `${head}…`;
}
