/** English words for why a value is missing (merged into en.ts); see missing.nl.ts. */
import type { missingNL } from './missing.nl.ts';

export const missingEN: Record<keyof typeof missingNL, string> = {
  'missing.secret': 'secret',
  'missing.not_published': 'not published',
  'missing.no_inhabitants': 'no inhabitants',
  'missing.not_yet_available': 'not yet available',
  'missing.no_data': 'no data',
  'missing.cell.secret': 'secret',
  'missing.cell.not_published': 'not pub\u00adlished',
  'missing.cell.no_inhabitants': 'no in\u00adhabi\u00adtants',
  'missing.cell.not_yet_available': 'not yet avail\u00adable',
  'missing.cell.no_data': 'no data',
  'missing.title.secret':
    'Secret: withheld to protect small numbers — in this area itself, or in a neighbouring area or a linked figure that could otherwise be worked out by subtraction (privacy).',
  'missing.title.not_published':
    'Not published: the source has no figure for this area in this year (often not for the whole municipality).',
  'missing.title.no_inhabitants': 'No inhabitants: nobody lives in this area, so there is no figure.',
  'missing.title.not_yet_available': 'Not yet available: the source publishes this figure later.',
  'missing.title.no_data': 'No data for this area in this year.',
  'missing.legend.secret': 'Secret (small numbers protected)',
  'missing.legend.not_published': 'Not published',
  'missing.legend.no_inhabitants': 'No inhabitants',
  'missing.legend.not_yet_available': 'Not yet available',
  'missing.legend.no_data': 'No data',
  'missing.trendNone': 'No figures to draw for {area}: {reasons}.',
  'missing.trendYear': '{area} has no value in {period}: {reason}.',
} as const;
