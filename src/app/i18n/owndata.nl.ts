/** Dutch text of the own-data panel and the SQL console (merged into nl.ts). */
export const owndataNL = {
  'owndata.title': 'Eigen gegevens toevoegen',
  'owndata.intro':
    'Voeg cijfers uit uw eigen registraties toe, per gebied en jaar. Ze komen naast de indicatoren van deze dataset, in alle weergaven.',
  'owndata.privacy': 'Uw bestanden blijven in uw browser en worden nergens naartoe gestuurd.',
  'owndata.choose': 'Bestand kiezen',
  'owndata.drop': 'of sleep een bestand hierheen',
  'owndata.dropActive': 'Laat het bestand los om het toe te voegen',
  'owndata.accept':
    'CSV (gescheiden door komma of puntkomma, UTF-8), Excel (.xlsx) of Parquet, tot {limit} MB en {rows} rijen.',
  'owndata.progress': '{name} wordt gelezen… {percent} %',
  'owndata.checking': '{name} is gelezen en wordt gecontroleerd en geladen…',
  'owndata.progressLabel': 'Voortgang van het lezen van {name}',
  'owndata.cancel': 'Annuleren',
  'owndata.cancelled': 'Het lezen van {name} is geannuleerd; er is niets toegevoegd.',
  'owndata.added': '{name} is toegevoegd.',
  'owndata.files': 'Toegevoegde bestanden',
  'owndata.none': 'Nog geen eigen bestanden toegevoegd.',
  'owndata.indicators': 'Indicatoren: {list}',
  'owndata.noIndicators': 'Beschrijft nog geen indicatoren met gegevens.',
  'owndata.remove': 'Verwijderen',
  'owndata.removeLabel': '{name} verwijderen',
  'owndata.issuesTitle':
    'Het bestand is niet toegevoegd; er is niets geladen. Los deze punten op en probeer het opnieuw:',
  'owndata.template':
    'Geen bestand bij de hand? Download een invulbestand met de gebiedscodes van deze dataset, vul de getallen in (Excel) en voeg het hier weer toe:',
  'owndata.templateLevel': 'Invulbestand {level}',
  'owndata.formatTitle': 'Hoe moet het bestand eruitzien?',
  'owndata.formatLong':
    'Lang: de kolommen area_code, indicator_id, period en value (en eventueel numerator en denominator), één rij per gebied, indicator en jaar. Nederlandse namen mogen ook: gebiedscode (of buurtcode, wijkcode), indicator, jaar, waarde, teller, noemer.',
  'owndata.formatWide':
    'Breed: de kolommen area_code (of buurtcode, wijkcode, gebiedscode) en period (of jaar), daarna één kolom per indicator. De kolomtitel wordt de naam van de indicator.',
  'owndata.formatIndicators':
    'Indicatorbestand (optioneel): dezelfde kolommen als indicators.csv van een dataset (id, label_nl, theme, unit, direction, decimals, min_count, count_threshold …), om naam, thema, eenheid, richting en geheimhouding op te geven.',
  'owndata.formatCodes':
    'Gebruik de gebiedscodes van deze dataset (zoals GM0000, WK000000, BU00000000). Een decimaalkomma mag. Een kolom naam of naam van het gebied wordt overgeslagen.',
  'owndata.defaults':
    'Zonder indicatorbestand: thema ‘Bevolking’, richting neutraal (geen kleur voor beter of slechter), eenheid ‘score’ (of procent als teller en noemer dat aangeven) en geheimhouding zoals bij het CBS: aantallen van 1 tot en met 4, en cijfers over minder dan 10 personen, worden niet getoond (ook niet via andere indicatoren of gebieden). Voeg een indicatorbestand toe om dat aan te passen; min_count en count_threshold stellen de drempels in, 0 zet een regel uit.',
  'owndata.issue.alreadyInPackage':
    'Indicator ‘{value}’ zit al in deze dataset. Geef uw indicator een andere naam (id).',
  'owndata.issue.areaNotInPackage':
    'Gebied ‘{value}’ bestaat niet in deze dataset. Gebruik de gebiedscodes van de dataset.',
  'owndata.issue.notKept':
    'Het bestand is toegevoegd, maar de browser kon het niet bewaren[[ ({reason})]]: na opnieuw laden is het weg. Maak ruimte vrij of sta opslag toe voor deze pagina, en voeg het bestand dan opnieuw toe.',
  'owndata.issue.keptFileDamaged':
    'Het bewaarde bestand ‘{name}’ kon niet worden teruggelezen (de opslag van de browser is beschadigd) en is overgeslagen. Voeg het opnieuw toe.',
  'owndata.issue.fileTooLarge':
    'Het bestand is {size} MB; het gebiedskompas leest bestanden tot {limit} MB. Laat alleen de gebieden, indicatoren en jaren staan die u nodig hebt, of verdeel de gegevens over meer bestanden.',
  'owndata.issue.tooManyRows':
    'Het bestand heeft meer dan {limit} rijen met gegevens; het gebiedskompas leest tot {limit} rijen per bestand (meer past niet veilig in het geheugen van de browser). Het is niet toegevoegd; wat al geladen was, blijft staan. Laat alleen de gebieden, indicatoren en jaren staan die u nodig hebt, of verdeel de gegevens over meer bestanden.',
  'owndata.issue.tooManyValues':
    'Het bestand heeft meer dan {limit} ingevulde cijfers (rijen × indicatorkolommen); het gebiedskompas leest er tot {limit} per bestand (meer past niet veilig in het geheugen van de browser). Het is niet toegevoegd; wat al geladen was, blijft staan. Verdeel de indicatoren over meer bestanden.',
  'owndata.issue.notParquet':
    'Het bestand kan niet als Parquet-bestand gelezen worden[[: {reason}]]. Misschien is het beschadigd of niet helemaal opgeslagen.',
  'owndata.issue.parquetNestedColumn':
    'Kolom ‘{column}’ bevat lijsten of samengestelde waarden; alleen kolommen met één getal of tekst per cel kunnen gelezen worden. Laat de kolom weg of maak er losse kolommen van.',
  'owndata.issue.unsupportedFileType':
    'Bestanden van het type ‘{extension}’ kunnen niet gelezen worden. Sla het bestand op als CSV, Excel (.xlsx) of Parquet.',
  'owndata.issue.notXlsx': 'Het bestand kan niet als Excel-bestand (.xlsx) geopend worden[[: {reason}]].',
  'owndata.issue.unknownLayout':
    'De kolommen passen bij geen van de indelingen. Gevonden: {found}. Nodig: area_code en period (breed), of ook indicator_id en value (lang).',
  'owndata.issue.noIndicatorColumns': 'Naast area_code en period staat er geen kolom met cijfers in het bestand.',
  'owndata.issue.indicatorInTwoFiles': 'Indicator ‘{value}’ staat ook in {other}. Zet een indicator in één bestand.',
  'sql.title': 'SQL',
  'sql.intro':
    'Stel uw eigen vraag aan de gegevens in SQL (DuckDB). U kunt alles lezen en eigen tabellen en views maken. De gegevens van het kompas zelf kunt u hier niet wijzigen, en bestanden of internet zijn niet bereikbaar.',
  'sql.editorLabel': 'SQL-opdracht',
  'sql.run': 'Uitvoeren',
  'sql.runHint': 'Ctrl+Enter voert de opdracht uit.',
  'sql.running': 'Bezig…',
  'sql.cancel': 'Annuleren',
  'sql.cancelled': 'De opdracht is geannuleerd.',
  'sql.countCancelled': 'het tellen van de rijen is geannuleerd',
  'sql.outOfMemory':
    'De opdracht vraagt meer geheugen dan de database mag gebruiken ({limit}) en is afgebroken. De rest van het gebiedskompas werkt gewoon door. Maak de opdracht kleiner, bijvoorbeeld met een WHERE of LIMIT.',
  'sql.engineRestarted':
    'Deze opdracht liet de database vastlopen. De database is opnieuw gestart en de gegevens worden opnieuw geladen.',
  'sql.rows.one': '{count} rij',
  'sql.rows.other': '{count} rijen',
  'sql.rowsShown': '{count} rijen; de tabel toont de eerste {shown}, de download bevat alle {count}',
  'sql.rowsMore': 'Meer dan {shown} rijen; de tabel toont de eerste {shown}, de download bevat ze allemaal',
  'sql.counting': 'rijen worden geteld…',
  'sql.time': '{ms} ms',
  'sql.noRows': 'De opdracht is uitgevoerd; er zijn geen rijen.',
  'sql.syntaxError': 'Syntaxfout: DuckDB kan deze opdracht niet lezen.',
  'sql.error': 'DuckDB meldt een fout:',
  'sql.refused': 'Deze opdracht wordt niet uitgevoerd:',
  'sql.download': 'Download als CSV',
  'sql.downloading': 'CSV wordt gemaakt…',
  'sql.chart': 'Snelle grafiek',
  'sql.chartNote': 'De eerste {count} rijen.',
  'sql.chartAria': 'Staafdiagram van {value} per {label}',
  'sql.result': 'Resultaat',
  'sql.schema': 'Tabellen en views',
  'sql.schemaEmpty': 'Geen tabellen gevonden.',
  'sql.showRows': 'Eerste rijen van {table}',
  'sql.guard.statementPrefix': 'Opdracht {statement}: ',
  'sql.guard.empty': 'er staat geen opdracht.',
  'sql.guard.unterminated': 'een tekst, naam of commentaar wordt geopend maar niet gesloten.',
  'sql.guard.statement': '{name}-opdrachten zijn in de console niet toegestaan.',
  'sql.guard.protected':
    '‘{name}’ hoort bij het gebiedskompas en kan hier niet gewijzigd worden. Maak een tabel of view met een andere naam.',
  'sql.guard.fileAccess': '{name} leest bestanden of internet; dat kan in de console niet.',
  'sql.guard.keyword': '{name} mag niet binnen een vraag staan.',
  'sql.guard.pragma': 'PRAGMA {name} is niet toegestaan; PRAGMA table_info en show_tables wel.',
  'sql.guard.objectKind': 'Alleen tabellen en views kunnen hier gemaakt, gewijzigd of verwijderd worden, geen {name}.',
} as const;
