/** `npm run init | check | build | dev | mail-merge | sql`: one command, one step file (src/cli/commands/). */
import { resolvePaths } from './paths.ts';
import { build } from './commands/build.ts';
import { check } from './commands/check.ts';
import { dev } from './commands/dev.ts';
import { mailMerge } from './commands/mail-merge.ts';
import { init } from './commands/init.ts';
import { sql } from './commands/sql.ts';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';

const commands = { init, check, build, dev, 'mail-merge': mailMerge, sql } as const;

async function main(): Promise<number> {
  const command = process.argv[2] ?? '';
  if (!(command in commands)) {
    console.error('usage: chorus init | check | build | dev | mail-merge | sql');
    return 2;
  }
  return commands[command as keyof typeof commands](resolvePaths(), process.argv.slice(3));
}

process.exitCode = await main();
