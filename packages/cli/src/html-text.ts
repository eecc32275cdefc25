/**
 * Plain text from the report's HTML fragment, for a terminal: one renderer makes both, so the
 * text says what the page says. Block ends become line breaks; list items get a dash.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<button[^>]*>.*?<\/button>/g, '')
    .replace(/<li[^>]*>/g, '- ')
    .replace(/<dt[^>]*>/g, '')
    .replace(/<\/dt>/g, ': ')
    .replace(/<\/(h2|h3|p|li|dd|section)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .split('\n')
    .map((l) => l.trim())
    .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim();
}
