/**
 * What a user brings that stays in her browser: own data files, and the wijkagenda — aims agreed with the wijk,
 * notes (toelichting) and wijk signals — kept per gemeente (the package's `meta.gemeente`). Nothing is sent anywhere.
 *
 * API for the UI (types in types.ts):
 * - `useUserAgenda(gemeente)` → {@link UserAgendaApi}: `aims`, `notes`, `signals` (live, oldest change first),
 *   `ready`, `kept` (`{kept:'browser'}` or `{kept:'session', reason}`: show "alleen deze sessie" and why),
 *   `damaged` (ids of unreadable stored entries), `add(kind, fields)` / `update(kind, id, patch)` → `SaveResult`
 *   (`{ok:false, problems}` with i18n codes `userdata.invalid.<code>`, field and params: nothing saved),
 *   `remove(kind, id)` (a tombstone), `exportBundle()` → `{name, bytes}` (one zip per gemeente: download it),
 *   `importBundle(bytes)` → {@link ImportReport} `{added, updated, unchanged, conflicts[]}` (each conflict names the
 *   kind, the id kept and the id of the imported copy, whose `conflictOf` is that id); a bad file throws a
 *   {@link BundleError} whose `issues` name file, row and column (`userdata.bundle.<code>` or a package code).
 *   `exportCsv(kind)` → `{name, text}`: aims in the package's aims.csv format, notes or signals as CSV.
 *   `kind` is `'aims' | 'notes' | 'signals'`.
 * - `effectiveAims(pkg.aims, agenda.aims, pkg.areas)`: the aims the compass assesses in every view (a user's edit of a
 *   package aim replaces it as concept; an aim for all areas of a level holds per area of it): use this one to assess.
 * - `packageAimsCsv(aims)`: aims in the package's aims.csv format (with agreed_with, agreed_on) to put in a package.
 * - `validateUserAim` / `validateToelichting` / `validateWijkSignal`, {@link TEXT_LIMITS}: for checks while typing.
 * - `problemText(problem, i18n)`, `bundleIssueText(issue, i18n)`: the sentences; `userdataText(i18n, key)` for the
 *   wijkagenda's other texts (source and origin names, kept status, import report) in src/app/i18n/userdata.*.ts.
 * - Text is plain text: render it as text (never as HTML); line breaks with `white-space: pre-line`.
 *
 * Own data: ownData.ts (validation, tables), ownDataParse.ts (CSV, Excel, Parquet), ownDataStore.ts (kept files),
 * src/app/useOwnData.ts (hook). Storage: store.ts (one IndexedDB schema with migrations).
 */
export { packageAimId, packageAimsAsUserAims } from './aims.ts';
export { BundleError, packageAimsCsv } from './bundle.ts';
export { effectiveAims } from './effectiveAims.ts';
export { bundleIssueText, problemText, type UserdataKey, userdataText } from './messages.ts';
export * from './types.ts';
export { useUserAgenda } from './useUserAgenda.ts';
