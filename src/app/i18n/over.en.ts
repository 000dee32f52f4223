/** English text of the over feature (merged into en.ts). */
import type { overNL } from './over.nl.ts';

export const overEN: Record<keyof typeof overNL, string> = {
  'over.intro':
    'This page describes where the figures come from, what each indicator measures and how the compass calculates: how areas are added up, when a difference is “clear”, how large a change must be to be seen, how aims and signals are assessed and which figures stay secret.',
  'over.toc.label': 'Contents of this page',
  'over.dataset.heading': 'The dataset',
  'over.dataset.title': 'Title',
  'over.dataset.description': 'Description',
  'over.dataset.publisher': 'Publisher',
  'over.dataset.licence': 'Licence',
  'over.dataset.attribution': 'Attribution',
  'over.dataset.periods': 'Years',
  'over.dataset.renamed': 'Renamed areas',
  'over.dataset.renamedArea': '{name} (formerly {former})',
  'over.dataset.periodsRange': '{first} to {last}',
  'over.dataset.periodsCount.one': '{count} measurement',
  'over.dataset.periodsCount.other': '{count} measurements',
  'over.dataset.noPeriods': 'none',
  'over.indicators.heading': 'The indicators',
  'over.indicators.intro':
    'Below are all indicators ({count}), by theme. For each indicator: what it measures, in which unit, which way is good, from how many people a value is shown, the source, and the municipality’s aims for it.',
  'over.indicators.caption':
    'Indicators of the theme {theme}: definition, unit, direction, minimum number of people, source and aims',
  'over.indicators.empty': 'This dataset has no indicators.',
  'over.col.indicator': 'Indicator',
  'over.col.definition': 'Definition',
  'over.col.unit': 'Unit',
  'over.col.direction': 'Direction',
  'over.col.minCount': 'Minimum number',
  'over.col.source': 'Source',
  'over.col.aims': 'Aims',
  'over.unit.percent': 'percentage (from 0 to 100)',
  'over.unit.per_1000': 'number per 1,000 people of the group in the definition (usually inhabitants)',
  'over.unit.per_10000': 'number per 10,000 people of the group in the definition (usually inhabitants)',
  'over.unit.count': 'number',
  'over.unit.euro': 'amount in euros',
  'over.unit.euro_x1000': 'amount in euros (the source gives thousands of euros)',
  'over.unit.years': 'number of years',
  'over.unit.score': 'score (the scale is in the definition)',
  'over.unit.km': 'distance in kilometres',
  'over.direction.up': 'Higher is better',
  'over.direction.down': 'Lower is better',
  'over.direction.neutral': 'No good or bad direction',
  'over.direction.neutralNote': 'the compass never says “better” or “worse” here',
  'over.minCount.value': 'At least {min} people; fewer: secret',
  'over.minCount.none': 'No threshold of its own (the source’s rules apply)',
  'over.aims.none': 'No aim',
  'over.aim.value': 'target {value} in {target}, baseline {baseline}',
  'over.aim.band': 'target between {low} and {high} in {target}, baseline {baseline}',
  'over.aim.up': 'direction: rise (target year {target}, baseline {baseline})',
  'over.aim.down': 'direction: fall (target year {target}, baseline {baseline})',
  'over.aim.neutral': 'target year {target}, baseline {baseline}',
  'over.aim.area': 'only for area {area}',
  'over.methods.heading': 'How the compass calculates',
  'over.methods.intro':
    'Below, in plain language, is how every figure and every verdict in the compass comes about, with the exact rules.',
  'over.method.aggregation.title': 'Adding up custom areas and totals',
  'over.method.aggregation.p1':
    'A custom area (for example a village made of a few neighbourhoods) and a total (such as the municipality) are calculated as a ratio of sums: first we add up the numerators of all neighbourhoods (for example the number of young people in youth care) and the denominators (the number of young people), then we divide the one sum by the other.',
  'over.method.aggregation.p2':
    'We never take the average of the neighbourhoods’ percentages. That would make a neighbourhood of 20 inhabitants count as much as one of 2,000.',
  'over.method.aggregation.example':
    'Example: in neighbourhood A, 10 of 100 young people receive youth care (10%), in neighbourhood B 90 of 300 (30%). Together that is 100 of 400 = 25%, not (10% + 30%) / 2 = 20%.',
  'over.method.aggregation.p3':
    'Averages without a denominator (for example an average income or an average score for which the number of people it rests on is not known) cannot be added up fairly. They are therefore not shown for custom areas and totals.',
  'over.method.verdicts.title': 'What the compass’s words mean',
  'over.method.verdicts.p1':
    'The compass only says something when the figures really show it. In short, then in detail:',
  'over.method.verdicts.better.term': 'Clearly better / clearly worse',
  'over.method.verdicts.better.text':
    'the difference (with the previous year, or with the rest of the municipality) is larger than chance from small numbers, larger than the ordinary variation between years and areas, and stays so now that many comparisons have been made at once. You can rely on something really being different here.',
  'over.method.verdicts.unclear.term': 'No clear difference',
  'over.method.verdicts.unclear.text':
    'the figures cannot tell a difference from chance or ordinary variation. That does not mean nothing changed: a real but small change in a small village often gets this verdict, because a few people more or less already move the figure a lot there.',
  'over.method.verdicts.neutral.term': 'Neutral',
  'over.method.verdicts.neutral.text':
    'for this indicator more is not better or worse in itself (for example the use of Wmo support); the compass shows the value and the difference, without a verdict.',
  'over.method.verdicts.onzeker.term': 'Uncertain (for an aim)',
  'over.method.verdicts.onzeker.text':
    'the target lies within the uncertainty: the data cannot yet tell whether the aim will be met. The compass then shows the probability that the aim is met.',
  'over.method.verdicts.signal.term': 'Signal: new or lasting',
  'over.method.verdicts.signal.text':
    'a signal is a lasting change, not a one-year outlier. “New” means there was no signal at the previous measurement; “lasting” means there already was a signal in the same direction at the previous measurement.',
  'over.method.intervals.title': 'Uncertainty: the 95% interval',
  'over.method.intervals.p1':
    'A percentage for a small village goes up and down from year to year even when nothing really changes: one family more or less already makes a big difference. So for figures with a numerator and a denominator the compass calculates a 95% interval: the range in which the true value lies with 95% confidence. The fewer people, the wider the interval.',
  'over.method.intervals.wilson':
    'Percentages, and rates per 1,000 where the numerator counts people from the denominator (for example inhabitants on social assistance per 1,000 inhabitants): the Wilson (1927) score interval for a proportion. It stays reliable with small numbers and with values close to 0 or 100%.',
  'over.method.intervals.poisson':
    'Rates of events per 1,000, where one person can be counted more than once (such as reports or requests): the exact Poisson interval of Garwood (1936). The compass chooses per figure: when the numerator is larger than the denominator it cannot be a proportion and Poisson applies; otherwise Wilson.',
  'over.method.intervals.none': 'Counts and averages from registers get no interval.',
  'over.method.intervals.rounding':
    'Rounded counts. CBS rounds many counts, for example benefits to tens and the use of care to fives; the data say by how much per indicator (the columns rounding and denominator_rounding). The true count can then be anywhere in that range. So the compass takes the least favourable value: the interval is widened until it covers the whole rounding range, and in every comparison the difference is first reduced by what rounding could explain. A difference that could exist through rounding alone is never called clear.',
  'over.method.comparison.title': 'Clearly better, clearly worse or no clear difference',
  'over.method.comparison.p1':
    'The compass compares an area in two ways: with the previous measurement (the previous year with a shown value; a secret year is skipped, and for a survey the previous round counts) and with the rest of its municipality. A difference is only called “clearly better” or “clearly worse” when two conditions hold:',
  'over.method.comparison.interval':
    'the 95% interval of the difference does not contain zero: the difference is larger than chance from small numbers; and',
  'over.method.comparison.test':
    'a test that also counts the ordinary variation between areas and years (see “Ordinary variation”) is a discovery by Benjamini and Hochberg’s procedure, in which all comparisons shown at once for the area and year count together (see “Many comparisons at once”).',
  'over.method.comparison.p2':
    'Otherwise it says “no clear difference”. The interval of a difference is built from the intervals of the two figures (the MOVER method):',
  'over.method.comparison.newcombe':
    'for two percentages or proportions this is Newcombe’s (1998) hybrid score interval, built from two Wilson intervals;',
  'over.method.comparison.mover':
    'for two rates of events the same construction from two exact Poisson intervals (MOVER, Zou and Donner 2008). When either figure has more events than people, both are treated as events.',
  'over.method.comparison.rest':
    'Whether an area differs clearly from the municipality is tested against the rest of the municipality (the municipality without that area), not against the whole municipality. The area is part of the municipal figure; the two figures are then not independent, and a large district would resemble its municipality by construction. The difference you see is still the one with the whole municipality.',
  'over.method.comparison.village':
    'Why a small village often gets “no clear difference”: with few inhabitants the interval is wide. If 5 more people in a village of 500 go on social assistance, the percentage rises by a whole percentage point, and yet that may well be chance. Only a large change is clear there; the table under “How large must a change be?” shows how large.',
  'over.method.comparison.unknown':
    'Without a numerator and a denominator, or when one of the two values is secret, the compass cannot tell whether a difference is clear; it then gives no verdict.',
  'over.method.variation.title': 'Ordinary variation between years and areas',
  'over.method.variation.p1':
    'The 95% interval only measures chance from small numbers. But areas and years also differ for ordinary reasons: who moves in or out, a new care provider, a different neighbourhood team. In a large district of 10,000 inhabitants the interval is narrow; if the compass used that interval alone, such a district would be “clearly” different from the year before or from the municipality almost every year, merely through that ordinary variation. So the compass counts that variation too, and a difference is only clear when it rises above it:',
  'over.method.variation.scale':
    'Numerator and denominator are first transformed to a scale on which each figure’s chance variation depends only on the number of people (Anscombe’s 1948 variance-stabilising transformation: the arcsine of the square root for proportions, the square root for events). On that scale the ordinary variation is added to chance and every difference is tested.',
  'over.method.variation.between':
    'Between areas: per indicator and year the compass estimates how much more the areas of the same level in the municipality (neighbourhoods with neighbourhoods, districts with districts) differ from each other than chance explains. This is the method of Spiegelhalter’s (2005) funnel plots and overdispersion: an additive random-effects model, estimated with the moment method of DerSimonian and Laird (1986). The most extreme 10% on either side are capped (Winsorised at 10% and 90%), so that the outliers the compass looks for do not hide themselves.',
  'over.method.variation.time':
    'Between years: per indicator and level, the compass estimates from all areas’ year-to-year changes how much an area ordinarily moves from year to year, beyond chance. For the municipality itself, which has no peers to compare with, this comes from its own series around a weighted straight line.',
  'over.method.variation.p2':
    'So a large district does not get a verdict every year through ordinary variation alone, and a small village needs a large change because its interval is wide.',
  'over.method.multiplicity.title': 'Many comparisons at once',
  'over.method.multiplicity.p1':
    'For one area and one year the compass shows dozens of verdicts at once: for every indicator a comparison with the previous year and with the municipality. If each were tested separately at 95% confidence, an area where nothing changed would still get “clearly” once or twice most years, by chance alone.',
  'over.method.multiplicity.p2':
    'So all directed verdicts shown together for an area and year count as one family, and a verdict is only “clear” when it is a discovery by the procedure of Benjamini and Hochberg (1995) at a false discovery rate of 5% (q = 0.05): on average at most 1 in 20 “clear” verdicts is chance, and when nothing changed in the area the probability of even one “clearly” is at most 5%. Each verdict says how many comparisons were made at once. Signals form a family of their own per area and year.',
  'over.method.detectable.title': 'How large must a change be?',
  'over.method.detectable.p1':
    'The table shows how large a change between two years must at least be before the compass calls it clear, for an area where {rate} of all inhabitants have something (for example a benefit), with the same number of inhabitants in both years. The numbers are calculated on this page by the same code that gives the verdicts in the compass, for one comparison with the previous year, with only chance from small numbers.',
  'over.method.detectable.p2':
    'This is the lower bound. In the compass the threshold is higher: there dozens of comparisons are made at once (Benjamini–Hochberg) and the ordinary variation between years counts too. A share of a smaller group than all inhabitants (for example young people), and rounded counts, also need a larger change.',
  'over.detectable.caption':
    'Smallest change the compass calls clear, for a share of {rate} of all inhabitants, in percentage points and in number of people',
  'over.detectable.col.inhabitants': 'Inhabitants',
  'over.detectable.col.before': 'Share {rate}: people',
  'over.detectable.col.rise': 'Smallest clear rise',
  'over.detectable.col.fall': 'Smallest clear fall',
  'over.detectable.cell': '{change} (from {from} to {to} people)',
  'over.detectable.none': 'not detectable',
  'over.method.direction.title': 'Direction: which way is good?',
  'over.method.direction.p1':
    'Each indicator says which way is good: higher is better (for example labour participation), lower is better (for example loneliness), or no good or bad direction.',
  'over.method.direction.p2':
    'No direction (neutral) means that more or less is not good or bad in itself. This holds for the use of care, such as the use of Wmo support: more use can mean that support is easier to reach, but also that the need is greater. (For CBS figures the use of youth care is therefore neutral too; the direction of each indicator here is in the table of indicators.) Neutral indicators never get a verdict “better” or “worse”, never a green or red colour and no signal; the compass only shows the value and how it changed. When the municipality has set an aim with a direction for such an indicator, that aim is assessed.',
  'over.method.aims.title': 'Aims: achieved, on course, uncertain, not on course or unknown',
  'over.method.aims.p1':
    'An aim of the municipality belongs to one indicator and holds for all areas or for one area. It has a baseline (the base year), a target year and a target value, a band, or only a direction (“falls”, “rises”). The aim’s direction counts, also for an indicator that has no direction of its own. Each status claims only what the 95% interval supports; the compass also shows the probability that the aim is met.',
  'over.method.aims.behaald.term': 'Achieved',
  'over.method.aims.behaald.text':
    'the whole 95% interval of the latest value lies on the right side of the target (or within the band). For an aim with only a direction: from the target year on, a clear change in that direction since the baseline.',
  'over.method.aims.opKoers.term': 'On course',
  'over.method.aims.opKoers.text':
    'the aim is not yet surely met, but it will be if the trend continues: the whole 95% prediction interval of the value in the target year lies on the right side of the target (the probability that the aim is met is then at least 97.5%). For an aim with only a direction: a clear change in that direction since the baseline.',
  'over.method.aims.onzeker.term': 'Uncertain',
  'over.method.aims.onzeker.text':
    'the target lies within the interval: the data cannot yet tell whether the aim will be met. For an aim with only a direction: no clear change since the baseline. So a small village without a clear change has not missed its aim; the figures cannot tell yet.',
  'over.method.aims.nietOpKoers.term': 'Not on course',
  'over.method.aims.nietOpKoers.text':
    'the whole interval lies on the wrong side of the target: if the trend continues, the aim will not be met. For an aim with only a direction: a clear change the wrong way since the baseline.',
  'over.method.aims.onbekend.term': 'Unknown',
  'over.method.aims.onbekend.text':
    'too little data: fewer than 3 measurements for the trend line, no measurement since the baseline yet, or the latest value is secret. For an aim with only a direction also when the baseline value is missing or secret, or when there is no numerator and denominator to tell a change from chance.',
  'over.method.aims.trend':
    'The trend is a line through the shown measurements from the baseline, over at most the last 6 years and with at least 3 measurements, extended to the target year. It is calculated by weighted least squares on the logit scale for percentages and on the log scale for other rates per 1,000, so that a projection is always a possible value (between 0 and 100%, never below 0). Each measurement weighs by its numbers (more people, more weight) and by the area’s ordinary variation from year to year. When the measurements lie further from the line than that explains, the interval becomes wider (the dispersion counts as at least 1, never narrower than the numbers allow). The compass shows the 95% prediction interval of the measurement in the target year.',
  'over.method.aims.passed':
    'From the target year on, the actual value counts and no longer the trend: if the 95% interval of the latest measurement up to the target year lies on the right side, the aim is achieved; if it lies entirely on the wrong side, not on course; otherwise uncertain.',
  'over.method.aims.tested':
    'Tested on made-up figures in which the true rate stayed the same and missed the target: 0.35% of those aims were still called “achieved” or “on course”.',
  'over.method.aims.ring':
    'In the compass graphic a theme’s outer ring is coloured by its aims only when the theme has at least two aims with a known status (achieved, on course, uncertain or not on course), and the graphic says how many: “2 of 3 aims on course”. One aim is one indicator’s status, already shown in the table; as the colour of a whole theme it would claim more than it is. With fewer aims the ring stays neutral and says “too few aims”.',
  'over.method.ranks.title': 'Position: “position 12 of 80”',
  'over.method.ranks.p1':
    'For every indicator with a good direction the Kompas gives the area’s position among the areas of the same level in the same municipality (for example all wijken), in the same year; 1 is best. Chance easily makes an order: even when all wijken are truly equal, one is on top and one at the bottom. So the position always comes with a 95% interval: “position 12 of 80 (95% interval 5–23)”.',
  'over.method.ranks.p2':
    'The interval is computed as Goldstein and Spiegelhalter propose (1996, “League tables and their limitations”, Journal of the Royal Statistical Society A 159): each area’s true value is drawn a thousand times from its value and uncertainty (from numerator and denominator, with rounding and the ordinary variation between years added), the areas are ranked again each time, and the interval runs from the 2.5% to the 97.5% point of the area’s positions. Without true differences the interval spans most of the list; only large, real differences give a narrow one. An indicator without numerator and denominator, without a good direction or with fewer than three areas gets no position.',
  'over.method.signals.title': 'Signals: new or lasting',
  'over.method.signals.p1':
    'A signal is a change that lasts, not one outlier (which often falls back by itself the year after). An indicator gives a signal when three conditions hold:',
  'over.method.signals.shift':
    'the mean of the latest two measurements differs from the mean of at most 4 measurements before them (a shift in level; so a signal always rests on at least 3 measurements), measured with chance from small numbers, the ordinary variation from year to year and rounded counts at their least favourable;',
  'over.method.signals.sameSide': 'both recent measurements lie on the same side of the earlier level;',
  'over.method.signals.family':
    'the test is a discovery by Benjamini and Hochberg’s procedure (q = 0.05) among all signal tests of the area in that year.',
  'over.method.signals.status':
    'A signal is “lasting” when the same indicator also gave a signal in the same direction at the previous measurement, otherwise “new”. Only the year in which an indicator was measured can give a signal: a survey figure of an earlier year does not count again in a year without a measurement. Neutral indicators give no signals. Signals are listed in order of how clear they are.',
  'over.method.signals.tested':
    'Tested on made-up figures in which nothing changed: 3.8% of neighbourhood-years and 2.8% of district-years still got at least one signal, the municipality in no year at all; with extra ordinary variation 4.6%, 3.1% and 2.8%. When social assistance in a district of 10,000 inhabitants (about 335 of 6,700 adults) fell by a quarter over two years, the compass gave a signal in 28 of 30 trials (93%).',
  'over.method.suppression.title': 'Secret: small numbers',
  'over.method.suppression.p1':
    'A count of 1 to 4 people (the indicator’s threshold, 5 by default) and a figure about fewer people than the indicator’s minimum (see the table of indicators) are shown nowhere: not on the map, in the compass, in charts, tables, downloads or the SQL console. That holds for the count itself, in every indicator it appears in: the young people in youth care are also the denominator of “youth care without residence”, the people on social assistance also the numerator of “social assistance per 1,000”. Indicators that count the same people are recognised by equal counts in every area and year, or by numerator_id/denominator_id in the package. The compass then says “secret”. So nobody in a small neighbourhood can be recognised.',
  'over.method.suppression.p2':
    'A figure that would give a secret count away becomes secret too. A district is the sum of its neighbourhoods, the municipality of its districts, a custom area of its neighbourhoods; by subtraction over all those sums and over every indicator counting the same people, a secret count could sometimes be worked out. So when a package loads, the compass works out for every secret count how narrowly anyone holding every shown figure could pin it down (linear programming, as τ-Argus and sdcTable do), and where needed makes secret the smallest shown figure that widens it enough (secondary suppression), until no secret count can be pinned down more narrowly than its threshold. A figure that can still be worked out exactly afterwards is shown again: “secret” means secret. For a package delivered in parts (all of the Netherlands) all this is done once, when the package is built: the files the browser fetches then hold no secret figure at all. Checked on the demo and on real CBS figures for Groningen: no secret count can be worked out or pinned down too narrowly.',
  'over.method.suppression.p3':
    'For CBS figures, CBS’s own rules apply as well: care counts (youth care, Wmo) are rounded to fives, benefits to tens, and small values are secret; what CBS does not publish is “not published”. A rounded count can be anything within its rounding range; the calculation allows for that. In the verdicts a rounded count counts at its least favourable (see “Uncertainty: the 95% interval”).',
  'over.method.privacy.title': 'Privacy: everything stays in your browser',
  'over.method.privacy.p1':
    'The area compass runs entirely in your browser. The data are loaded and calculated in your browser; nothing is sent to a server, not even when you add your own files. No data about your use are collected.',
};
