/** Dutch text of the over feature (merged into nl.ts). */
export const overNL = {} as const;
