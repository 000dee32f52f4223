/** English text of the data table and the downloads (merged into en.ts). */
import type { dataNL } from './data.nl.ts';

export const dataEN: Record<keyof typeof dataNL, string> = {
  'data.export.secret': 'secret',
  'data.export.status': '{column} (status)',
  'data.export.source': 'source',
  'data.table.filter': 'Search the table',
  'data.table.rows.one': '{count} row',
  'data.table.rows.other': '{count} rows',
  'data.table.rowsFiltered.one': '{shown} of {count} row',
  'data.table.rowsFiltered.other': '{shown} of {count} rows',
  'data.table.empty': 'No matching rows.',
  'data.table.suppressed': 'secret',
  'data.table.suppressedTitle':
    'Not shown: based on too few people, or it would reveal a small neighbour by subtraction (privacy).',
  'data.table.pageSize': 'Rows per page',
  'data.table.pagination': 'Pages of the table',
  'data.table.previous': 'Previous',
  'data.table.next': 'Next',
  'data.table.page': 'Page {page} of {pages}',
  'data.download.label': 'Download',
  'data.download.csvNl': 'CSV (Dutch)',
  'data.download.csvNlTitle': 'Semicolons and decimal comma: opens correctly in Excel with Dutch settings',
  'data.download.csvIntl': 'CSV (international)',
  'data.download.csvIntlTitle': 'Commas and decimal point: for Excel in other languages, R, Python or a database',
  'data.download.excel': 'Excel',
  'data.download.excelTitle': 'Excel workbook (.xlsx) with the source under the table',
  'data.download.svg': 'SVG',
  'data.download.png': 'PNG',
  'data.download.chart': 'chart {chart}',
  'data.download.noChart': 'The chart {chart} has not been drawn yet.',
  'data.download.error': 'The download failed: {detail}',
};
