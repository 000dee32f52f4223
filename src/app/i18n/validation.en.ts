/**
 * English texts of the package validation messages. Syntax: see src/data/issueText.ts (`{param}`, optional
 * `[[…]]` parts, `{?param}` conditions). The location prefix comes from `atFile`, `atRow` and `atRowColumn`;
 * the other templates do not repeat the file, row or column.
 */
import type { ValidationMessages } from '../../data/issueText.ts';

export const validationMessages: ValidationMessages = {
  atFile: '{file}: ',
  atRow: '{file}, row {row}: ',
  atRowColumn: '{file}, row {row}, column ‘{column}’: ',

  missingFile: 'This file is missing from the package.',
  emptyFile: 'The file is empty.',
  notUtf8:
    'The file contains characters that cannot be read[[ (line {line})]][[, for example in ‘{value}’]]. Save the file as ‘CSV UTF-8’ or with UTF-8 encoding.',
  wrongDelimiter:
    'The columns are separated by ‘{delimiter}’ instead of a comma. Save the file as ‘CSV UTF-8 (comma delimited)’.',
  unterminatedQuote: 'A quote (") is opened but never closed[[ in value {field}]]. Check the quotes in this row.',
  strayQuote:
    'There is a stray quote (") in ‘{value}’. Put the whole value in quotes and double any quote inside it ("").',
  wrongFieldCount:
    'This row has {found} values, but the file has {expected} columns. Is there a comma in a text? Then put that text in quotes.',
  missingColumn: 'Column ‘{column}’ is missing.[[ There is a column ‘{suggestion}’: is that the one meant?]]',
  unknownColumn: 'Unknown column ‘{column}’. Remove this column or check its spelling.',
  duplicateColumn: 'Column ‘{column}’ appears more than once[[ ({count} times)]].',
  notNumeric:
    '‘{value}’ is not a number.[[{?hint} Use a point as the decimal separator, not a comma.]][[ Write ‘{suggestion}’.]]',
  notInteger: '‘{value}’ is not a whole number.',
  required: 'A value is required here but missing.[[ Found: ‘{value}’.]]',
  invalidEnum: '‘{value}’ is not a valid value here.[[ Choose from: {allowed}.]]',
  negative: '‘{value}’ is negative; only 0 or more is allowed here.',
  noObservations:
    'The file holds only its header and no data. The loaded dataset stays; put the observations under the header.',
  overlappingPeriods:
    '‘{value}’ is listed more than once for the same period (also in row {firstRow}); versions of an area must have periods that do not overlap.',
  bandOrder: 'target_low {low} is above target_high {high}.',
  notDate: '‘{value}’ is not a date; write it as 2026-03-12 (year-month-day).',
  invalidRounding:
    '‘{value}’ is not a valid rounding: give the unit to which the source rounds the counts, a whole number of 1 or more (for example 5 or 10), or leave the cell empty if the counts are exact.',
  invalidQuantityId:
    '‘{value}’ is not a valid name for what is counted: use letters, digits and _ (for example jongeren_0_17), or leave the cell empty.',
  periodOrder: 'first_period {first} comes after last_period {last}.',
  duplicateKey: '‘{value}’ appears more than once[[ (also in row {firstRow})]].',
  unknownArea: 'Area ‘{value}’ is not in areas.geojson.',
  unknownIndicator: 'Indicator ‘{value}’ is not in indicators.csv.',
  unknownParent: 'The parent area ‘{value}’ is not in the file.',
  numeratorAboveDenominator: 'The numerator ({numerator}) is larger than the denominator ({denominator}).',
  valueMismatch: 'The value {value} does not match the numerator and denominator[[ (expected about {expected})]].',
  invalidJson:
    'The file is not valid JSON[[ (error at line {line}, character {column})]]. Check commas, brackets and quotes.',
  notFeatureCollection: 'The file is not a GeoJSON FeatureCollection[[ (found: ‘{value}’)]].',
  notFeature: 'This element is not a GeoJSON Feature[[ (found: ‘{value}’)]].',
  geometryMissing: 'This area has no boundary (geometry). Only the level ‘land’ may have none.',
  geometryNotPolygon: 'The boundary is a ‘{value}’; only Polygon and MultiPolygon are allowed.',
  coordinatesOutOfRange:
    'The point ({value}) is not a valid longitude and latitude (WGS84).[[ These look like Dutch RD coordinates in metres ({crs}); convert them to WGS84 (EPSG:4326).]]',
  unknownMember: 'Neighbourhood ‘{value}’ in ‘members’ is not a buurt in the file.',
  invalidMeta: 'The field ‘{field}’ is missing or invalid[[ (found: ‘{value}’)]].[[ Expected: {expected}.]]',
  periodOutOfRange: 'The year {value} is outside the period {first}–{last}.',
  tooManyIssues: 'Only the first {shown} problems are shown; not shown: {more}.',
  noRows: 'The file contains no data.',
  invalidId:
    '‘{value}’ is not a valid id. Use only lower-case letters, digits and underscores (_), starting with a letter.',
  invalidAreaCode: 'Code ‘{value}’ does not fit the level ‘{level}’; expected a code like {expected}.',
  invalidCustomCode:
    'Code ‘{value}’ is invalid: an area code may not contain spaces and is at most {max} characters long.',
  wrongParentLevel: 'The parent area ‘{value}’ is a {level}, but it must be a {expected}.',
  membersNotAllowed: 'Only a custom area (level ‘gebied’) can have ‘members’; this is a {value}.',
  invalidCoordinates:
    'The coordinates are not structured correctly[[ (at ‘{value}’)]]. Expected a list of [longitude, latitude] points.',
  ringTooShort: 'A boundary has too few points ({found}); at least 4 are needed (the last equal to the first).',
  ringNotClosed: 'A boundary is not closed: the last point must equal the first[[ ({value})]].',
  selfIntersection:
    '[[Area {area}: ]]The boundary crosses itself[[ (at {value})]]; such a shape cannot be drawn. Repair it, e.g. with ‘Fix geometries’ in QGIS or mapshaper -clean.',
  geometryTooLarge:
    '[[Area {area}: ]]The shape reaches from {value} (longitude, latitude): far larger than a {level} can be (at most {max} degrees wide or high). Are the coordinates in longitude and latitude (WGS84)?',
  outsideNetherlands:
    '[[Area {area}: ]]The shape does not lie in the Netherlands ({value}, longitude, latitude). Are the coordinates in longitude and latitude (WGS84), longitude first?',
  fileTooLarge:
    'The file is too large to read whole[[ ({size} MB)]]; at most {limit} MB. The loaded dataset stays. Make the package smaller (fewer gemeenten or years) or deliver it partitioned (see ‘Partitioned packages’ in the README).',
  outOfMemory:
    'The file does not fit in the memory of the database in the browser. The loaded dataset stays. Make the package smaller (fewer gemeenten or years) or deliver it partitioned (see ‘Partitioned packages’ in the README).',
  outOfRange: '‘{value}’ is outside the allowed range of {min} to {max}.',
  csvError: 'The file cannot be read as CSV[[: {detail}]].',
  unprotectedRow:
    'The file shows {indicator} of {area} in {period}, a figure the disclosure rules hide (a small count or too small a base). The package was not published correctly; this file is not loaded.',
};
