/** Helpers in the page: performance marks, timeouts that record a failure instead of hanging. */
import type { Page } from 'playwright-core';

export class Timeout extends Error {}

/** Rejects with `Timeout` after `ms`; the work itself is left running (the caller closes the page). */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`${what}: no result after ${(ms / 1000).toFixed(0)} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export const reason = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

/** Every occurrence of each `gk:` mark, ms from navigation start. */
export type Marks = Record<string, number[]>;

export function readMarks(page: Page): Promise<Marks> {
  return page.evaluate(() => {
    const out: Record<string, number[]> = {};
    for (const m of performance.getEntriesByType('mark'))
      if (m.name.startsWith('gk:')) out[m.name] = [...(out[m.name] ?? []), m.startTime];
    return out;
  });
}

export const first = (marks: Marks, name: string) => marks[name]?.[0];
export const last = (marks: Marks, name: string) => marks[name]?.[marks[name].length - 1];

/**
 * Waits until every mark in `names` was set, then until no further `gk:` mark came for `settleMs` (a view that
 * renders twice, e.g. first with the previous data, marks twice: the last one counts). Returns the marks and the
 * names that did not appear within `timeoutMs`.
 */
export async function waitForMarks(
  page: Page,
  names: readonly string[],
  timeoutMs: number,
  settleMs: number,
): Promise<{ marks: Marks; missing: string[] }> {
  try {
    await withTimeout(
      page.waitForFunction((list) => list.every((n) => performance.getEntriesByName(n).length > 0), names, {
        timeout: timeoutMs,
        polling: 10,
      }),
      timeoutMs + 5000,
      'waiting for marks',
    );
    await withTimeout(
      page.evaluate(async (quiet) => {
        // No named inner functions in page code: tsx (keepNames) would wrap them in __name(), unknown in the page.
        let seen = performance.getEntriesByType('mark').length;
        let since = performance.now();
        const cap = since + 20 * quiet;
        for (;;) {
          await new Promise((resolve) => setTimeout(resolve, 10));
          const now = performance.now();
          const count = performance.getEntriesByType('mark').length;
          if (count !== seen) {
            seen = count;
            since = now;
          }
          if (now - since >= quiet || now > cap) return;
        }
      }, settleMs),
      timeoutMs,
      'waiting for the page to settle',
    );
  } catch {
    // Reported below as the marks that are missing.
  }
  const marks = await withTimeout(readMarks(page), 10_000, 'reading marks').catch((): Marks => ({}));
  return { marks, missing: names.filter((n) => !marks[n]?.length) };
}

/** Resolves when the map has drawn everything (a fresh `idle` after a repaint); false without a map. */
export function mapSettled(page: Page, timeoutMs: number): Promise<boolean> {
  return withTimeout(
    page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const map = window.__gebiedskompas?.map;
          if (!map) return resolve(false);
          map.once('idle', () => resolve(true));
          map.triggerRepaint();
        }),
    ),
    timeoutMs,
    'waiting for the map to be idle',
  );
}

/**
 * Counts, per mark, the attempts in a row in which it did not appear; after `limit` such attempts from the start
 * it is given up (the page does not set it) so that later attempts do not wait for it.
 */
export class MarkTracker {
  readonly #misses = new Map<string, number>();
  readonly #seen = new Set<string>();
  readonly gaveUp = new Set<string>();

  constructor(readonly limit = 3) {}

  required(names: readonly string[]): string[] {
    return names.filter((n) => !this.gaveUp.has(n));
  }

  record(names: readonly string[], missing: readonly string[]): void {
    for (const n of names) {
      if (!missing.includes(n)) this.#seen.add(n);
      else if (!this.#seen.has(n)) {
        const misses = (this.#misses.get(n) ?? 0) + 1;
        this.#misses.set(n, misses);
        if (misses >= this.limit) this.gaveUp.add(n);
      }
    }
  }
}
