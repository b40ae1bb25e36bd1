/** Every file under a folder, recursively, in a stable order; and a hash over such trees. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

export async function filesUnder(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/**
 * A hex sha256 over every file under each root (a folder, or a single file; a missing one adds
 * nothing): each file's label and path within its root, then its bytes, streamed so data files
 * of any size hash in bounded memory. Any byte, name or new file changes it.
 */
export async function hashTrees(roots: readonly { label: string; path: string }[]): Promise<string> {
  const hash = createHash('sha256');
  for (const root of roots) {
    const isFile = (await stat(root.path).catch(() => null))?.isFile() ?? false;
    for (const path of isFile ? [root.path] : await filesUnder(root.path)) {
      hash.update(`\0${root.label}:${relative(root.path, path)}\0`);
      for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    }
  }
  return hash.digest('hex');
}
