/**
 * A progress reporter for long runs: on a terminal it redraws one line at
 * most ten times a second; elsewhere (CI logs) it prints nothing unless
 * verbose, then a line every tenth of the way.
 */
export function progressReporter(label: string, options: { verbose: boolean; stream?: NodeJS.WriteStream }) {
  const stream = options.stream ?? process.stderr;
  const interactive = Boolean(stream.isTTY) && !process.env.CI;
  let lastDraw = 0;
  let lastTenth = -1;
  return {
    update(done: number, total: number): void {
      if (interactive) {
        const now = Date.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        stream.write(`\r${label} ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`);
        if (done === total) stream.write('\n');
      } else if (options.verbose) {
        const tenth = Math.floor((10 * done) / Math.max(total, 1));
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        stream.write(`${label} ${done.toLocaleString('en')} of ${total.toLocaleString('en')}\n`);
      }
    },
  };
}
