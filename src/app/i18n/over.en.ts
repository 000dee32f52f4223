/** English text of the over feature (merged into en.ts). */
import type { overNL } from './over.nl.ts';

export const overEN: Record<keyof typeof overNL, string> = {
  'over.intro':
    'This page describes where the figures come from, what each indicator measures and how the compass calculates: how areas are added up, when a difference is “clear”, how aims are assessed and which figures stay secret.',
  'over.toc.label': 'Contents of this page',
  'over.dataset.heading': 'The dataset',
  'over.dataset.title': 'Title',
  'over.dataset.description': 'Description',
  'over.dataset.publisher': 'Publisher',
  'over.dataset.licence': 'Licence',
  'over.dataset.attribution': 'Attribution',
  'over.dataset.periods': 'Years',
  'over.dataset.periodsRange': '{first} to {last}',
  'over.dataset.periodsCount': '{count} measurements',
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
  'over.method.intervals.title': 'Uncertainty: the 95% interval',
  'over.method.intervals.p1':
    'A percentage for a small village goes up and down from year to year even when nothing really changes: one family more or less already makes a big difference. So for figures with a numerator and a denominator the compass calculates a 95% interval: the range in which the true value lies with 95% confidence. The fewer people, the wider the interval.',
  'over.method.intervals.wilson':
    'Percentages, and rates per 1,000 where the numerator counts people from the denominator (for example inhabitants on social assistance per 1,000 inhabitants): the Wilson score interval for a proportion. It stays reliable with small numbers and with values close to 0 or 100%.',
  'over.method.intervals.poisson':
    'Rates of events per 1,000, where one person can be counted more than once (such as reports or requests): the exact Poisson interval (Garwood). The compass chooses per figure: when the numerator is larger than the denominator it cannot be a proportion and Poisson applies; otherwise Wilson.',
  'over.method.intervals.none': 'Counts and averages from registers get no interval.',
  'over.method.comparison.title': 'Better, worse or no clear difference',
  'over.method.comparison.p1':
    'The compass compares an area in two ways: with the previous measurement (the previous year with a shown value; a secret year is skipped, and for a survey the previous round counts) and with the municipality. A difference is only called “clearly better” or “clearly worse” when the 95% interval of the difference does not contain zero, that is, when the difference is larger than chance variation. Otherwise it says “no clear difference”.',
  'over.method.comparison.newcombe':
    'For the difference between two percentages or proportions we use Newcombe’s hybrid score interval (built from two Wilson intervals).',
  'over.method.comparison.mover':
    'For the difference between two rates of events we use MOVER, the same construction from the two exact Poisson intervals. When either figure has more events than people, both are treated as events.',
  'over.method.comparison.rest':
    'Whether an area differs clearly from the municipality is tested against the rest of the municipality (the municipality without that area), not against the whole municipality. The area is part of the municipal figure; the two figures are then not independent, and a large district would resemble its municipality by construction. The difference you see is still the one with the whole municipality.',
  'over.method.comparison.noise':
    'This way a small village does not turn red or green by chance: with few inhabitants the interval is wide, and a difference is only clear when the change is really large.',
  'over.method.comparison.unknown':
    'Without a numerator and a denominator, or when one of the two values is secret, the compass cannot tell whether a difference is clear; it then gives no verdict.',
  'over.method.direction.title': 'Direction: which way is good?',
  'over.method.direction.p1':
    'Each indicator says which way is good: higher is better (for example labour participation), lower is better (for example loneliness), or no good or bad direction.',
  'over.method.direction.p2':
    'No direction (neutral) means that more or less is not good or bad in itself: more Wmo clients can mean that support is easier to reach, but also that the need is greater. Neutral indicators never get a verdict “better” or “worse” and never a green or red colour; the compass only shows the value and how it changed. When the municipality has set an aim with a direction for such an indicator, that aim is assessed.',
  'over.method.aims.title': 'Aims: achieved, on course, not on course or unknown',
  'over.method.aims.p1':
    'An aim of the municipality belongs to one indicator and holds for all areas or for one area. It has a baseline (the base year), a target year and a target value, a band, or only a direction (“falls”, “rises”). The aim’s direction counts, also for an indicator that has no direction of its own. The compass gives each aim one of four statuses:',
  'over.method.aims.behaald.term': 'Achieved',
  'over.method.aims.behaald.text':
    'the latest value meets the target (for “higher is better” at least the target, for “lower is better” at most) or lies within the band, its limits included.',
  'over.method.aims.opKoers.term': 'On course',
  'over.method.aims.opKoers.text':
    'the aim has not been met yet, but the trend meets it. The trend is a straight line through the measurements (least squares), from the baseline, over at most the last 6 years and with at least 3 measurements. The line is extended to the target year; if the projected value meets the target, the aim is on course. The compass also shows the 95% prediction interval of that value: the wider it is, the less certain the projection. For an aim with only a direction: since the baseline there has been a clear change in that direction.',
  'over.method.aims.nietOpKoers.term': 'Not on course',
  'over.method.aims.nietOpKoers.text':
    'the extended line does not meet the target in the target year. For an aim with only a direction: since the baseline there has been a clear change the wrong way, or no clear change the right way; the latter also counts as not on course (see “Better, worse or no clear difference”).',
  'over.method.aims.onbekend.term': 'Unknown',
  'over.method.aims.onbekend.text':
    'there are fewer than 3 measurements for the trend line, there is no measurement since the baseline yet, or the latest value is secret. For an aim with only a direction also when the baseline value is missing or secret, or when there is no numerator and denominator to tell a change from chance.',
  'over.method.aims.passed':
    'From the target year on, the actual value counts and no longer the trend: if the latest measurement up to the target year meets the target (for an aim with only a direction: a clear change in that direction since the baseline), the aim is achieved, otherwise not on course.',
  'over.method.suppression.title': 'Secret: small numbers',
  'over.method.suppression.p1':
    'A value based on fewer people than the indicator’s minimum number (see the table of indicators) is not shown anywhere: not on the map, not in the compass, not in charts, tables or downloads. It is shown as “secret” or with the CBS symbol “•”. This way nobody in a small neighbourhood can be recognised.',
  'over.method.suppression.p2':
    'A figure that would reveal a secret value by subtraction becomes secret too. Where a district’s figures are exactly the sum of its neighbourhoods’ (as with registry data), the district minus its visible neighbourhoods would reveal a secret neighbourhood. So the smallest other neighbourhood of that district is made secret as well (secondary suppression); likewise a district next to a secret district in the municipality. A custom area is secret when its secret neighbourhoods together are too small, or when it holds some but not all of a district’s secret neighbourhoods. CBS figures are rounded and do not add up exactly; the compass uses them as CBS publishes them.',
  'over.method.suppression.p3':
    'For figures from CBS (Statistics Netherlands), CBS’s own rules apply: care counts (youth care, Wmo) are rounded to multiples of 5 and the values 0 to 7 are secret; income figures are only published for at least 100 people or households. The compass uses these figures as CBS publishes them and does not try to recover the originals. Because of the rounding, neighbourhoods sometimes do not add up exactly to the total.',
  'over.method.signals.title': 'Signals',
  'over.method.signals.p1':
    'Signals are the largest clear changes in an area: only changes that are “clearly better” or “clearly worse”, since the previous measurement or since an aim’s baseline. They are ordered by how far they rise above the noise: the difference divided by the distance from that difference to the end of its 95% interval on the side of zero. Above 1 a difference is clear; 2 means twice the size of the noise. Neutral indicators give no signals.',
  'over.method.privacy.title': 'Privacy: everything stays in your browser',
  'over.method.privacy.p1':
    'The area compass runs entirely in your browser. The data are loaded and calculated in your browser; nothing is sent to a server, not even when you add your own files. No data about your use are collected.',
};
