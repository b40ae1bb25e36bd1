/** Ingest progress on stderr: a live line on a terminal, a few milestones in a log. */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  const tty = stream.isTTY === true;
  let lastFile = '';
  let lastDraw = 0;
  let lastQuarter = -1;
  return {
    update(file: string, read: number, total: number, rows: number): void {
      if (file !== lastFile) {
        lastFile = file;
        lastQuarter = -1;
      }
      const pct = total > 0 ? Math.min(100, Math.floor((read / total) * 100)) : 100;
      if (tty) {
        const now = performance.now();
        if (now - lastDraw < 100 && pct < 100) return;
        lastDraw = now;
        stream.write(`\r\x1b[2K  reading ${file}  ${pct}%  ${rows.toLocaleString('en-US')} rows`);
      } else if (total > 20 * 1024 * 1024) {
        const quarter = Math.floor(pct / 25);
        if (quarter > lastQuarter) {
          lastQuarter = quarter;
          stream.write(`  reading ${file}  ${pct}%  ${rows.toLocaleString('en-US')} rows\n`);
        }
      }
    },
    done(): void {
      if (tty && lastFile) stream.write('\r\x1b[2K');
    },
  };
}
