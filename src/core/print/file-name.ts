/** The downloaded file's name: `planning-atlas-<subject>-<yyyy-mm-dd>.<ext>`. */

/** A file-name-safe slug: letters (any script) and digits, other runs become one '-'. */
export function slug(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** The local calendar date as yyyy-mm-dd. */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function exportFileName(subject: string, date: Date, ext: 'png' | 'pdf'): string {
  const s = slug(subject);
  return `planning-atlas-${s ? `${s}-` : ''}${isoDate(date)}.${ext}`;
}
