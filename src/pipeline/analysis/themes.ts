/** Finds themes in a comment from program.yml's keyword dictionary. */

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles `theme -> keywords` into one matcher. Keywords match whole words, in any case;
 * a trailing `*` matches any ending ("export*" finds "exports", "exporting").
 */
export function themeMatcher(dictionary: Record<string, string[]>): (comment: string) => string[] {
  const entries = Object.entries(dictionary).map(([theme, keywords]) => {
    const alternatives = keywords.map((k) => {
      const stem = k.trim();
      return stem.endsWith('*') ? `${escape(stem.slice(0, -1))}[\\p{L}\\p{N}]*` : escape(stem);
    });
    return [theme, new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu')] as const;
  });
  if (entries.length === 0) return () => [];
  return (comment) => entries.filter(([, re]) => re.test(comment)).map(([theme]) => theme);
}
