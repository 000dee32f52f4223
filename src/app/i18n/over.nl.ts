/** Dutch text of the over feature (merged into nl.ts). The page title itself is 'over.title' in nl.ts. */
export const overNL = {
  'over.intro':
    'Deze pagina beschrijft waar de cijfers vandaan komen, wat elke indicator meet en hoe het kompas rekent: hoe gebieden worden samengeteld, wanneer een verschil “duidelijk” is, hoe doelen worden beoordeeld en welke cijfers geheim blijven.',
  'over.toc.label': 'Inhoud van deze pagina',
  'over.dataset.heading': 'De dataset',
  'over.dataset.title': 'Titel',
  'over.dataset.description': 'Beschrijving',
  'over.dataset.publisher': 'Uitgever',
  'over.dataset.licence': 'Licentie',
  'over.dataset.attribution': 'Bronvermelding',
  'over.dataset.periods': 'Jaren',
  'over.dataset.periodsRange': '{first} tot en met {last}',
  'over.dataset.periodsCount': '{count} metingen',
  'over.dataset.noPeriods': 'geen',
  'over.indicators.heading': 'De indicatoren',
  'over.indicators.intro':
    'Hieronder staan alle indicatoren ({count}), per thema. Bij elke indicator staat wat hij meet, in welke eenheid, welke kant goed is, vanaf hoeveel personen een waarde wordt getoond, de bron en de doelen van de gemeente die erop gericht zijn.',
  'over.indicators.caption':
    'Indicatoren van het thema {theme}: definitie, eenheid, richting, minimum aantal personen, bron en doelen',
  'over.indicators.empty': 'Deze dataset bevat geen indicatoren.',
  'over.col.indicator': 'Indicator',
  'over.col.definition': 'Definitie',
  'over.col.unit': 'Eenheid',
  'over.col.direction': 'Richting',
  'over.col.minCount': 'Minimum aantal',
  'over.col.source': 'Bron',
  'over.col.aims': 'Doelen',
  'over.unit.percent': 'percentage (van 0 tot 100)',
  'over.unit.per_1000': 'aantal per 1.000 personen uit de groep in de definitie (meestal inwoners)',
  'over.unit.per_10000': 'aantal per 10.000 personen uit de groep in de definitie (meestal inwoners)',
  'over.unit.count': 'aantal',
  'over.unit.euro': 'bedrag in euro',
  'over.unit.euro_x1000': 'bedrag in euro (de bron geeft duizenden euro)',
  'over.unit.years': 'aantal jaren',
  'over.unit.score': 'score (de schaal staat in de definitie)',
  'over.unit.km': 'afstand in kilometer',
  'over.direction.up': 'Hoger is beter',
  'over.direction.down': 'Lager is beter',
  'over.direction.neutral': 'Geen goede of slechte richting',
  'over.direction.neutralNote': 'het kompas zegt hier nooit “beter” of “slechter”',
  'over.minCount.value': 'Minstens {min} personen; bij minder: geheim',
  'over.minCount.none': 'Geen eigen drempel (de regels van de bron gelden)',
  'over.aims.none': 'Geen doel',
  'over.aim.value': 'streefwaarde {value} in {target}, nulmeting {baseline}',
  'over.aim.band': 'streefwaarde tussen {low} en {high} in {target}, nulmeting {baseline}',
  'over.aim.up': 'richting: stijgen (doeljaar {target}, nulmeting {baseline})',
  'over.aim.down': 'richting: dalen (doeljaar {target}, nulmeting {baseline})',
  'over.aim.neutral': 'doeljaar {target}, nulmeting {baseline}',
  'over.aim.area': 'alleen voor gebied {area}',
  'over.methods.heading': 'Hoe het kompas rekent',
  'over.methods.intro':
    'Hieronder staat in gewone taal hoe elk getal en elk oordeel in het kompas tot stand komt, met de precieze regels.',
  'over.method.aggregation.title': 'Eigen gebieden en totalen samentellen',
  'over.method.aggregation.p1':
    'Een eigen gebied (bijvoorbeeld een dorp dat uit een paar buurten bestaat) en een totaal (zoals de gemeente) worden berekend als een verhouding van sommen: eerst tellen we van alle buurten de tellers op (bijvoorbeeld het aantal jongeren met jeugdhulp) en de noemers (het aantal jongeren), daarna delen we die twee sommen door elkaar.',
  'over.method.aggregation.p2':
    'We nemen nooit het gemiddelde van de percentages van de buurten. Dan zou een buurt met 20 inwoners even zwaar tellen als een buurt met 2.000 inwoners.',
  'over.method.aggregation.example':
    'Voorbeeld: in buurt A hebben 10 van de 100 jongeren jeugdhulp (10%), in buurt B 90 van de 300 (30%). Samen is dat 100 van de 400 = 25%, en niet (10% + 30%) / 2 = 20%.',
  'over.method.aggregation.p3':
    'Gemiddelden zonder noemer (bijvoorbeeld een gemiddeld inkomen of een gemiddelde score waarvan niet bekend is op hoeveel mensen ze rusten) kunnen niet eerlijk worden samengeteld. Voor eigen gebieden en totalen worden die daarom niet getoond.',
  'over.method.intervals.title': 'Onzekerheid: het 95%-interval',
  'over.method.intervals.p1':
    'Een percentage van een klein dorp schommelt van jaar tot jaar, ook als er eigenlijk niets verandert: één gezin meer of minder maakt al een groot verschil. Daarom berekent het kompas bij cijfers met een teller en een noemer een 95%-interval: het bereik waarbinnen de werkelijke waarde met 95% betrouwbaarheid ligt. Hoe minder mensen, hoe breder het interval.',
  'over.method.intervals.wilson':
    'Percentages, en cijfers per 1.000 waarbij de teller personen uit de noemer telt (bijvoorbeeld inwoners met bijstand per 1.000 inwoners): het Wilson-score-interval voor een aandeel. Dat interval blijft ook bij kleine aantallen en bij waarden dicht bij 0 of 100% betrouwbaar.',
  'over.method.intervals.poisson':
    'Cijfers van gebeurtenissen per 1.000, waarbij één persoon vaker kan meetellen (zoals meldingen of aanvragen): het exacte Poisson-interval (Garwood). Het kompas kiest per cijfer: is de teller groter dan de noemer, dan kan het geen aandeel zijn en geldt Poisson; anders Wilson.',
  'over.method.intervals.none': 'Aantallen en gemiddelden uit registraties krijgen geen interval.',
  'over.method.comparison.title': 'Beter, slechter of geen duidelijk verschil',
  'over.method.comparison.p1':
    'Het kompas vergelijkt een gebied op twee manieren: met de vorige meting (het vorige jaar met een getoonde waarde; een geheim jaar wordt overgeslagen, bij een enquête telt de vorige ronde) en met de gemeente. Een verschil heet alleen “duidelijk beter” of “duidelijk slechter” als het 95%-interval van het verschil de nul niet bevat, dus als het verschil groter is dan de toevallige schommeling. Anders staat er “geen duidelijk verschil”.',
  'over.method.comparison.newcombe':
    'Voor het verschil tussen twee percentages of aandelen gebruiken we het hybride score-interval van Newcombe (gebouwd op twee Wilson-intervallen).',
  'over.method.comparison.mover':
    'Voor het verschil tussen twee cijfers van gebeurtenissen gebruiken we MOVER, dezelfde opbouw uit de twee exacte Poisson-intervallen. Heeft een van beide cijfers meer gebeurtenissen dan personen, dan rekenen beide als gebeurtenissen.',
  'over.method.comparison.rest':
    'Of een gebied duidelijk afwijkt van de gemeente, toetst het kompas tegen de rest van de gemeente (de gemeente zonder dat gebied), niet tegen de hele gemeente. Het gebied zit zelf in het gemeentecijfer; de twee cijfers zijn dan niet onafhankelijk, en een grote wijk lijkt vanzelf op zijn gemeente. Het verschil dat u ziet, blijft dat met de hele gemeente.',
  'over.method.comparison.noise':
    'Zo springt een klein dorp niet op rood of groen door toeval: met weinig inwoners is het interval breed, en is er pas een duidelijk verschil als de verandering echt groot is.',
  'over.method.comparison.unknown':
    'Zonder teller en noemer, of als een van de twee waarden geheim is, kan het kompas niet zeggen of een verschil duidelijk is; dan geeft het geen oordeel.',
  'over.method.direction.title': 'Richting: welke kant is goed?',
  'over.method.direction.p1':
    'Bij elke indicator staat welke kant goed is: hoger is beter (bijvoorbeeld arbeidsparticipatie), lager is beter (bijvoorbeeld eenzaamheid), of geen goede of slechte richting.',
  'over.method.direction.p2':
    'Geen richting (neutraal) betekent dat meer of minder niet vanzelf goed of slecht is: meer Wmo-cliënten kan betekenen dat de hulp beter bereikbaar is, maar ook dat de nood groter is. Neutrale indicatoren krijgen nooit een oordeel “beter” of “slechter” en nooit een groene of rode kleur; het kompas toont alleen de waarde en hoe die veranderde. Heeft de gemeente voor zo’n indicator wel een doel met een richting gekozen, dan wordt dat doel beoordeeld.',
  'over.method.aims.title': 'Doelen: behaald, op koers, niet op koers of onbekend',
  'over.method.aims.p1':
    'Een doel van de gemeente hoort bij één indicator en geldt voor alle gebieden of voor één gebied. Het heeft een nulmeting (het basisjaar), een doeljaar en een streefwaarde, een bandbreedte of alleen een richting (“daalt”, “stijgt”). De richting van het doel telt, ook bij een indicator die zelf geen richting heeft. Het kompas geeft elk doel een van vier oordelen:',
  'over.method.aims.behaald.term': 'Behaald',
  'over.method.aims.behaald.text':
    'de laatste waarde haalt de streefwaarde (bij “hoger is beter” minstens de streefwaarde, bij “lager is beter” hoogstens) of ligt binnen de bandbreedte, de grenzen meegerekend.',
  'over.method.aims.opKoers.term': 'Op koers',
  'over.method.aims.opKoers.text':
    'het doel is nog niet gehaald, maar de trend haalt het wel. De trend is een rechte lijn door de metingen (kleinste kwadraten), vanaf de nulmeting, over hoogstens de laatste 6 jaar en met minstens 3 metingen. Die lijn wordt doorgetrokken naar het doeljaar; haalt de doorgetrokken waarde het doel, dan is het doel op koers. Het kompas toont ook het 95%-voorspellingsinterval van die waarde: hoe breder, hoe onzekerder de voorspelling. Bij een doel met alleen een richting: sinds de nulmeting is er een duidelijke verandering in die richting.',
  'over.method.aims.nietOpKoers.term': 'Niet op koers',
  'over.method.aims.nietOpKoers.text':
    'de doorgetrokken lijn haalt het doel in het doeljaar niet. Bij een doel met alleen een richting: sinds de nulmeting is er een duidelijke verandering de verkeerde kant op, of geen duidelijke verandering in de goede richting; ook dat laatste telt als niet op koers (zie “Beter, slechter of geen duidelijk verschil”).',
  'over.method.aims.onbekend.term': 'Onbekend',
  'over.method.aims.onbekend.text':
    'er zijn minder dan 3 metingen voor de trendlijn, er is nog geen meting sinds de nulmeting, of de laatste waarde is geheim. Bij een doel met alleen een richting ook als de nulmeting ontbreekt of geheim is, of als er geen teller en noemer zijn om een verandering van toeval te onderscheiden.',
  'over.method.aims.passed':
    'Vanaf het doeljaar telt de werkelijke waarde en niet meer de trend: haalt de laatste meting tot en met het doeljaar het doel (bij een doel met alleen een richting: een duidelijke verandering in die richting sinds de nulmeting), dan is het doel behaald, anders niet op koers.',
  'over.method.suppression.title': 'Geheim: kleine aantallen',
  'over.method.suppression.p1':
    'Een waarde die rust op minder personen dan het minimum aantal van de indicator (zie de tabel met indicatoren) wordt nergens getoond: niet op de kaart, niet in het kompas, niet in grafieken, tabellen of downloads. Er staat dan “geheim” of het CBS-teken “•”. Zo is niemand in een kleine buurt herkenbaar.',
  'over.method.suppression.p2':
    'Ook een cijfer dat een geheime waarde door aftrekken zou verraden, wordt geheim. Als de cijfers van een wijk precies de som zijn van die van haar buurten (zoals bij eigen registraties), zou de wijk min de zichtbare buurten een geheime buurt onthullen. Dan wordt ook de kleinste andere buurt van die wijk geheim (secundaire geheimhouding); zo ook een wijk naast een geheime wijk in de gemeente. Een eigen gebied is geheim als zijn geheime buurten samen te klein zijn, of als het sommige maar niet alle geheime buurten van een wijk bevat. CBS-cijfers tellen door afronding niet precies op; die gebruikt het kompas zoals het CBS ze publiceert.',
  'over.method.suppression.p3':
    'Voor cijfers van het CBS gelden de regels van het CBS zelf: aantallen in de zorg (jeugdhulp, Wmo) zijn afgerond op vijftallen en de waarden 0 tot en met 7 zijn geheim; inkomenscijfers worden alleen gepubliceerd bij minstens 100 personen of huishoudens. Het kompas neemt die cijfers over zoals het CBS ze publiceert en rekent ze niet terug. Door het afronden tellen buurten soms niet precies op tot het totaal.',
  'over.method.signals.title': 'Signalen',
  'over.method.signals.p1':
    'Signalen zijn de grootste duidelijke veranderingen in een gebied: alleen veranderingen die “duidelijk beter” of “duidelijk slechter” zijn, sinds de vorige meting of sinds de nulmeting van een doel. Ze staan in volgorde van hoe ver ze boven de ruis uitkomen: het verschil gedeeld door de afstand van dat verschil tot de grens van zijn 95%-interval aan de kant van nul. Boven 1 is een verschil duidelijk; 2 betekent twee keer zo groot als de ruis. Neutrale indicatoren geven geen signalen.',
  'over.method.privacy.title': 'Privacy: alles blijft in uw browser',
  'over.method.privacy.p1':
    'Het gebiedskompas werkt helemaal in uw browser. De gegevens worden in uw browser geladen en doorgerekend; er gaat niets naar een server, ook niet als u eigen bestanden toevoegt. Er worden geen gegevens over uw gebruik verzameld.',
} as const;
