/** English text of the compass feature (merged into en.ts). */
import type { compassNL } from './compass.nl.ts';

export const compassEN: Record<keyof typeof compassNL, string> = {};
