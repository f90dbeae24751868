import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseConfig } from 'src/config/database.config';
import { buildTypeOrmOptions } from 'src/database/typeorm.options';
import { KnowledgeSearchService } from 'src/modules/knowledge/retrieval/knowledge-search.service';
import { seedDemo } from './seed-demo';
async function main() {
  const ds = await new DataSource({ ...buildTypeOrmOptions({ ...databaseConfig(), name: 'kn_scratch_h2' }), logging: ['error'] }).initialize();
  await ds.runMigrations({ transaction: 'each' });
  await seedDemo(ds);
  const v1 = await ds.query(`SELECT organization_id, knowledge_version FROM clinic_profiles`);
  await seedDemo(ds);
  const v2 = await ds.query(`SELECT organization_id, knowledge_version FROM clinic_profiles`);
  console.log('versions', v1, v2, await ds.query(`SELECT count(*) FROM knowledge_items`), await ds.query(`SELECT count(*) FROM knowledge_chunks`));
  const org = v2[0].organization_id;
  const search = new KnowledgeSearchService(ds);
  for (const q of ['do you accept Unimed?', 'quanto custa a limpeza', 'qual o endereço', 'vcs abrem sabado', 'tem estacionamento?', 'posso parcelar?', 'preciso de jejum pra arrancar o dente?', 'quanto é o botox', 'aceita pix', 'limpesa', 'oi']) {
    const r = await search.search(org, q, { limit: 3 });
    console.log(q, '=>', r.map((c) => `${c.title} (${c.score.toFixed(4)})`).join(' | '));
  }
  await ds.destroy();
}
main().catch((e) => { console.error(e); process.exit(1); });
