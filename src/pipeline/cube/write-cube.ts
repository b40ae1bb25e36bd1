/**
 * The score cube as CSV, one pair of files per wave (docs/cube.md): `<wave>-scores.csv` with
 * an 11-bin histogram per cell, and `<wave>-ratings.csv` with each rated attribute's tallies
 * per cell. Cells are bounded by accounts × roles × segment values, not by responses, so the
 * files stay small however many responses a wave has.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { RATING_FIELDS, RATING_WIDTH, type ScoreCube } from './cube.ts';
import { segmentColumn } from '../schemas/cube-input.ts';

export interface CubeLabels {
  waves: readonly string[];
  dimensions: readonly string[];
  /** Rated attribute ids, in the cube's order. */
  attributes: readonly string[];
}

const SCORES = Array.from({ length: 11 }, (_, s) => `score_${s}`);

const csv = (fields: string[], rows: (string | number)[][]) => Papa.unparse({ fields, data: rows }, { escapeFormulae: true, newline: '\n' }) + '\n';

/** Writes the cube's files into `dir`; returns their names. */
export function writeCube(dir: string, cube: ScoreCube, labels: CubeLabels): string[] {
  mkdirSync(dir, { recursive: true });
  const keyFields = ['wave', 'account_id', 'role', 'confidential', ...labels.dimensions.map(segmentColumn)];
  const files: string[] = [];
  labels.waves.forEach((wave, i) => {
    const cells = cube.cellsOf(i);
    const key = (c: (typeof cells)[number]) => [wave, c.account ?? '', c.role ?? '', c.confidential ? 1 : 0, ...c.segments];
    const scores = `${wave}-scores.csv`;
    writeFileSync(
      join(dir, scores),
      csv(
        [...keyFields, 'people', ...SCORES, 'dated', 'last_submitted'],
        cells.map((c) => [...key(c), c.people, ...c.histogram, c.dated, c.lastSubmitted ?? '']),
      ),
    );
    files.push(scores);
    if (labels.attributes.length === 0) return;
    const rows: (string | number)[][] = [];
    for (const c of cells) {
      if (c.ratings === null) continue;
      labels.attributes.forEach((attribute, k) => {
        const t = c.ratings!.subarray(k * RATING_WIDTH, (k + 1) * RATING_WIDTH);
        if (t[9] !== 0) rows.push([...key(c), attribute, ...t]);
      });
    }
    const ratings = `${wave}-ratings.csv`;
    writeFileSync(join(dir, ratings), csv([...keyFields, 'attribute', ...RATING_FIELDS], rows));
    files.push(ratings);
  });
  return files;
}
