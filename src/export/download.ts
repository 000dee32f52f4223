/** Saving a file made in the browser: an object URL and a temporary `<a download>`, the URL revoked afterwards. */

/** Characters Windows, macOS or Linux do not allow in a file name, and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
/** Names Windows reserves for devices, with any extension ("con.csv" cannot be saved). */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_LENGTH = 120;

/** A file name every system accepts: forbidden characters become "-", at most 120 characters, the extension kept. */
export function sanitiseFileName(name: string): string {
  let clean = name
    .normalize('NFC')
    .replace(FORBIDDEN, '-')
    .replace(/\s+/g, ' ')
    .trim()
    // Windows drops trailing dots and spaces, which would change the extension.
    .replace(/[.\s]+$/, '');
  if (clean.length > MAX_LENGTH) {
    const dot = clean.lastIndexOf('.');
    const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, MAX_LENGTH - extension.length).trimEnd() + extension;
  }
  if (clean === '' || clean.startsWith('.')) clean = `download${clean}`;
  return RESERVED.test(clean) ? `_${clean}` : clean;
}

/** Some browsers (Firefox, older Safari) start reading the URL after the click has returned; FileSaver.js waits 40 s. */
const REVOKE_AFTER_MS = 40_000;

export function downloadBlob(blob: Blob, fileName: string, document: Document = globalThis.document): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = sanitiseFileName(fileName);
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
