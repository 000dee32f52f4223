import type { I18n } from '../../app/i18n/index.tsx';
import type { Signal } from '../../compass/types.ts';

/** "gemiddeld 2024–2025 tegenover 2020–2023": what a signal compares, in the Kompas and the print alike. */
export function signalSince(signal: Signal, i18n: I18n): string {
  const span = (periods: readonly number[]) =>
    periods.length === 1 ? String(periods[0]) : `${periods[0]}–${periods[periods.length - 1]}`;
  return i18n.t('signals.sinceReference', { recent: span(signal.recent), reference: span(signal.reference) });
}
