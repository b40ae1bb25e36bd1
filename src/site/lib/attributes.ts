/** The themes program.yml links to an attribute (for its page's verbatims). */
import { getModel } from './model.ts';

export function themesOf(id: string): string[] {
  return getModel().attributeThemes[id] ?? [];
}
