/**
 * Dutch texts of the package validation messages. Syntax: see src/data/issueText.ts (`{param}`, optional
 * `[[…]]` parts, `{?param}` conditions). The location prefix comes from `atFile`, `atRow` and `atRowColumn`;
 * the other templates do not repeat the file, row or column.
 */
import type { ValidationMessages } from '../../data/issueText.ts';

export const validationMessages: ValidationMessages = {
  atFile: '{file}: ',
  atRow: '{file}, rij {row}: ',
  atRowColumn: '{file}, rij {row}, kolom ‘{column}’: ',

  missingFile: 'Dit bestand ontbreekt in het pakket.',
  emptyFile: 'Het bestand is leeg.',
  notUtf8:
    'Het bestand bevat tekens die niet goed gelezen kunnen worden[[ (regel {line})]][[, bijvoorbeeld in ‘{value}’]]. Sla het bestand op als ‘CSV UTF-8’ of in UTF-8-codering.',
  wrongDelimiter:
    'De kolommen zijn gescheiden door ‘{delimiter}’ in plaats van door een komma. Sla het bestand op als ‘CSV UTF-8 (door komma’s gescheiden)’.',
  unterminatedQuote:
    'Een aanhalingsteken (") wordt geopend maar niet gesloten[[ in waarde {field}]]. Controleer de aanhalingstekens in deze rij.',
  strayQuote:
    'Er staat een los aanhalingsteken (") in ‘{value}’. Zet de hele waarde tussen aanhalingstekens en schrijf een aanhalingsteken erin dubbel ("").',
  wrongFieldCount:
    'Aantal waarden in deze rij: {found}; het bestand heeft {expected} kolommen. Staat er een komma in een tekst? Zet die tekst dan tussen aanhalingstekens.',
  missingColumn: 'Kolom ‘{column}’ ontbreekt.[[ Er is wel een kolom ‘{suggestion}’: is die misschien bedoeld?]]',
  unknownColumn: 'Onbekende kolom ‘{column}’. Verwijder deze kolom of controleer de schrijfwijze.',
  duplicateColumn: 'Kolom ‘{column}’ komt meer dan één keer voor[[ ({count} keer)]].',
  notNumeric:
    '‘{value}’ is geen getal.[[{?hint} Gebruik een punt als decimaalteken, geen komma.]][[ Schrijf ‘{suggestion}’.]]',
  notInteger: '‘{value}’ is geen geheel getal.',
  required: 'Hier moet een waarde staan, maar die ontbreekt.[[ Gevonden: ‘{value}’.]]',
  invalidEnum: '‘{value}’ is hier geen geldige waarde.[[ Kies uit: {allowed}.]]',
  negative: '‘{value}’ is negatief; hier mag alleen 0 of meer staan.',
  noObservations:
    'Het bestand bevat alleen kopregels en geen gegevens. De geladen dataset blijft staan; zet de waarnemingen onder de kop.',
  overlappingPeriods:
    '‘{value}’ staat meer dan eens in dezelfde periode (ook in rij {firstRow}); versies van een gebied mogen elkaars perioden niet overlappen.',
  bandOrder: 'target_low {low} ligt boven target_high {high}.',
  notDate: '‘{value}’ is geen datum; schrijf hem als 2026-03-12 (jaar-maand-dag).',
  invalidRounding:
    '‘{value}’ is geen geldige afronding: vul de eenheid in waarop de bron de aantallen afrondt, een geheel getal van 1 of meer (bijvoorbeeld 5 of 10), of laat de cel leeg als de aantallen exact zijn.',
  invalidQuantityId:
    '‘{value}’ is geen geldige naam voor wat geteld wordt: gebruik letters, cijfers en _ (bijvoorbeeld jongeren_0_17), of laat de cel leeg.',
  periodOrder: 'first_period {first} ligt na last_period {last}.',
  duplicateKey: '‘{value}’ komt dubbel voor[[ (ook in rij {firstRow})]].',
  unknownArea: 'Gebied ‘{value}’ staat niet in areas.geojson.',
  unknownIndicator: 'Indicator ‘{value}’ staat niet in indicators.csv.',
  unknownParent: 'Het bovenliggende gebied ‘{value}’ staat niet in het bestand.',
  numeratorAboveDenominator: 'De teller ({numerator}) is groter dan de noemer ({denominator}).',
  valueMismatch: 'De waarde {value} past niet bij de teller en de noemer[[ (verwacht ongeveer {expected})]].',
  invalidJson:
    'Het bestand is geen geldige JSON[[ (fout bij regel {line}, teken {column})]]. Controleer komma’s, haakjes en aanhalingstekens.',
  notFeatureCollection: 'Het bestand is geen GeoJSON FeatureCollection[[ (gevonden: ‘{value}’)]].',
  notFeature: 'Dit onderdeel is geen GeoJSON Feature[[ (gevonden: ‘{value}’)]].',
  geometryMissing: 'Dit gebied heeft geen grens (geometrie). Alleen het niveau ‘land’ mag zonder grens.',
  geometryNotPolygon: 'De grens is een ‘{value}’; alleen Polygon en MultiPolygon zijn toegestaan.',
  coordinatesOutOfRange:
    'Het punt ({value}) is geen geldige lengte- en breedtegraad (WGS84).[[ Dit lijken RD-coördinaten in meters ({crs}); zet ze om naar WGS84 (EPSG:4326).]]',
  unknownMember: 'Buurt ‘{value}’ uit ‘members’ staat niet als buurt in het bestand.',
  invalidMeta: 'Het veld ‘{field}’ ontbreekt of is ongeldig[[ (gevonden: ‘{value}’)]].[[ Verwacht: {expected}.]]',
  periodOutOfRange: 'Het jaar {value} valt buiten de periode {first}–{last}.',
  tooManyIssues: 'Alleen de eerste {shown} problemen worden getoond; niet getoond: {more}.',
  noRows: 'Het bestand bevat geen gegevens.',
  invalidId:
    '‘{value}’ is geen geldige id. Gebruik alleen kleine letters, cijfers en een liggend streepje (_), en begin met een letter.',
  invalidAreaCode: 'Code ‘{value}’ past niet bij het niveau ‘{level}’; verwacht wordt een code als {expected}.',
  invalidCustomCode:
    'Code ‘{value}’ is ongeldig: een gebiedscode mag geen spaties bevatten en hoogstens {max} tekens lang zijn.',
  wrongParentLevel: 'Het bovenliggende gebied ‘{value}’ is een {level}, maar dat moet een {expected} zijn.',
  membersNotAllowed: 'Alleen een eigen gebied (niveau ‘gebied’) kan ‘members’ hebben; dit is een {value}.',
  invalidCoordinates:
    'De coördinaten zijn niet goed opgebouwd[[ (bij ‘{value}’)]]. Verwacht wordt een lijst van punten [lengtegraad, breedtegraad].',
  ringTooShort:
    'Een grens heeft te weinig punten ({found}); er zijn er minstens 4 nodig (het laatste gelijk aan het eerste).',
  ringNotClosed: 'Een grens is niet gesloten: het laatste punt moet gelijk zijn aan het eerste[[ ({value})]].',
  selfIntersection:
    '[[Gebied {area}: ]]De grens snijdt zichzelf[[ (bij {value})]]; een vlak kan zo niet getekend worden. Herstel de vorm, bijvoorbeeld met ‘Geometrie repareren’ in QGIS of mapshaper -clean.',
  geometryTooLarge:
    '[[Gebied {area}: ]]De vorm reikt van {value} (lengte, breedte): veel groter dan een {level} kan zijn (hoogstens {max} graden breed of hoog). Staan de coördinaten in lengte- en breedtegraden (WGS84)?',
  outsideNetherlands:
    '[[Gebied {area}: ]]De vorm ligt niet in Nederland ({value}, lengte, breedte). Staan de coördinaten in lengte- en breedtegraden (WGS84), lengtegraad eerst?',
  fileTooLarge:
    'Het bestand is te groot[[ ({size} MB)]] om in zijn geheel te lezen (hoogstens {limit} MB). Het geladen pakket blijft. Maak het pakket kleiner (minder gemeenten of jaren) of lever het gepartitioneerd aan (zie ‘Partitioned packages’ in de README).',
  outOfMemory:
    'Het bestand past niet in het geheugen van de database in de browser. Het geladen pakket blijft. Maak het pakket kleiner (minder gemeenten of jaren) of lever het gepartitioneerd aan (zie ‘Partitioned packages’ in de README).',
  outOfRange: '‘{value}’ valt buiten het toegestane bereik van {min} tot en met {max}.',
  csvError: 'Het bestand kan niet als CSV gelezen worden[[: {detail}]].',
  unprotectedRow:
    'Het bestand toont {indicator} van {area} in {period}, een cijfer dat de geheimhoudingsregels verbergen (een klein aantal of een te kleine basis). Het pakket is niet goed gepubliceerd; dit bestand wordt niet geladen.',
};
