import { describe, expect, it } from 'vitest';
import { absentThemes } from '../../src/compass/absentThemes.ts';

describe('absentThemes', () => {
  it('names the package themes the area has no figure of, in the package order', () => {
    // A wijk of a new indeling with only population figures, in a package with social-domain indicators.
    expect(absentThemes(['bevolking', 'werk', 'jeugd', 'werk', 'armoede'], ['bevolking'])).toEqual([
      'jeugd',
      'werk',
      'armoede',
    ]);
  });
  it('names nothing when every theme is shown, and never a theme the package does not have', () => {
    expect(absentThemes(['jeugd', 'bevolking'], ['bevolking', 'jeugd'])).toEqual([]);
    expect(absentThemes(['bevolking'], [])).toEqual(['bevolking']);
    expect(absentThemes([], ['bevolking'])).toEqual([]);
  });
});
