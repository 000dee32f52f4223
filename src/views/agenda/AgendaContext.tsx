import { createContext, useContext } from 'react';
import { applicableAim } from '../../compass/assess.ts';
import type { Area, Indicator } from '../../data/package.ts';
import type { UserAgendaApi, UserAim } from '../../userdata/index.ts';

/**
 * The wijkagenda of the loaded gemeente for every view that shows it (Kompas, Overzicht, print): the store's API and
 * the effective aims (src/userdata/effectiveAims.ts) the compass assessed. Without a provider the views show nothing
 * of it.
 */
export interface AgendaContextValue {
  api: UserAgendaApi;
  /** The aims the compass assesses: package aims (vastgesteld) and the user's (concept). */
  aims: readonly UserAim[];
  indicators: readonly Indicator[];
  periods: readonly number[];
  areasByCode: ReadonlyMap<string, Area>;
}

export const AgendaContext = createContext<AgendaContextValue | null>(null);

export function useAgenda(): AgendaContextValue | null {
  return useContext(AgendaContext);
}

/** The aim the compass assessed for an indicator in an area (the same choice as assess.ts makes). */
export function aimOf(
  agenda: AgendaContextValue,
  indicatorId: string,
  areaCode: string,
  period: number,
): UserAim | null {
  return applicableAim(agenda.aims, indicatorId, areaCode, period);
}
