/**
 * The importer's `--out` folder: it may be new, empty, or a package the importer wrote itself (recognised by the
 * marker it puts in dataset.json and by holding nothing but package files); anything else is refused untouched. A new
 * package is written into a hidden sibling folder and renamed into place, so a failed import never leaves half a
 * package, and the folder it replaces is only removed once the new one is in.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PACKAGE_FILES } from '../../src/data/package.ts';
import { ImportError, outFolderMessage } from '../../src/import/cbs/messages.ts';

/** What the importer writes into dataset.json as `generator`: the one sign that it may replace the folder. */
export const GENERATOR = 'gebiedskompas import:cbs';

/** fetch:cbs keeps its downloads in `<out>/.sources`; the importer carries them into the new package. */
export const SOURCES = '.sources';

/** dataset.json with the importer's marker added. */
export function markDatasetJson(text: string): string {
  return `${JSON.stringify({ ...(JSON.parse(text) as object), generator: GENERATOR }, null, 2)}\n`;
}

function isOwnDatasetJson(path: string): boolean {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { generator?: unknown }).generator === GENERATOR;
  } catch {
    return false;
  }
}

/** The package's precomputed first view (src/data/firstView.ts), which the importer writes too. */
const FIRST_VIEW = 'first';

/** How many names a refusal lists before it says how many more there are. */
const LISTED = 10;

/**
 * What `out` is now: not there, an empty folder, or a package this importer wrote. Throws an ImportError naming what
 * does not belong (`shownAs` is the folder as the user gave it) for anything else, having changed nothing.
 */
export function checkOutFolder(out: string, shownAs: string): 'new' | 'empty' | 'own' {
  if (!existsSync(out) && !isSymlink(out)) return 'new';
  const stat = lstatSync(out);
  // A link is refused too: replacing it would put a folder where the link was, not where it points.
  if (!stat.isDirectory()) throw new ImportError([outFolderMessage('outNotAFolder', { out: shownAs })]);
  const entries = readdirSync(out, { withFileTypes: true });
  const packageFile = new Set<string>(PACKAGE_FILES);
  const foreign = entries.filter((e) =>
    e.name === SOURCES || e.name === FIRST_VIEW ? !e.isDirectory() : !(packageFile.has(e.name) && e.isFile()),
  );
  const own =
    entries.some((e) => e.name === 'dataset.json' && e.isFile()) && isOwnDatasetJson(join(out, 'dataset.json'));
  // Without the marker, package files are somebody else's package (written by hand, or by another tool): foreign too.
  const refused = own ? foreign : entries.filter((e) => !(e.name === SOURCES && e.isDirectory()));
  if (refused.length > 0) {
    const names = refused.map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort();
    const listed =
      names.slice(0, LISTED).join(', ') + (names.length > LISTED ? `, … (${names.length - LISTED} more)` : '');
    throw new ImportError([outFolderMessage('outNotOwnPackage', { out: shownAs, entries: listed })]);
  }
  return own ? 'own' : 'empty';
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A hidden sibling of `out` (same file system, so renames are atomic; a dot-folder is not served as a dataset). */
export function siblingOf(out: string, kind: string): string {
  return join(dirname(out), `.${basename(out)}.${kind}-${process.pid}`);
}

/**
 * Puts the finished package `staging` at `out`. The previous folder (empty, or the importer's own package) moves
 * aside first, its `.sources` downloads move into the new package, and it is removed only once the new one is in
 * place; should the final rename fail, everything moves back.
 */
export function replaceWithStaged(out: string, staging: string): void {
  if (!existsSync(out)) {
    renameSync(staging, out);
    return;
  }
  const sources = join(out, SOURCES);
  const carried = existsSync(sources);
  if (carried) renameSync(sources, join(staging, SOURCES));
  const previous = siblingOf(out, 'replaced');
  rmSync(previous, { recursive: true, force: true });
  renameSync(out, previous);
  try {
    renameSync(staging, out);
  } catch (error) {
    renameSync(previous, out);
    if (carried) renameSync(join(staging, SOURCES), sources);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}
