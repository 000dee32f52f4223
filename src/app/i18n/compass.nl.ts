/** Dutch text of the compass feature (merged into nl.ts). */
export const compassNL = {} as const;
