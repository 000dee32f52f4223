/** English text of the print feature (merged into en.ts). */
import type { printNL } from './print.nl.ts';

export const printEN: Record<keyof typeof printNL, string> = {};
