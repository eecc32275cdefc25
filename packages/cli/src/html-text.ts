/**
 * Plain text from the report's HTML fragment, for a terminal: one renderer makes both, so the
 * text says what the page says. Block ends become line breaks; list items get a dash.
 */
export function htmlToText(html: string): string {
  return (
    html
      .replace(/\n/g, '') // the markup's own line breaks are layout, not text
      .replace(/<button[^>]*>.*?<\/button>/g, '')
      .replace(/<li[^>]*>/g, '- ')
      .replace(/<\/dt>/g, ': ')
      .replace(/<(ul|dl)[^>]*>/g, '\n')
      .replace(/<\/(h2|p|dl|section)>/g, '\n\n')
      .replace(/<\/(h3|li|dd)>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
      .split('\n')
      .map((l) => l.trim())
      // One empty line at most: between a heading, a paragraph or a signal and the next.
      .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''))
      .join('\n')
      .trim()
  );
}
