/** Dutch text of the print feature (merged into nl.ts). */
export const printNL = {} as const;
