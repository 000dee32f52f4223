/** Dutch text of the over feature (merged into nl.ts). The page title itself is 'over.title' in nl.ts. */
export const overNL = {
  'over.intro':
    'Deze pagina beschrijft waar de cijfers vandaan komen, wat elke indicator meet en hoe het kompas rekent: hoe gebieden worden samengeteld, wanneer een verschil “duidelijk” is, hoe groot een verandering moet zijn om te zien, hoe doelen en signalen worden beoordeeld en welke cijfers geheim blijven.',
  'over.toc.label': 'Inhoud van deze pagina',
  'over.dataset.heading': 'De dataset',
  'over.dataset.title': 'Titel',
  'over.dataset.description': 'Beschrijving',
  'over.dataset.publisher': 'Uitgever',
  'over.dataset.licence': 'Licentie',
  'over.dataset.attribution': 'Bronvermelding',
  'over.dataset.periods': 'Jaren',
  'over.dataset.renamed': 'Hernoemde gebieden',
  'over.dataset.renamedArea': '{name} (voorheen {former})',
  'over.dataset.periodsRange': '{first} tot en met {last}',
  'over.dataset.periodsCount.one': '{count} meting',
  'over.dataset.periodsCount.other': '{count} metingen',
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
  'over.method.verdicts.title': 'Wat de woorden van het kompas betekenen',
  'over.method.verdicts.p1':
    'Het kompas zegt alleen iets als de cijfers het echt laten zien. In het kort, daarna in detail:',
  'over.method.verdicts.better.term': 'Duidelijk beter / duidelijk slechter',
  'over.method.verdicts.better.text':
    'het verschil (met het vorige jaar, of met de rest van de gemeente) is groter dan toeval door kleine aantallen, groter dan de gewone schommeling tussen jaren en gebieden, en blijft dat ook nu er veel vergelijkingen tegelijk zijn gemaakt. U kunt erop bouwen dat hier echt iets anders is.',
  'over.method.verdicts.unclear.term': 'Geen duidelijk verschil',
  'over.method.verdicts.unclear.text':
    'de cijfers kunnen een verschil niet van toeval of gewone schommeling onderscheiden. Dat betekent niet dat er niets veranderd is: een echte maar kleine verandering in een klein dorp krijgt vaak dit oordeel, omdat een paar mensen meer of minder het cijfer daar al flink laten bewegen.',
  'over.method.verdicts.neutral.term': 'Neutraal',
  'over.method.verdicts.neutral.text':
    'bij deze indicator is meer niet vanzelf beter of slechter (bijvoorbeeld het gebruik van Wmo-voorzieningen); het kompas toont de waarde en het verschil, zonder oordeel.',
  'over.method.verdicts.onzeker.term': 'Onzeker (bij een doel)',
  'over.method.verdicts.onzeker.text':
    'de streefwaarde ligt binnen de onzekerheid: de gegevens kunnen nog niet zeggen of het doel gehaald wordt. Het kompas toont dan de kans dat het doel gehaald wordt.',
  'over.method.verdicts.signal.term': 'Signaal: nieuw of aanhoudend',
  'over.method.verdicts.signal.text':
    'een signaal is een blijvende verandering, geen uitschieter van één jaar. “Nieuw” betekent dat het signaal er bij de vorige meting nog niet was; “aanhoudend” dat er bij de vorige meting al een signaal in dezelfde richting was.',
  'over.method.intervals.title': 'Onzekerheid: het 95%-interval',
  'over.method.intervals.p1':
    'Een percentage van een klein dorp schommelt van jaar tot jaar, ook als er eigenlijk niets verandert: één gezin meer of minder maakt al een groot verschil. Daarom berekent het kompas bij cijfers met een teller en een noemer een 95%-interval: het bereik waarbinnen de werkelijke waarde met 95% betrouwbaarheid ligt. Hoe minder mensen, hoe breder het interval.',
  'over.method.intervals.wilson':
    'Percentages, en cijfers per 1.000 waarbij de teller personen uit de noemer telt (bijvoorbeeld inwoners met bijstand per 1.000 inwoners): het score-interval van Wilson (1927) voor een aandeel. Dat interval blijft ook bij kleine aantallen en bij waarden dicht bij 0 of 100% betrouwbaar.',
  'over.method.intervals.poisson':
    'Cijfers van gebeurtenissen per 1.000, waarbij één persoon vaker kan meetellen (zoals meldingen of aanvragen): het exacte Poisson-interval van Garwood (1936). Het kompas kiest per cijfer: is de teller groter dan de noemer, dan kan het geen aandeel zijn en geldt Poisson; anders Wilson.',
  'over.method.intervals.none': 'Aantallen en gemiddelden uit registraties krijgen geen interval.',
  'over.method.intervals.rounding':
    'Afgeronde aantallen. Het CBS rondt veel aantallen af, bijvoorbeeld uitkeringen op tientallen en zorggebruik op vijftallen; de gegevens zeggen per indicator op hoeveel (de kolommen rounding en denominator_rounding). Het echte aantal kan dan overal in dat bereik liggen. Het kompas rekent daarom met de minst gunstige waarde: het interval wordt verbreed tot het de hele afrondingsmarge dekt, en bij elke vergelijking wordt het verschil eerst verkleind met wat de afronding kan verklaren. Een verschil dat alleen door afronding zou kunnen bestaan, heet nooit duidelijk.',
  'over.method.comparison.title': 'Duidelijk beter, duidelijk slechter of geen duidelijk verschil',
  'over.method.comparison.p1':
    'Het kompas vergelijkt een gebied op twee manieren: met de vorige meting (het vorige jaar met een getoonde waarde; een geheim jaar wordt overgeslagen, bij een enquête telt de vorige ronde) en met de rest van zijn gemeente. Een verschil heet alleen “duidelijk beter” of “duidelijk slechter” als aan twee voorwaarden is voldaan:',
  'over.method.comparison.interval':
    'het 95%-interval van het verschil bevat de nul niet: het verschil is groter dan het toeval door kleine aantallen; en',
  'over.method.comparison.test':
    'een toets die daarbovenop de gewone schommeling tussen gebieden en jaren meetelt (zie “Gewone schommeling”), is een ontdekking volgens Benjamini en Hochberg, waarbij alle vergelijkingen die voor het gebied en jaar tegelijk worden getoond samen tellen (zie “Veel vergelijkingen tegelijk”).',
  'over.method.comparison.p2':
    'Anders staat er “geen duidelijk verschil”. Het interval van een verschil wordt opgebouwd uit de intervallen van de twee cijfers (de MOVER-methode):',
  'over.method.comparison.newcombe':
    'voor twee percentages of aandelen is dat het hybride score-interval van Newcombe (1998), gebouwd op twee Wilson-intervallen;',
  'over.method.comparison.mover':
    'voor twee cijfers van gebeurtenissen dezelfde opbouw uit twee exacte Poisson-intervallen (MOVER, Zou en Donner 2008). Heeft een van beide cijfers meer gebeurtenissen dan personen, dan rekenen beide als gebeurtenissen.',
  'over.method.comparison.rest':
    'Of een gebied duidelijk afwijkt van de gemeente, toetst het kompas tegen de rest van de gemeente (de gemeente zonder dat gebied), niet tegen de hele gemeente. Het gebied zit zelf in het gemeentecijfer; de twee cijfers zijn dan niet onafhankelijk, en een grote wijk lijkt vanzelf op zijn gemeente. Het verschil dat u ziet, blijft dat met de hele gemeente.',
  'over.method.comparison.village':
    'Waarom een klein dorp vaak “geen duidelijk verschil” krijgt: met weinig inwoners is het interval breed. Gaan in een dorp van 500 inwoners 5 mensen meer in de bijstand, dan stijgt het percentage met een heel procentpunt, en toch kan dat gewoon toeval zijn. Pas een grote verandering is daar duidelijk; de tabel onder “Hoe groot moet een verandering zijn?” laat zien hoe groot.',
  'over.method.comparison.unknown':
    'Zonder teller en noemer, of als een van de twee waarden geheim is, kan het kompas niet zeggen of een verschil duidelijk is; dan geeft het geen oordeel.',
  'over.method.variation.title': 'Gewone schommeling tussen jaren en gebieden',
  'over.method.variation.p1':
    'Het 95%-interval meet alleen het toeval van kleine aantallen. Maar gebieden en jaren verschillen ook om gewone redenen: wie er verhuist, een nieuwe zorgaanbieder, een ander wijkteam. In een grote wijk van 10.000 inwoners is het interval smal; als het kompas alleen dat interval gebruikte, zou zo’n wijk bijna elk jaar “duidelijk” anders zijn dan het jaar ervoor of dan de gemeente, alleen door die gewone schommeling. Daarom telt het kompas die schommeling mee, en heet een verschil pas duidelijk als het daar bovenuit komt:',
  'over.method.variation.scale':
    'Teller en noemer worden eerst omgerekend naar een schaal waarop het toeval van elk cijfer alleen van het aantal mensen afhangt (de variantie-stabiliserende transformatie van Anscombe 1948: de arcsinus van de wortel voor aandelen, de wortel voor gebeurtenissen). Op die schaal wordt de gewone schommeling opgeteld bij het toeval en wordt elk verschil getoetst.',
  'over.method.variation.between':
    'Tussen gebieden: per indicator en jaar wordt geschat hoeveel de gebieden van hetzelfde niveau in de gemeente (buurten met buurten, wijken met wijken) meer van elkaar verschillen dan toeval verklaart. Dat is de methode van de trechtergrafieken (funnel plots) en overspreiding van Spiegelhalter (2005): een additief random-effectsmodel, geschat met de momentenmethode van DerSimonian en Laird (1986). De meest afwijkende 10% aan elke kant wordt daarbij afgetopt (Winsorisatie op 10% en 90%), zodat de uitschieters die het kompas zoekt zichzelf niet verbergen.',
  'over.method.variation.time':
    'Tussen jaren: per indicator en niveau wordt uit de veranderingen van jaar op jaar van alle gebieden geschat hoeveel een gebied van jaar tot jaar gewoonlijk beweegt, meer dan toeval. Voor de gemeente zelf, die geen gelijken heeft om mee te vergelijken, gebeurt dat uit haar eigen reeks rond een gewogen rechte lijn.',
  'over.method.variation.p2':
    'Zo krijgt een grote wijk niet elk jaar een oordeel alleen door gewone schommeling, en heeft een klein dorp een grote verandering nodig omdat zijn interval breed is.',
  'over.method.multiplicity.title': 'Veel vergelijkingen tegelijk',
  'over.method.multiplicity.p1':
    'Voor één gebied en één jaar toont het kompas tientallen oordelen tegelijk: voor elke indicator een vergelijking met het vorige jaar en met de gemeente. Als elk daarvan los met 95% zekerheid werd getoetst, kreeg een gebied waar niets veranderd is de meeste jaren toch één of twee keer “duidelijk”, puur door toeval.',
  'over.method.multiplicity.p2':
    'Daarom tellen alle oordelen met een richting die voor een gebied en jaar samen worden getoond als één familie, en is een oordeel alleen “duidelijk” als het een ontdekking is volgens de procedure van Benjamini en Hochberg (1995) met een false discovery rate van 5% (q = 0,05): gemiddeld is hoogstens 1 op de 20 “duidelijke” oordelen toeval, en als er in het gebied niets veranderd is, is de kans op ook maar één “duidelijk” hoogstens 5%. Bij elk oordeel staat hoeveel vergelijkingen er tegelijk zijn gemaakt. Signalen vormen per gebied en jaar een eigen familie.',
  'over.method.detectable.title': 'Hoe groot moet een verandering zijn?',
  'over.method.detectable.p1':
    'De tabel laat zien hoe groot een verandering tussen twee jaren minstens moet zijn voordat het kompas haar duidelijk noemt, voor een gebied waar {rate} van alle inwoners iets heeft (bijvoorbeeld een uitkering), met evenveel inwoners in beide jaren. De getallen zijn op deze pagina berekend door dezelfde code die de oordelen in het kompas geeft, voor één vergelijking met het vorige jaar, met alleen het toeval van kleine aantallen.',
  'over.method.detectable.p2':
    'Dit is de ondergrens. In het kompas ligt de drempel hoger: daar worden tientallen vergelijkingen tegelijk gemaakt (Benjamini–Hochberg) en telt de gewone schommeling tussen jaren mee. Ook een aandeel van een kleinere groep dan alle inwoners (bijvoorbeeld jongeren), en afgeronde aantallen, vragen een grotere verandering.',
  'over.detectable.caption':
    'Kleinste verandering die het kompas duidelijk noemt, bij een aandeel van {rate} van alle inwoners, in procentpunten en in aantal personen',
  'over.detectable.col.inhabitants': 'Inwoners',
  'over.detectable.col.before': 'Aandeel {rate}: personen',
  'over.detectable.col.rise': 'Kleinste duidelijke stijging',
  'over.detectable.col.fall': 'Kleinste duidelijke daling',
  'over.detectable.cell': '{change} (van {from} naar {to} personen)',
  'over.detectable.none': 'niet te zien',
  'over.method.direction.title': 'Richting: welke kant is goed?',
  'over.method.direction.p1':
    'Bij elke indicator staat welke kant goed is: hoger is beter (bijvoorbeeld arbeidsparticipatie), lager is beter (bijvoorbeeld eenzaamheid), of geen goede of slechte richting.',
  'over.method.direction.p2':
    'Geen richting (neutraal) betekent dat meer of minder niet vanzelf goed of slecht is. Dat geldt voor het gebruik van zorg, zoals het gebruik van Wmo-voorzieningen: meer gebruik kan betekenen dat de hulp beter bereikbaar is, maar ook dat de nood groter is. (Bij de cijfers van het CBS is daarom ook het gebruik van jeugdhulp neutraal; welke richting elke indicator hier heeft, staat in de tabel met indicatoren.) Neutrale indicatoren krijgen nooit een oordeel “beter” of “slechter”, nooit een groene of rode kleur en geen signaal; het kompas toont alleen de waarde en hoe die veranderde. Heeft de gemeente voor zo’n indicator wel een doel met een richting gekozen, dan wordt dat doel beoordeeld.',
  'over.method.aims.title': 'Doelen: behaald, op koers, onzeker, niet op koers of onbekend',
  'over.method.aims.p1':
    'Een doel van de gemeente hoort bij één indicator en geldt voor alle gebieden of voor één gebied. Het heeft een nulmeting (het basisjaar), een doeljaar en een streefwaarde, een bandbreedte of alleen een richting (“daalt”, “stijgt”). De richting van het doel telt, ook bij een indicator die zelf geen richting heeft. Elk oordeel beweert alleen wat het 95%-interval ondersteunt; het kompas toont ook de kans dat het doel gehaald wordt.',
  'over.method.aims.behaald.term': 'Behaald',
  'over.method.aims.behaald.text':
    'het hele 95%-interval van de laatste waarde ligt aan de goede kant van de streefwaarde (of binnen de bandbreedte). Bij een doel met alleen een richting: vanaf het doeljaar een duidelijke verandering in die richting sinds de nulmeting.',
  'over.method.aims.opKoers.term': 'Op koers',
  'over.method.aims.opKoers.text':
    'het doel is nog niet zeker gehaald, maar als de trend doorzet wel: het hele 95%-voorspellingsinterval van de waarde in het doeljaar ligt aan de goede kant van de streefwaarde (de kans dat het doel gehaald wordt is dan minstens 97,5%). Bij een doel met alleen een richting: sinds de nulmeting een duidelijke verandering in die richting.',
  'over.method.aims.onzeker.term': 'Onzeker',
  'over.method.aims.onzeker.text':
    'de streefwaarde ligt binnen het interval: de gegevens kunnen nog niet zeggen of het doel gehaald wordt. Bij een doel met alleen een richting: sinds de nulmeting geen duidelijke verandering. Een klein dorp zonder duidelijke verandering heeft zijn doel dus niet gemist; de cijfers kunnen het nog niet zeggen.',
  'over.method.aims.nietOpKoers.term': 'Niet op koers',
  'over.method.aims.nietOpKoers.text':
    'het hele interval ligt aan de verkeerde kant van de streefwaarde: als de trend doorzet, wordt het doel niet gehaald. Bij een doel met alleen een richting: sinds de nulmeting een duidelijke verandering de verkeerde kant op.',
  'over.method.aims.onbekend.term': 'Onbekend',
  'over.method.aims.onbekend.text':
    'te weinig gegevens: minder dan 3 metingen voor de trendlijn, nog geen meting sinds de nulmeting, of de laatste waarde is geheim. Bij een doel met alleen een richting ook als de nulmeting ontbreekt of geheim is, of als er geen teller en noemer zijn om een verandering van toeval te onderscheiden.',
  'over.method.aims.trend':
    'De trend is een lijn door de getoonde metingen vanaf de nulmeting, over hoogstens de laatste 6 jaar en met minstens 3 metingen, doorgetrokken naar het doeljaar. Ze wordt berekend met gewogen kleinste kwadraten op de logit-schaal voor percentages en op de log-schaal voor andere cijfers per 1.000, zodat een voorspelling altijd een mogelijke waarde is (tussen 0 en 100%, nooit onder 0). Elke meting weegt naar haar aantallen (meer mensen, meer gewicht) en naar de gewone schommeling van het gebied van jaar tot jaar. Liggen de metingen verder van de lijn dan dat verklaart, dan wordt het interval breder (de spreiding telt minstens als 1, nooit smaller dan de aantallen toelaten). Het kompas toont het 95%-voorspellingsinterval van de meting in het doeljaar.',
  'over.method.aims.passed':
    'Vanaf het doeljaar telt de werkelijke waarde en niet meer de trend: ligt het 95%-interval van de laatste meting tot en met het doeljaar aan de goede kant, dan is het doel behaald; ligt het helemaal aan de verkeerde kant, dan niet op koers; anders onzeker.',
  'over.method.aims.tested':
    'Getest met verzonnen cijfers waarin het ware cijfer gelijk bleef en het doel niet haalde: 0,35% van die doelen kreeg toch “behaald” of “op koers”.',
  'over.method.aims.ring':
    'In de kompasfiguur kleurt de buitenring van een thema alleen naar de doelen als het thema minstens twee doelen met een bekende stand heeft (behaald, op koers, onzeker of niet op koers), en de figuur zegt erbij hoeveel: “2 van 3 doelen op koers”. Eén doel is de stand van één indicator, die al in de tabel staat; als kleur van een heel thema zou het meer beweren dan het is. Met minder doelen blijft de ring neutraal en staat er “te weinig doelen”.',
  'over.method.ranks.title': 'Positie: “positie 12 van 80”',
  'over.method.ranks.p1':
    'Bij elke indicator met een goede richting staat de positie van het gebied tussen de gebieden van hetzelfde niveau in dezelfde gemeente (bijvoorbeeld alle wijken), in hetzelfde jaar; 1 is het beste. Een rangorde maakt toeval gemakkelijk: ook als alle wijken in werkelijkheid gelijk zijn, staat er één bovenaan en één onderaan. Daarom staat er altijd een 95%-interval bij: “positie 12 van 80 (95%-interval 5–23)”.',
  'over.method.ranks.p2':
    'Het interval wordt berekend zoals Goldstein en Spiegelhalter voorstellen (1996, “League tables and their limitations”, Journal of the Royal Statistical Society A 159): de echte waarde van elk gebied wordt duizend keer opnieuw getrokken uit zijn waarde en onzekerheid (uit teller en noemer, met de afronding en de gewone schommeling tussen jaren erbij), de gebieden worden telkens opnieuw gerangschikt, en het interval loopt van de 2,5%- tot de 97,5%-grens van de posities van het gebied. Zonder echte verschillen beslaat het interval het grootste deel van de lijst; alleen grote, echte verschillen geven een smal interval. Een indicator zonder teller en noemer, zonder goede richting of met minder dan drie gebieden krijgt geen positie.',
  'over.method.signals.title': 'Signalen: nieuw of aanhoudend',
  'over.method.signals.p1':
    'Een signaal is een verandering die blijft, niet één uitschieter (die het jaar erna vaak vanzelf terugzakt). Een indicator geeft een signaal als aan drie voorwaarden is voldaan:',
  'over.method.signals.shift':
    'het gemiddelde van de laatste twee metingen verschilt van het gemiddelde van hoogstens 4 metingen daarvoor (een verschuiving van het niveau; een signaal rust dus op minstens 3 metingen), gemeten met het toeval van kleine aantallen, de gewone schommeling van jaar tot jaar en afgeronde aantallen op hun minst gunstig;',
  'over.method.signals.sameSide': 'beide recente metingen liggen aan dezelfde kant van het eerdere niveau;',
  'over.method.signals.family':
    'de toets is een ontdekking volgens Benjamini en Hochberg (q = 0,05) onder alle signaaltoetsen van het gebied in dat jaar.',
  'over.method.signals.status':
    'Een signaal is “aanhoudend” als dezelfde indicator bij de vorige meting ook een signaal in dezelfde richting gaf, anders “nieuw”. Alleen het jaar waarin een indicator gemeten is kan een signaal geven: een enquêtecijfer van een eerder jaar telt in een jaar zonder meting niet opnieuw mee. Neutrale indicatoren geven geen signalen. Signalen staan in volgorde van hoe duidelijk ze zijn.',
  'over.method.signals.tested':
    'Getest met verzonnen cijfers waarin niets veranderde: in 3,8% van de buurt-jaren en 2,8% van de wijk-jaren verscheen toch minstens één signaal, bij de gemeente in geen enkel jaar; met extra gewone schommeling 4,6%, 3,1% en 2,8%. Daalde de bijstand in een wijk van 10.000 inwoners (ongeveer 335 van 6.700 volwassenen) in twee jaar met een kwart, dan gaf het kompas in 28 van de 30 proeven (93%) een signaal.',
  'over.method.suppression.title': 'Geheim: kleine aantallen',
  'over.method.suppression.p1':
    'Een aantal van 1 tot en met 4 personen (de drempel van de indicator, standaard 5) en een cijfer over minder personen dan het minimum aantal van de indicator (zie de tabel met indicatoren) worden nergens getoond: niet op de kaart, niet in het kompas, niet in grafieken, tabellen, downloads of de SQL-console. Dat geldt voor het aantal zelf, in elke indicator waarin het voorkomt: de jongeren in de jeugdzorg zijn ook de noemer van “jeugdhulp zonder verblijf”, het aantal personen met bijstand is ook de teller van “bijstand per 1.000”. Indicatoren die dezelfde mensen tellen, herkent het kompas aan gelijke aantallen in alle gebieden en jaren, of aan numerator_id/denominator_id in het pakket. Er staat dan “geheim”. Zo is niemand in een kleine buurt herkenbaar.',
  'over.method.suppression.p2':
    'Ook een cijfer dat een geheim aantal zou verraden, wordt geheim. Een wijk is de som van haar buurten, de gemeente van haar wijken, een eigen gebied van zijn buurten; met aftrekken over al die sommen en over alle indicatoren die dezelfde mensen tellen, zou een geheim aantal soms uit te rekenen zijn. Het kompas rekent daarom bij het laden voor elk geheim aantal uit hoe nauw iemand met alle getoonde cijfers het kan insluiten (lineair programmeren, zoals τ-Argus en sdcTable doen), en maakt zo nodig het kleinste getoonde cijfer geheim dat het weer ruim genoeg maakt (secundaire geheimhouding), tot geen geheim aantal meer nauwer dan de drempel is in te sluiten. Een cijfer dat daarna toch precies uit te rekenen is, wordt weer getoond: “geheim” betekent echt geheim. Bij een pakket dat in delen wordt geleverd (heel Nederland) gebeurt dit alles één keer, als het pakket wordt gebouwd: de bestanden die de browser ophaalt, bevatten dan geen enkel geheim cijfer. Getoetst op de demo en op echte CBS-cijfers van Groningen: geen enkel geheim aantal is uit te rekenen of te nauw in te sluiten.',
  'over.method.suppression.p3':
    'Voor cijfers van het CBS gelden daarnaast de regels van het CBS zelf: aantallen in de zorg (jeugdhulp, Wmo) zijn afgerond op vijftallen, uitkeringen op tientallen, en kleine waarden zijn geheim; wat het CBS niet publiceert, heet “niet gepubliceerd”. Een afgerond aantal kan alles binnen zijn afrondingsmarge zijn; daar houdt de berekening rekening mee. Bij de oordelen telt een afgerond aantal op zijn minst gunstig (zie “Onzekerheid: het 95%-interval”).',
  'over.method.privacy.title': 'Privacy: alles blijft in uw browser',
  'over.method.privacy.p1':
    'Het gebiedskompas werkt helemaal in uw browser. De gegevens worden in uw browser geladen en doorgerekend; er gaat niets naar een server, ook niet als u eigen bestanden toevoegt. Er worden geen gegevens over uw gebruik verzameld.',
} as const;
