/**
 * Preloaded into a benchmarked process (`node --import ./bench/peak-memory.ts …`): writes the
 * process's peak resident memory to BENCH_PEAK_FILE when it exits, so a whole `npm run build`
 * can be measured from outside without a platform tool.
 */
import { writeFileSync } from 'node:fs';

const target = process.env['BENCH_PEAK_FILE'];
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS / 1024)));
