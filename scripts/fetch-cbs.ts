/**
 * Downloads the CBS Kerncijfers wijken en buurten and the PDOK boundaries of a gemeente and builds a dataset
 * package from them:
 *
 *   npm run fetch:cbs -- --gemeente GM1979 --years 2013-2024 --out data/eemsdelta
 *
 * For the years before a merger the former gemeenten are found from the PDOK boundaries and downloaded too.
 * The downloads stay in `<out>/.sources/<year>/` (the app serves no dot-folder), so the package can be rebuilt
 * offline with `npm run import:cbs`. `--help` lists the options; `downloadCbs` is the download step alone.
 * A problem the user can fix (no internet, an HTTP error, a wrong option) is one line on stderr and exit code 1.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFetchCbs } from './cbs/fetch/cli.ts';
import { importCbs } from './cbs/importCbs.ts';

export { type DownloadOptions, downloadCbs } from './cbs/fetch/download.ts';

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runFetchCbs(process.argv.slice(2), {
    env: process.env,
    importCbs,
    print: (line) => console.log(line),
    printError: (line) => console.error(line),
  });
}
