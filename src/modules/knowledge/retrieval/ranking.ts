/** The usual constant of reciprocal rank fusion: damps the weight of the very first ranks. */
export const RRF_K = 60;

export interface Ranking {
  /** Ids, best first. */
  ids: readonly string[];
  /** How much this signal counts; 1 by default. */
  weight?: number;
}

/**
 * Weighted reciprocal rank fusion: each ranking gives an id `weight / (k + rank)`, summed across rankings.
 * Rankings with incomparable scores (text rank, trigram similarity, cosine) combine without calibration.
 */
export function fuseRankings(rankings: readonly Ranking[], k = RRF_K): Map<string, number> {
  const scores = new Map<string, number>();
  for (const { ids, weight = 1 } of rankings) {
    ids.forEach((id, index) => scores.set(id, (scores.get(id) ?? 0) + weight / (k + index + 1)));
  }
  return scores;
}

/** Cosine similarity, or null when the vectors cannot be compared (different sizes, a zero vector). */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number | null {
  if (a.length === 0 || a.length !== b.length) return null;
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i] * b[i];
    normA += a[i] * a[i];
    normB += b[i] * b[i];
  }
  const similarity = dot / Math.sqrt(normA * normB);
  return Number.isFinite(similarity) ? similarity : null;
}

/** Ids ordered by cosine similarity to `query`, best first; vectors that cannot be compared are left out. */
export function rankByCosine(query: readonly number[], candidates: readonly { id: string; embedding: readonly number[] }[], limit: number): string[] {
  return candidates
    .map((candidate) => ({ id: candidate.id, similarity: cosineSimilarity(query, candidate.embedding) }))
    .filter((entry): entry is { id: string; similarity: number } => entry.similarity !== null)
    .sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((entry) => entry.id);
}
