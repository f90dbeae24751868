import { killAllNow } from './children';
import { stopCurrentLoad } from './load';

/**
 * Runs a benchmark's `main` and exits with its code. Children die with the bench whatever happens
 * (Ctrl-C, SIGTERM, a thrown error), and `cleanUp` runs once on every way out.
 */
export function runBenchMain(main: () => Promise<number>, options: { cleanUp: () => Promise<void>; progress: (line: string) => void }): void {
  let signalled = false;
  process.on('exit', killAllNow);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      signalled = true;
      options.progress(`${signal}: stopping`);
      stopCurrentLoad();
      void options.cleanUp().finally(() => process.exit(code));
    });
  }
  main()
    .then(async (code) => {
      await options.cleanUp();
      process.exit(code);
    })
    .catch(async (error: unknown) => {
      // After Ctrl-C the children die with the bench (same process group); that is not a failure to report.
      if (!signalled) options.progress(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
      await options.cleanUp();
      process.exit(1);
    });
}
