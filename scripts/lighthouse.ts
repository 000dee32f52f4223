/**
 * Lighthouse on the built demo, with the system Chromium, for a desktop and a mobile form factor: the scores of
 * accessibility, best practices and performance, the cumulative layout shift, and every audit that keeps a score
 * below 100. Exits with 1 when accessibility or best practices is below 100 or the CLS is 0,05 or more (the aims
 * of issue 14).
 *
 *   npm run lighthouse                          # builds, then measures `/` (the Kompas of the demo)
 *   npm run lighthouse -- --path '/?view=over'  # another view
 *   npm run lighthouse -- --json out.json       # also writes the figures
 *
 * Not part of `npm test`: two Lighthouse runs take a few minutes on two shared cores. Nothing leaves the machine:
 * the app is served on loopback and Chromium runs with its background networking off.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launch } from 'chrome-launcher';
import lighthouse, { type Config, type Flags, type Result } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { preview } from 'vite';
import { CHROMIUM_ARGS } from './browser.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const CATEGORIES = ['accessibility', 'best-practices', 'performance'] as const;
/** The aims: a score of 1 is 100. */
const CLS_LIMIT = 0.05;

const { values } = parseArgs({
  options: { path: { type: 'string', default: '/' }, json: { type: 'string' } },
});

interface Figures {
  formFactor: 'desktop' | 'mobile';
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  cls: number | null;
  /** Audits of the categories with a score below 1: id, title and the first failing items. */
  failing: { category: string; id: string; title: string; score: number | null; items: string[] }[];
}

function figuresOf(lhr: Result, formFactor: Figures['formFactor']): Figures {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null])) as Figures['scores'];
  const failing: Figures['failing'] = [];
  for (const category of ['accessibility', 'best-practices'] as const) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      const details = audit.details as { items?: Record<string, unknown>[] } | undefined;
      const items = (details?.items ?? []).slice(0, 5).map((item) => {
        const node = item.node as { snippet?: string; selector?: string } | undefined;
        return node?.selector ?? node?.snippet ?? JSON.stringify(item).slice(0, 200);
      });
      failing.push({ category, id: ref.id, title: audit.title, score: audit.score, items });
    }
  }
  return { formFactor, scores, cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? null, failing };
}

async function run(url: string, formFactor: Figures['formFactor']): Promise<Figures> {
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // The flags of the e2e tests (WebGL by SwiftShader for the map, no background networking) and a new headless.
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] };
    const config: Config | undefined = formFactor === 'desktop' ? desktopConfig : undefined;
    const result = await lighthouse(url, flags, config);
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const runtimeError = result.lhr.runtimeError;
    if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
    return figuresOf(result.lhr, formFactor);
  } finally {
    chrome.kill();
  }
}

const percent = (score: number | null) => (score === null ? '–' : String(Math.round(score * 100)));

async function main() {
  const server = await preview({ root: ROOT, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('vite preview did not start');
  const url = new URL(values.path, base).href;
  const all: Figures[] = [];
  try {
    for (const formFactor of ['desktop', 'mobile'] as const) all.push(await run(url, formFactor));
  } finally {
    await server.close();
  }

  console.log(`Lighthouse on ${url.replace(base, '/')}`);
  console.log('form factor | accessibility | best practices | performance | CLS');
  for (const f of all) {
    const s = f.scores;
    console.log(
      `${f.formFactor.padEnd(11)} | ${percent(s.accessibility).padStart(13)} | ${percent(s['best-practices']).padStart(14)} | ${percent(s.performance).padStart(11)} | ${f.cls === null ? '–' : f.cls.toFixed(3)}`,
    );
    for (const a of f.failing) {
      console.log(`  ${f.formFactor} ${a.category}: ${a.id} (${a.title})`);
      for (const item of a.items) console.log(`      ${item}`);
    }
  }
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ url, results: all }, null, 2)}\n`);
  const missed = all.some(
    (f) => f.scores.accessibility !== 1 || f.scores['best-practices'] !== 1 || (f.cls ?? 1) >= CLS_LIMIT,
  );
  process.exitCode = missed ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
