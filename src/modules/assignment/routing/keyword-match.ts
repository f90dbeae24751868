/** Lower case, accents stripped, every run of non-alphanumerics one space: "Clareamento-Dental!" → "clareamento dental". */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface KeywordDepartment {
  id: string;
  name: string;
  keywords: string[];
}

/**
 * The department whose keyword best matches the detected procedure. A keyword matches when its words appear
 * as whole, consecutive words of the procedure ("canal" matches "tratamento de canal", not "canalete").
 * The longest matching keyword wins, being the most specific; a tie goes to the department name in order.
 */
export function matchDepartment<D extends KeywordDepartment>(procedure: string | null | undefined, departments: readonly D[]): D | null {
  if (!procedure) return null;
  const haystack = ` ${normalizeForMatch(procedure)} `;
  if (haystack.trim() === '') return null;
  let best: { department: D; length: number } | null = null;
  for (const department of departments) {
    for (const keyword of department.keywords) {
      const needle = normalizeForMatch(keyword);
      if (needle === '' || !haystack.includes(` ${needle} `)) continue;
      const better = !best || needle.length > best.length || (needle.length === best.length && department.name.localeCompare(best.department.name) < 0);
      if (better) best = { department, length: needle.length };
    }
  }
  return best?.department ?? null;
}
