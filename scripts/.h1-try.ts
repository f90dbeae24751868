import { OfflineAnalyser } from 'src/modules/ai/analysis/offline/offline-analyser';
import { readFileSync } from 'node:fs';
const a = new OfflineAnalyser();
const cases = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { m: string[]; e: Record<string, unknown> }[];
let bad = 0;
for (const c of cases) {
  const r = a.analyse({ burst: c.m }) as unknown as Record<string, unknown>;
  const diffs = Object.entries(c.e).filter(([k, v]) => JSON.stringify(r[k]) !== JSON.stringify(v));
  if (diffs.length) {
    bad++;
    console.log(`✗ ${c.m.join(' || ')}\n    ${diffs.map(([k, v]) => `${k}: want ${JSON.stringify(v)} got ${JSON.stringify(r[k])}`).join('; ')}`);
  }
}
console.log(`${cases.length - bad}/${cases.length} ok`);
