import { describe, it, expect } from 'vitest';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { postgresAvailable, startPostgres } from '../helpers/postgres.ts';
import { tempDir } from '../helpers/temp.ts';

describe('the PostgreSQL test helper', () => {
  it.skipIf(!postgresAvailable())(
    'starts a server that loads and writes CSV with \\copy, then stops',
    async () => {
      const dir = tempDir();
      // As root psql runs as the postgres user, which must read the input and write the output here.
      chmodSync(dir, 0o777);
      writeFileSync(join(dir, 'in.csv'), 'id,name\n1,ann\n2,bob\n3,cy\n', { mode: 0o644 });
      const pg = await startPostgres();
      try {
        pg.psql('CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL);');
        pg.psql(`\\copy people FROM 'in.csv' WITH (FORMAT csv, HEADER true)`, { cwd: dir });
        expect(pg.psql('\\pset tuples_only on\nSELECT count(*) FROM people;').trim()).toBe('3');
        pg.psql(`\\copy (SELECT name, id * 10 AS score FROM people ORDER BY id) TO 'out.csv' WITH (FORMAT csv, HEADER true)`, { cwd: dir });
        expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('name,score\nann,10\nbob,20\ncy,30\n');
        expect(() => pg.psql('SELECT * FROM missing;')).toThrow(/relation "missing" does not exist/);
      } finally {
        await pg.stop();
        await pg.stop();
      }
    },
    60_000,
  );
});
