/**
 * Why a CBS figure is missing, from a small written kwb-2024 file: the `.` that kwb-2024 has for jeugdzorg in every
 * row of a gemeente is "not published", not "secret"; a small wijk's `.` where the gemeente has the figure is secret;
 * an area without inhabitants says so. Through the importer into observations.csv, and through the loader into the
 * public table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { loadPackage } from '../../src/data/load.ts';
import { createNodeConnector } from '../../src/db/node.ts';
import { buildPackage } from '../../src/import/cbs/buildPackage.ts';
import { cellNumber } from '../../src/import/cbs/cellNumber.ts';
import { missingReason } from '../../src/import/cbs/missingReason.ts';
import { readSource } from '../../src/import/cbs/readSource.ts';

const KWB_2024 = [
  'gwb_code_10,regio,gm_naam,recs,a_inw,a_soz_wb,p_jz_tn',
  'NL00,Nederland,Nederland,Land,17942942,420000,.',
  'GM1979,Eemsdelta,Eemsdelta,Gemeente,45106,1230,.',
  // A large wijk: jeugdzorg is `.` here because it is `.` for the whole gemeente.
  'WK197901,Delfzijl-Centrum,Eemsdelta,Wijk,35000,900,.',
  // Nobody lives here.
  'WK197908,Oterdum,Eemsdelta,Wijk,0,.,.',
  // Five inhabitants: bijstand is secret (the gemeente has it), jeugdzorg is not published.
  'WK197910,Heveskes,Eemsdelta,Wijk,5,.,.',
  // An empty cell is no value at all, not a secret mark.
  'BU19790101,Centrum,Eemsdelta,Buurt,120,,.',
  '',
].join('\n');

function statuses(csv: string): Record<string, string> {
  const { header, rows } = parseCsv(csv, 'observations.csv');
  const at = (name: string) => header.indexOf(name);
  const out: Record<string, string> = {};
  for (const r of rows)
    out[`${r[at('area_code')]} ${r[at('indicator_id')]}`] = r[at('value')] === '' ? r[at('status')]! : r[at('value')]!;
  return out;
}

describe('missingReason', () => {
  it('tells secret from not published from no inhabitants', () => {
    const base = { marker: 'secret', inhabitants: 1000, gemeenteHasValue: true } as const;
    expect(missingReason({ ...base, level: 'wijk' })).toBe('secret');
    expect(missingReason({ ...base, level: 'buurt', gemeenteHasValue: false })).toBe('not_published');
    expect(missingReason({ ...base, level: 'buurt', marker: 'empty' })).toBe('not_published');
    expect(missingReason({ ...base, level: 'gemeente' })).toBe('not_published');
    expect(missingReason({ ...base, level: 'buurt', inhabitants: 0 })).toBe('no_inhabitants');
  });

  it("reads CBS's secret marks apart from an empty cell", () => {
    expect(cellNumber('   .')).toEqual({ kind: 'suppressed', marker: 'secret' });
    expect(cellNumber(-99999999)).toEqual({ kind: 'suppressed', marker: 'secret' });
    expect(cellNumber('')).toEqual({ kind: 'suppressed', marker: 'empty' });
    expect(cellNumber(null)).toEqual({ kind: 'suppressed', marker: 'empty' });
  });

  it("reads the Wijk- en buurtkaart's three sentinels apart, as numbers and as text", () => {
    expect(cellNumber(-99999999)).toEqual({ kind: 'suppressed', marker: 'secret' });
    expect(cellNumber(-99999998)).toEqual({ kind: 'suppressed', marker: 'notYetAvailable' });
    expect(cellNumber('-99999997')).toEqual({ kind: 'suppressed', marker: 'notApplicable' });
    expect(cellNumber(' -99999998 ')).toEqual({ kind: 'suppressed', marker: 'notYetAvailable' });
    // Another value of the range is read as secret; a real figure just outside it stays a number.
    expect(cellNumber(-99999995)).toEqual({ kind: 'suppressed', marker: 'secret' });
    expect(cellNumber(-99999989)).toEqual({ kind: 'number', value: -99999989 });
  });
});

/**
 * A small Wijk- en buurtkaart (2015 layout, upper-case attributes): each special value in a wijk whose gemeente has
 * the figure, and in the gemeente itself.
 */
const WBK_GEMEENTE = ['GM_CODE,GM_NAAM,AANT_INW,WWB_UITTOT,A_SOZ_OW', 'GM0999,Proefdorp,20000,500,-99999998', ''].join(
  '\n',
);
const WBK_WIJK = [
  'WK_CODE,WK_NAAM,GM_CODE,GM_NAAM,AANT_INW,WWB_UITTOT,A_SOZ_OW',
  'WK099901,Groot,GM0999,Proefdorp,8000,-99999999,1200',
  'WK099902,Leeg,GM0999,Proefdorp,0,-99999999,-99999997',
  'WK099903,Later,GM0999,Proefdorp,5000,-99999998,800',
  'WK099904,Nvt,GM0999,Proefdorp,7000,-99999997,-99999998',
  '',
].join('\n');

describe('the special values of the Wijk- en buurtkaart through the importer', () => {
  const observations = () =>
    buildPackage(
      [
        readSource({ fileName: 'wijkbuurtkaart_2015_gemeente.csv', text: WBK_GEMEENTE }),
        readSource({ fileName: 'wijkbuurtkaart_2015_wijk.csv', text: WBK_WIJK }),
      ],
      { id: 'sentinels', gemeenten: ['GM0999'] },
    ).files['observations.csv'];

  it('turns each into an empty value with its reason, never a number', () => {
    const s = statuses(observations());
    expect(s).toMatchObject({
      // -99999999 in a wijk whose gemeente has the figure: secret; nobody living there says so first.
      'WK099901 a_soz_wb': 'secret',
      'WK099902 a_soz_wb': 'no_inhabitants',
      // -99999998: nog niet beschikbaar, in a wijk and in the gemeente itself.
      'WK099903 a_soz_wb': 'not_yet_available',
      'GM0999 a_soz_ow': 'not_yet_available',
      'WK099904 a_soz_ow': 'not_yet_available',
      // -99999997: niet van toepassing, no figure to publish.
      'WK099904 a_soz_wb': 'not_published',
      'WK099902 a_soz_ow': 'no_inhabitants',
      // A rate is missing for the reason its count is.
      'WK099903 soz_wb_per_1000': 'not_yet_available',
      'WK099904 soz_wb_per_1000': 'not_published',
      'GM0999 a_soz_wb': '500',
      'WK099903 a_soz_ow': '800',
    });
    // No sentinel survives as a value anywhere.
    const { header, rows } = parseCsv(observations(), 'observations.csv');
    const value = header.indexOf('value');
    expect(rows.filter((r) => r[value]!.startsWith('-9999999'))).toEqual([]);
    // Four bijstand counts, their four rates and three AOW counts.
    expect(rows.filter((r) => r[value] === '').length).toBe(11);
  });
});

describe('the CBS importer records why a value is missing', () => {
  let db: Awaited<ReturnType<typeof createNodeConnector>>;
  beforeAll(async () => {
    db = await createNodeConnector();
  });
  afterAll(() => db?.close());

  const built = () =>
    buildPackage([readSource({ fileName: 'kwb-2024.csv', text: KWB_2024 })], { id: 'reasons', gemeenten: ['GM1979'] });

  it('writes the reason into the status column of observations.csv', () => {
    const s = statuses(built().files['observations.csv']);
    expect(s).toMatchObject({
      'GM1979 p_jz_tn': 'not_published',
      'NL00 p_jz_tn': 'not_published',
      'WK197901 p_jz_tn': 'not_published',
      'WK197910 p_jz_tn': 'not_published',
      'WK197910 a_soz_wb': 'secret',
      // The rate is missing for the reason its count is.
      'WK197910 soz_wb_per_1000': 'secret',
      'WK197908 a_soz_wb': 'no_inhabitants',
      'WK197908 p_jz_tn': 'no_inhabitants',
      'WK197908 soz_wb_per_1000': 'no_inhabitants',
      'BU19790101 a_soz_wb': 'not_published',
      'WK197901 a_soz_wb': '900',
    });
  });

  it('the loader publishes those reasons; what the disclosure rules hide is secret', async () => {
    await loadPackage(db, built().files);
    const rows = (
      await db.query(
        `SELECT area_code || ' ' || indicator_id AS k, status FROM observations
         WHERE indicator_id IN ('p_jz_tn', 'a_soz_wb') ORDER BY k`,
      )
    )
      .toArray()
      .map((r) => r.toJSON() as { k: string; status: string | null });
    const status = Object.fromEntries(rows.map((r) => [r.k, r.status]));
    expect(status['GM1979 p_jz_tn']).toBe('not_published');
    expect(status['WK197901 p_jz_tn']).toBe('not_published');
    expect(status['WK197908 p_jz_tn']).toBe('no_inhabitants');
    expect(status['WK197910 a_soz_wb']).toBe('secret');
  });
});
