/**
 * A private build of the app for `npm run bench:ingest`: every non-spec `.ts` file of `src/` and `migrations/`
 * transpiled by swc (the transform the test suite uses: legacy decorators with metadata, ES2022, CommonJS)
 * into `bench/.build/ingest-app/`. No type check, so the bench measures the sources as they are even while
 * someone else's change does not type-check yet, and `dist/` (which other scripts rebuild and delete) is never
 * touched. `src/…` imports are resolved through NODE_PATH pointing at the output directory.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { transformFile, Options } from '@swc/core';

const SWC_OPTIONS: Options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: false,
  swcrc: false,
};

function sources(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sources(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

/** Transpiles the app into `outDir` (emptied first); returns the number of files. */
export async function buildIngestApp(root: string, outDir: string): Promise<number> {
  rmSync(outDir, { recursive: true, force: true });
  const files = [...sources(join(root, 'src')), ...sources(join(root, 'migrations'))];
  const queue = [...files];
  const worker = async (): Promise<void> => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const { code } = await transformFile(file, { ...SWC_OPTIONS, filename: file });
      const target = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, code);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return files.length;
}
