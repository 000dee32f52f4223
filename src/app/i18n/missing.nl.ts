/**
 * Dutch words for why a value is missing (merged into nl.ts), used by every view and download through
 * src/app/missingReason.ts: the short word in cells, a sentence for tooltips, and the map legend's label.
 */
export const missingNL = {
  'missing.secret': 'geheim',
  'missing.not_published': 'niet gepubliceerd',
  'missing.no_inhabitants': 'geen inwoners',
  'missing.not_yet_available': 'nog niet beschikbaar',
  'missing.no_data': 'geen gegevens',
  // The same words with soft hyphens, for the Kompas's narrow number columns (no hyphenation dictionary needed).
  'missing.cell.secret': 'geheim',
  'missing.cell.not_published': 'niet gepubli\u00adceerd',
  'missing.cell.no_inhabitants': 'geen inwoners',
  'missing.cell.not_yet_available': 'nog niet beschik\u00adbaar',
  'missing.cell.no_data': 'geen gegevens',
  'missing.title.secret':
    'Geheim: niet getoond om kleine aantallen te beschermen — in dit gebied zelf, of in een gebied ernaast of een gekoppeld cijfer dat anders door aftrekken te herleiden is (privacy).',
  'missing.title.not_published':
    'Niet gepubliceerd: de bron heeft voor dit gebied in dit jaar geen cijfer (vaak voor de hele gemeente niet).',
  'missing.title.no_inhabitants': 'Geen inwoners: in dit gebied woont niemand, dus er is geen cijfer.',
  'missing.title.not_yet_available': 'Nog niet beschikbaar: de bron publiceert dit cijfer later.',
  'missing.title.no_data': 'Geen gegevens voor dit gebied in dit jaar.',
  'missing.legend.secret': 'Geheim (kleine aantallen beschermd)',
  'missing.legend.not_published': 'Niet gepubliceerd',
  'missing.legend.no_inhabitants': 'Geen inwoners',
  'missing.legend.not_yet_available': 'Nog niet beschikbaar',
  'missing.legend.no_data': 'Geen gegevens',
  'missing.trendNone': 'Geen cijfers om te tekenen voor {area}: {reasons}.',
  'missing.trendYear': '{area} heeft in {period} geen waarde: {reason}.',
} as const;
