/**
 * `npm test`, what CI runs: type-check, lint and build the app while the unit tests run, then the e2e tests on that
 * build. The checks and the build are one core's work each (tsc ~30 s of CPU, the build's brotli ~16 s) and the unit
 * run leaves a core idle at its end, while the unit tests keep both cores busy: one after the other, a core idled
 * for a minute or more on CI's two. Nothing is skipped: any step failing fails the whole, and the e2e tests run only
 * when everything before them passed. The checks' output is printed as one block when they end, so it does not
 * interleave with the unit tests' report.
 */
import { spawn } from 'node:child_process';

interface Step {
  name: string;
  command: string;
  args: string[];
}

const npx = (name: string, ...args: string[]): Step => ({ name, command: 'npx', args });

/** The same commands as package.json's typecheck, lint, test:unit and test:e2e (which builds first). */
const CHECKS = [
  npx('typecheck', 'tsc', '--noEmit', '-p', 'tsconfig.json'),
  npx('lint', 'biome', 'check', '.'),
  npx('build', 'vite', 'build'),
];
const UNIT = npx('unit tests', 'vitest', 'run');
const E2E = npx('e2e tests', 'vitest', 'run', '--config', 'vitest.e2e.config.ts');

/** The tests' dates and times are Dutch, whatever the machine's zone. */
const env = { ...process.env, TZ: 'Europe/Amsterdam' };

/** Runs a step; `buffer` keeps its output and hands it back instead of passing it through. */
function run(step: Step, buffer: boolean): Promise<{ ok: boolean; output: string }> {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { env, stdio: buffer ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    const done = (ok: boolean, why: string) => {
      const seconds = Math.round((performance.now() - start) / 1000);
      resolve({ ok, output: `${output}test: '${step.name}' ${why} after ${seconds} s\n` });
    };
    child.on('error', (error) => done(false, `could not start (${error.message})`));
    child.on('close', (code, signal) => done(code === 0, code === 0 ? 'passed' : `failed (${signal ?? code})`));
  });
}

async function checks(): Promise<boolean> {
  for (const step of CHECKS) {
    const { ok, output } = await run(step, true);
    process.stdout.write(output);
    if (!ok) return false;
  }
  return true;
}

const [checked, unit] = await Promise.all([checks(), run(UNIT, false)]);
process.stdout.write(unit.output);
if (!checked || !unit.ok) {
  console.error('test: the e2e tests did not run, because a step before them failed');
  process.exit(1);
}
const e2e = await run(E2E, false);
process.stdout.write(e2e.output);
process.exit(e2e.ok ? 0 : 1);
