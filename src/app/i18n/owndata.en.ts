/** English text of the own-data panel and the SQL console (merged into en.ts). */
import type { owndataNL } from './owndata.nl.ts';

export const owndataEN: Record<keyof typeof owndataNL, string> = {
  'owndata.title': 'Add your own data',
  'owndata.intro':
    'Add figures from your own registrations, by area and year. They join the indicators of this dataset, in every view.',
  'owndata.privacy': 'Your files stay in your browser and are never sent anywhere.',
  'owndata.choose': 'Choose a file',
  'owndata.drop': 'or drop a file here',
  'owndata.dropActive': 'Release the file to add it',
  'owndata.accept':
    'CSV (separated by commas or semicolons, UTF-8), Excel (.xlsx) or Parquet, up to {limit} MB and {rows} rows.',
  'owndata.progress': 'Reading {name}… {percent} %',
  'owndata.checking': '{name} has been read and is being checked and loaded…',
  'owndata.progressLabel': 'Progress of reading {name}',
  'owndata.cancel': 'Cancel',
  'owndata.cancelled': 'Reading {name} was cancelled; nothing was added.',
  'owndata.added': '{name} has been added.',
  'owndata.files': 'Added files',
  'owndata.none': 'No files of your own added yet.',
  'owndata.indicators': 'Indicators: {list}',
  'owndata.noIndicators': 'Describes no indicators with data yet.',
  'owndata.remove': 'Remove',
  'owndata.removeLabel': 'Remove {name}',
  'owndata.issuesTitle': 'The file was not added; nothing has been loaded. Fix these points and try again:',
  'owndata.template':
    'No file at hand? Download a fill-in file with the area codes of this dataset, fill in the numbers (Excel) and add it here:',
  'owndata.templateLevel': 'Fill-in file, {level}',
  'owndata.formatTitle': 'What should the file look like?',
  'owndata.formatLong':
    'Long: the columns area_code, indicator_id, period and value (and optionally numerator and denominator), one row per area, indicator and year. The Dutch names work too: gebiedscode (or buurtcode, wijkcode), indicator, jaar, waarde, teller, noemer.',
  'owndata.formatWide':
    'Wide: the columns area_code (or buurtcode, wijkcode, gebiedscode) and period (or jaar), then one column per indicator. The column title becomes the indicator’s name.',
  'owndata.formatIndicators':
    'Indicator file (optional): the same columns as a dataset’s indicators.csv (id, label_nl, theme, unit, direction, decimals, min_count, count_threshold …), to set name, theme, unit, direction and secrecy.',
  'owndata.formatCodes':
    'Use the area codes of this dataset (such as GM0000, WK000000, BU00000000). A decimal comma is fine. A column name or area_name is skipped.',
  'owndata.defaults':
    'Without an indicator file: theme ‘Population’, direction neutral (no colour for better or worse), unit ‘score’ (or percent when numerator and denominator say so) and secrecy as CBS keeps it: counts from 1 to 4, and figures about fewer than 10 people, are not shown (nor through other indicators or areas). Add an indicator file to change that; min_count and count_threshold set the thresholds, 0 turns a rule off.',
  'owndata.issue.alreadyInPackage':
    'Indicator ‘{value}’ is already in this dataset. Give your indicator another name (id).',
  'owndata.issue.areaNotInPackage': 'Area ‘{value}’ does not exist in this dataset. Use the dataset’s area codes.',
  'owndata.issue.notKept':
    'The file was added, but the browser could not keep it[[ ({reason})]]: it will be gone after a reload. Free some space or allow storage for this page, then add the file again.',
  'owndata.issue.keptFileDamaged':
    'The kept file ‘{name}’ could not be read back (the browser’s storage is damaged) and was skipped. Add it again.',
  'owndata.issue.fileTooLarge':
    'The file is {size} MB; the compass reads files up to {limit} MB. Keep only the areas, indicators and years you need, or split the data over several files.',
  'owndata.issue.tooManyRows':
    'The file has more than {limit} data rows; the compass reads up to {limit} rows per file (more does not fit safely in the browser’s memory). It was not added; what was loaded already stays. Keep only the areas, indicators and years you need, or split the data over several files.',
  'owndata.issue.tooManyValues':
    'The file has more than {limit} filled-in figures (rows × indicator columns); the compass reads up to {limit} per file (more does not fit safely in the browser’s memory). It was not added; what was loaded already stays. Split the indicators over several files.',
  'owndata.issue.notParquet':
    'The file cannot be read as a Parquet file[[: {reason}]]. It may be damaged or not completely saved.',
  'owndata.issue.parquetNestedColumn':
    'Column ‘{column}’ holds lists or compound values; only columns with one number or text per cell can be read. Leave the column out or split it into separate columns.',
  'owndata.issue.unsupportedFileType':
    'Files of type ‘{extension}’ cannot be read. Save the file as CSV, Excel (.xlsx) or Parquet.',
  'owndata.issue.notXlsx': 'The file cannot be opened as an Excel workbook (.xlsx)[[: {reason}]].',
  'owndata.issue.unknownLayout':
    'The columns fit none of the layouts. Found: {found}. Needed: area_code and period (wide), or also indicator_id and value (long).',
  'owndata.issue.noIndicatorColumns': 'Besides area_code and period, the file has no column with figures.',
  'owndata.issue.indicatorInTwoFiles': 'Indicator ‘{value}’ is also in {other}. Keep an indicator in one file.',
  'sql.title': 'SQL',
  'sql.intro':
    'Ask your own question of the data in SQL (DuckDB). You can read everything and create tables and views of your own. The compass’s own data cannot be changed here, and files and the internet cannot be reached.',
  'sql.editorLabel': 'SQL statement',
  'sql.run': 'Run',
  'sql.runHint': 'Ctrl+Enter runs the statement.',
  'sql.running': 'Running…',
  'sql.cancel': 'Cancel',
  'sql.cancelled': 'The statement was cancelled.',
  'sql.countCancelled': 'counting the rows was cancelled',
  'sql.outOfMemory':
    'The statement needs more memory than the database may use ({limit}) and was stopped. The rest of the dashboard keeps working. Make the statement smaller, for instance with a WHERE or LIMIT.',
  'sql.engineRestarted':
    'This statement made the database stop. The database has been restarted and the data is loading again.',
  'sql.rows.one': '{count} row',
  'sql.rows.other': '{count} rows',
  'sql.rowsShown': '{count} rows; the table shows the first {shown}, the download holds all {count}',
  'sql.rowsMore': 'More than {shown} rows; the table shows the first {shown}, the download holds them all',
  'sql.counting': 'counting rows…',
  'sql.time': '{ms} ms',
  'sql.noRows': 'The statement ran; there are no rows.',
  'sql.syntaxError': 'Syntax error: DuckDB cannot read this statement.',
  'sql.error': 'DuckDB reports an error:',
  'sql.refused': 'This statement is not run:',
  'sql.download': 'Download as CSV',
  'sql.downloading': 'Making the CSV…',
  'sql.chart': 'Quick chart',
  'sql.chartNote': 'The first {count} rows.',
  'sql.chartAria': 'Bar chart of {value} by {label}',
  'sql.result': 'Result',
  'sql.schema': 'Tables and views',
  'sql.schemaEmpty': 'No tables found.',
  'sql.showRows': 'First rows of {table}',
  'sql.guard.statementPrefix': 'Statement {statement}: ',
  'sql.guard.empty': 'there is no statement.',
  'sql.guard.unterminated': 'a text, name or comment is opened but not closed.',
  'sql.guard.statement': '{name} statements are not allowed in the console.',
  'sql.guard.protected':
    '‘{name}’ belongs to the compass and cannot be changed here. Create a table or view with another name.',
  'sql.guard.fileAccess': '{name} reads files or the internet; the console does not allow that.',
  'sql.guard.keyword': '{name} is not allowed inside a query.',
  'sql.guard.pragma': 'PRAGMA {name} is not allowed; PRAGMA table_info and show_tables are.',
  'sql.guard.objectKind': 'Only tables and views can be created, changed or dropped here, not {name}.',
};
