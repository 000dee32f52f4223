/** English text of the over feature (merged into en.ts). */
import type { overNL } from './over.nl.ts';

export const overEN: Record<keyof typeof overNL, string> = {};
