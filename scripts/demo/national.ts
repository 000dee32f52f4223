/** National (NL00) reference series, 2015–2025: smooth trends at the level of the Netherlands. */

/** The national level of every rate, 2015–2025, in the indicator's unit (survey years only for survey data). */
export const NATIONAL: Record<string, readonly number[]> = {
  jeugdhulp_pct: [9.6, 10, 10.6, 11.1, 11.4, 11.1, 11.2, 11, 10.8, 10.6, 10.4],
  jeugdhulp_verblijf_pct: [1.05, 1.07, 1.09, 1.1, 1.1, 1.07, 1.04, 1.01, 0.98, 0.96, 0.94],
  jeugdbescherming_pct: [1.25, 1.2, 1.15, 1.1, 1.05, 1, 0.98, 0.95, 0.92, 0.9, 0.88],
  jeugdhulp_ambulant_pct: [88.5, 88.75, 89, 89.25, 89.5, 89.75, 90, 90.25, 90.5, 90.75, 91],
  vsv_pct: [2, 1.9, 1.9, 2, 1.8, 1.6, 1.7, 1.8, 2, 2, 1.9],
  wmo_per_1000: [58, 62, 66, 70, 74, 76, 80, 83, 86, 89, 92],
  huishoudelijke_hulp_per_1000: [24, 25, 27, 29, 31, 32, 33, 34, 35, 36, 37],
  zelfstandig_75plus_pct: [88, 88.32, 88.64, 88.96, 89.28, 89.6, 89.92, 90.24, 90.56, 90.88, 91.2],
  mantelzorg_overbelast_pct: [4.4, 4.48, 4.56, 4.64, 4.72, 4.8, 4.88, 4.96, 5.04, 5.12, 5.2],
  wmo_tevreden_pct: [81, 80.7, 80.4, 80.1, 79.8, 79.5, 79.2, 78.9, 78.6, 78.3, 78],
  bijstand_per_1000: [42, 43, 43, 42, 40, 39, 38, 36, 35, 35, 34],
  arbeidsparticipatie_pct: [65.4, 65.9, 66.7, 67.8, 68.8, 68.2, 69.3, 71, 71.6, 71.9, 72.1],
  ww_per_1000: [27, 25, 22, 18, 16, 19, 14, 11, 12, 13, 14],
  ao_per_1000: [75, 74, 73, 72, 72, 72, 73, 74, 75, 77, 78],
  jeugdwerkloosheid_pct: [11.3, 10.8, 8.9, 7.2, 6.7, 9.1, 7.9, 7.3, 8.2, 8.6, 8.7],
  laag_inkomen_pct: [9.4, 9.1, 8.8, 8.4, 8.2, 7.3, 6.9, 6.3, 7, 6.5, 6.2],
  sociaal_minimum_pct: [8.9, 8.8, 8.6, 8.3, 8.2, 7.9, 7.7, 7.4, 7.9, 7.6, 7.4],
  kinderen_armoede_pct: [12.5, 12, 11.3, 10.5, 9.8, 8.5, 7.9, 7, 7.8, 7.3, 7],
  schuldhulp_per_1000_hh: [9, 9.5, 10, 10, 9.5, 8, 7.5, 7.5, 8.5, 9, 9.5],
  gezondheid_goed_pct: [0, 76.5, 0, 0, 0, 78, 0, 75.5, 0, 75, 0],
  eenzaam_pct: [0, 43, 0, 0, 0, 47, 0, 49, 0, 47, 0],
  overgewicht_pct: [0, 49.1, 0, 0, 0, 50, 0, 50.4, 0, 50.5, 0],
  psychisch_ongezond_pct: [0, 12, 0, 0, 0, 13.5, 0, 17, 0, 16.5, 0],
  vrijwilligerswerk_pct: [0, 29, 0, 0, 0, 27, 0, 27, 0, 28, 0],
  onveilig_pct: [20, 0, 19, 0, 18, 0, 16, 0, 17, 0, 17],
};

/** Average income (k€) in the Netherlands, 2015–2025. */
export const NL_INCOME = [26.1, 26.6, 27.3, 28, 28.9, 29.9, 30.8, 32, 34.1, 35.6, 36.8];
export const NL_COHESION = [6.3, 6.3, 6.3, 6.25, 6.2, 6.15, 6.1, 6.15, 6.2, 6.2, 6.2];
export const NL_GP_DISTANCE = [1.02, 1.02, 1.02, 1.03, 1.03, 1.03, 1.04, 1.04, 1.05, 1.05, 1.05];

/** Inhabitants of the Netherlands on 1 January, 2015–2025. */
export const NL_POP = [
  16_900_726, 16_979_120, 17_081_507, 17_181_084, 17_282_163, 17_407_585, 17_475_415, 17_590_672, 17_811_291,
  17_942_942, 18_044_027,
];
