import { describe, expect, it } from 'vitest';
import { DIRECTIONS, THEMES, UNITS, unitMultiplier } from '../../src/data/package.ts';
import { lookupVariable, odataBaseKey, VARIABLES, variableById } from '../../src/import/cbs/variables.ts';

describe('the CBS variable table', () => {
  it('has unique ids in kwb style, and valid theme, unit and direction', () => {
    const ids = VARIABLES.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const v of VARIABLES) {
      expect(v.id).toMatch(/^[a-z0-9_]+$/);
      expect(THEMES).toContain(v.theme);
      expect(UNITS).toContain(v.unit);
      expect(DIRECTIONS).toContain(v.direction);
      expect(Number.isInteger(v.decimals) && v.decimals >= 0).toBe(true);
      expect(v.min_count).toBeGreaterThanOrEqual(0);
      for (const text of [v.label_nl, v.label_en, v.definition_nl, v.definition_en, v.cbs_unit]) {
        expect(text.trim()).not.toBe('');
      }
    }
  });

  it('gives no name to two variables (the index would throw at load), ignoring case', () => {
    const owner = new Map<string, string>();
    for (const v of VARIABLES) {
      for (const name of [v.id, ...v.aliases]) {
        const key = name.toLowerCase();
        expect(owner.get(key) ?? v.id, `${name}`).toBe(v.id);
        owner.set(key, v.id);
      }
    }
  });

  it('makes every rate a ratio of two count variables, in a unit with a multiplier', () => {
    const rates = VARIABLES.filter((v) => v.numerator !== undefined || v.denominator !== undefined);
    expect(rates.length).toBeGreaterThan(10);
    for (const v of rates) {
      expect(unitMultiplier(v.unit), v.id).not.toBeNull();
      for (const part of [v.numerator, v.denominator]) {
        const count = variableById(part ?? '');
        expect(count?.unit, `${v.id}: ${part}`).toBe('count');
      }
    }
  });

  it('derives bijstand, AO and WW per 1 000 inhabitants from the counts, read from no column', () => {
    for (const key of ['wb', 'ao', 'ww']) {
      const rate = variableById(`soz_${key}_per_1000`)!;
      expect(rate).toMatchObject({
        unit: 'per_1000',
        direction: 'down',
        numerator: `a_soz_${key}`,
        denominator: 'a_inw',
        derived: true,
        aliases: [],
        // A count CBS rounds to tens over inhabitants it rounds to fives (wijk and buurt).
        rounding: 10,
        denominator_rounding: 5,
      });
    }
  });

  it('keeps the jeugdzorg percentage as published: CBS divides by everyone under 23, which no column holds', () => {
    const p = variableById('p_jz_tn')!;
    expect(p).toMatchObject({ unit: 'percent', theme: 'jeugd', direction: 'neutral', decimals: 1 });
    expect(p.numerator).toBeUndefined();
    expect(p.denominator).toBeUndefined();
    // Nor is it known whether CBS divides the rounded count: no rounding declared.
    expect(p.rounding).toBeUndefined();
    expect(p.denominator_rounding).toBeUndefined();
  });

  it('sets directions for the social domain: burdens down, participation and income up, context neutral', () => {
    const direction = (id: string) => variableById(id)?.direction;
    for (const id of [
      'a_soz_wb',
      'a_soz_ao',
      'a_soz_ww',
      'soz_wb_per_1000',
      'soz_ao_per_1000',
      'soz_ww_per_1000',
      'p_hh_li',
      'p_hh_osm',
    ]) {
      expect(direction(id), id).toBe('down');
    }
    for (const id of ['p_arb_pp', 'g_ink_pi', 'g_hh_sti']) expect(direction(id), id).toBe('up');
    for (const id of ['a_inw', 'p_65_oo', 'a_hh', 'bev_dich', 'a_soz_ow']) expect(direction(id), id).toBe('neutral');
  });

  it('makes use of care and support neutral: jeugdzorg and Wmo, counts and rates', () => {
    // More clients can mean help that is easier to reach as well as more need; an aim can still give a direction.
    const care = VARIABLES.filter((v) => /jeugdzorg|wmo/i.test(`${v.id} ${v.aliases.join(' ')}`)).map((v) => v.id);
    expect(care.sort()).toEqual(['a_jz_tn', 'a_wmo_t', 'p_jz_tn', 'p_wmo_t']);
    for (const id of care) expect(variableById(id)?.direction, id).toBe('neutral');
  });

  it('declares how CBS rounds each count, and for the rates it computes, their numerator and denominator', () => {
    const rounding = (id: string) => {
      const v = variableById(id);
      expect(v, id).toBeDefined();
      return [v!.rounding ?? null, v!.denominator_rounding ?? null];
    };
    const expected: Record<string, [number | null, number | null]> = {
      // Sociale zekerheid: tens.
      a_soz_wb: [10, null],
      a_soz_ao: [10, null],
      a_soz_ww: [10, null],
      a_soz_ow: [10, null],
      soz_wb_per_1000: [10, 5],
      soz_ao_per_1000: [10, 5],
      soz_ww_per_1000: [10, 5],
      // Zorg: fives; p_wmo_t is computed by CBS after rounding.
      a_jz_tn: [5, null],
      a_wmo_t: [5, null],
      p_wmo_t: [5, 5],
      p_jz_tn: [null, null],
      // Bevolking: fives at wijk and buurt level.
      a_inw: [5, null],
      a_65_oo: [5, null],
      a_hh: [5, null],
      a_1p_hh: [5, null],
      // Onderwijsniveau tens, inkomensontvangers hundreds, bedrijfsvestigingen fives.
      a_opl_lg: [10, null],
      a_inkont: [100, null],
      a_bedv: [5, null],
      // Exact, or not a count of people.
      a_woning: [null, null],
      p_65_oo: [null, null],
      g_ink_pi: [null, null],
      p_hh_li: [null, null],
      bev_dich: [null, null],
      a_opp_ha: [null, null],
      g_afs_hp: [null, null],
    };
    for (const [id, want] of Object.entries(expected)) expect(rounding(id), id).toEqual(want);

    for (const v of VARIABLES) {
      for (const unit of [v.rounding, v.denominator_rounding])
        if (unit !== undefined) expect(Number.isInteger(unit) && unit >= 1, v.id).toBe(true);
      if (v.denominator_rounding !== undefined) expect(v.unit, v.id).not.toBe('count');
      // A rate the importer computes is as rounded as the counts it is computed from.
      if (v.derived) {
        expect(v.rounding, v.id).toBe(variableById(v.numerator!)!.rounding);
        expect(v.denominator_rounding, v.id).toBe(variableById(v.denominator!)!.rounding);
      }
    }
  });

  it('uses the units CBS publishes: whole percent, per 1 000, thousands of euro', () => {
    expect(variableById('p_wmo_t')?.unit).toBe('per_1000');
    expect(variableById('p_geb')?.unit).toBe('per_1000');
    expect(variableById('g_ink_pi')?.unit).toBe('euro_x1000');
    expect(variableById('g_wozbag')?.unit).toBe('euro_x1000');
    expect(variableById('p_hh_li')?.unit).toBe('percent');
    expect(variableById('g_afs_hp')?.unit).toBe('km');
  });
});

describe('lookupVariable', () => {
  it('finds a variable by any spelling, ignoring case and surrounding spaces', () => {
    for (const name of [
      'a_inw',
      'A_INW',
      'AANT_INW',
      'aantalInwoners',
      'aantal_inwoners',
      'AantalInwoners_5',
      ' a_inw ',
    ]) {
      expect(lookupVariable(name)?.id, name).toBe('a_inw');
    }
    expect(lookupVariable('WWB_UITTOT')?.id).toBe('a_soz_wb');
    expect(lookupVariable('PersonenPerSoortUitkeringBijstand_94')?.id).toBe('a_soz_wb');
    expect(lookupVariable('pct_jeugdzorg')?.id).toBe('p_jz_tn');
    expect(lookupVariable('percentageJongerenMetJeugdzorgInNatura')?.id).toBe('p_jz_tn');
    expect(lookupVariable('wmo_per_1000')?.id).toBe('p_wmo_t');
    expect(lookupVariable('aantalWmoClientenPer1000Inwoners')?.id).toBe('p_wmo_t');
    expect(lookupVariable('P_65_EO_JR')?.id).toBe('p_65_oo');
    expect(lookupVariable('65plus')?.id).toBe('p_65_oo');
    expect(lookupVariable('a_opl_bvm')?.id).toBe('a_opl_lg');
    expect(lookupVariable('gem_inkomen_inwoner')?.id).toBe('g_ink_pi');
  });

  it('keeps the age bands apart: the percentage 0–14 (0_15, P_00_14_JR) is not the count (k_0Tot15Jaar)', () => {
    expect(lookupVariable('0_15')?.id).toBe('p_00_14');
    expect(lookupVariable('P_00_14_JR')?.id).toBe('p_00_14');
    expect(lookupVariable('percentagePersonen0Tot15Jaar')?.id).toBe('p_00_14');
    expect(lookupVariable('k_0Tot15Jaar_8')?.id).toBe('a_00_14');
    expect(lookupVariable('a_00_14')?.id).toBe('a_00_14');
  });

  it('strips a numeric suffix from OData keys only', () => {
    expect(odataBaseKey('AantalInwoners_5')).toBe('AantalInwoners');
    expect(odataBaseKey('k_65JaarOfOuder_12')).toBe('k_65JaarOfOuder');
    // kwb short names and map attributes ending in digits are not OData keys.
    expect(odataBaseKey('p_hh_110')).toBeNull();
    expect(odataBaseKey('P_HH_110')).toBeNull();
    expect(lookupVariable('p_hh_110')?.id).toBe('p_hh_110');
    expect(lookupVariable('a_15_24')?.id).toBe('a_15_24');
  });

  it('does not guess: OData keys that repeat under different groups, and unknown names, give undefined', () => {
    expect(lookupVariable('Nederland_17')).toBeUndefined();
    expect(lookupVariable('BuitenEuropa_24')).toBeUndefined();
    expect(lookupVariable('afstand_apotheek')).toBeUndefined();
    expect(lookupVariable('pct_bebouwd')).toBeUndefined();
    expect(lookupVariable('')).toBeUndefined();
  });
});
