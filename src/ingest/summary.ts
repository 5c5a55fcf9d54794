import type { IngestSummary } from './run-ingest.ts';

/** The ingest's one line: what it did with the documents, and what it found wrong. */
export function formatSummary(summary: IngestSummary, documentsDir: string): string {
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  return (
    `Ingested ${plural(summary.documents, 'document')} from ${documentsDir}: ` +
    `${summary.written} written, ${summary.unchanged} unchanged, ${summary.removed} removed; ` +
    `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}.`
  );
}
