/** Fictional, Dutch-sounding names: gemeenten and wijken from syllables, buurten from themes and field names. */
import type { Rng } from '../demo/rng.ts';
import type { Kind } from './profiles.ts';
import type { Regions } from './regions.ts';

const HEADS = (
  'Alk Ber Bol Bra Dal Dor Drie Eem Eld Elst Gaas Geld Gor Graf Haar Hal Hel Hoog Holt Kam Klaver Kor Laar Lin Loo ' +
  'Maar Mee Mol Nij Oost Olde Put Rijs Ros Schoon Sted Ter Til Veen Ven Vlie Wes Wier Wolf Zand Zon Zuider Noorder ' +
  'Appel Beuk Bies Dui Eik Ganze Hazel Kievit Lange Riet Ruige Wilde Zwaan'
).split(' ');
const TAILS = (
  'dam dijk horst broek wolde zijl wijk hoven meer loo beek rade sum um ingen drecht haven berg veen hout kerk ' +
  'rode schoten voort huizen lo donk geest wouden'
).split(' ');
const THEMES = (
  'Vogelbuurt, Bloemenbuurt, Schildersbuurt, Componistenbuurt, Bomenbuurt, Stationsbuurt, Kerkbuurt, Havenbuurt, ' +
  'Molenbuurt, Parkbuurt, Zeeheldenbuurt, Sterrenbuurt, Dichtersbuurt, Professorenbuurt, Rivierenbuurt, ' +
  'Kanaalbuurt, Marktkwartier, Oude Stad, Vestingbuurt, Spoorzicht, Tuinstad, Lindenhof, Kastanjelaan, ' +
  'Beatrixpark, Fabriekswijk, Kloosterhof, Singelbuurt, Waterrijk, De Weiden, Sportpark, Bloemhof, Wilhelminapark'
).split(', ');
const FIELDS = (
  'De Kampen, Hooilanden, Het Broek, Veldzicht, De Maten, Hoge Es, Lage Weide, Meerveld, Rietland, Zandberg, ' +
  'Heidehoek, Eikenhorst, Venakkers, Groote Veld, Bovenkamp, Lutteveld, Kievitsveld, Berkenrode, Oldenmaat, ' +
  'Grasbroek, Elsenveld, Wilgenhoek, Loohoek, Molenmaat, Kromme Akker, Esveld, Turfhoek, Zwartveen'
).split(', ');

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Unique place names, in a shuffled but fixed order. */
function placeNames(rng: Rng): () => string {
  const all = shuffled(
    HEADS.flatMap((h) => TAILS.map((t) => (h.endsWith(t[0]!) ? `${h}-${t}` : h + t))),
    rng,
  );
  let next = 0;
  return () => {
    const name = all[next % all.length]!;
    const round = Math.floor(next++ / all.length);
    return round === 0 ? name : `${['Nieuw', 'Oud', 'Groot', 'Klein'][round - 1] ?? `${round}e`}-${name}`;
  };
}

export interface Names {
  gemeente: string[];
  wijk: string[];
  /** Indexed by buurt. */
  buurt: string[];
}

export function nameAreas(regions: Regions, kinds: readonly Kind[], rng: Rng): Names {
  const place = placeNames(rng);
  const gemeente = regions.gemeenten.map(() => place());
  const wijk: string[] = [];
  const buurt: string[] = new Array(kinds.length);
  regions.gemeenten.forEach((g, gi) => {
    const used = new Set<string>();
    const unique = (name: string) => {
      let candidate = name;
      for (let i = 2; used.has(candidate); i++) candidate = `${name} ${i}`;
      used.add(candidate);
      return candidate;
    };
    const themes = shuffled(THEMES, rng);
    const fields = shuffled(FIELDS, rng);
    let theme = 0;
    let field = 0;
    g.wijken.forEach((w, wi) => {
      const wijkName = unique(wi === 0 ? `${gemeente[gi]} Centrum` : place());
      wijk[w] = wijkName;
      for (const [bi, b] of regions.wijken[w]!.buurten.entries()) {
        const kind = kinds[b]!;
        const base =
          kind === 'industrial'
            ? `Bedrijventerrein ${fields[field++ % fields.length]}`
            : kind === 'recreation'
              ? `Recreatiepark ${fields[field++ % fields.length]}`
              : kind === 'newbuild'
                ? `${wijkName.replace(/ Centrum$/, '')}-Nieuw`
                : bi === 0 && kind === 'rural'
                  ? `${wijkName.replace(/ Centrum$/, '')}-Dorp`
                  : kind === 'urban'
                    ? themes[theme++ % themes.length]!
                    : fields[field++ % fields.length]!;
        buurt[b] = unique(base);
      }
    });
  });
  return { gemeente, wijk, buurt };
}
