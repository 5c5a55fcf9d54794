
import type { Root } from 'mdast';
import { listFiles, readFiles } from './documents-folder.ts';
import { readEntries, removeEntry, removeTemporaryFiles, writeEntryAtomically } from './entry-files.ts';
import { ingestDocument, isDocument, type DocumentDraft } from './ingest-document.ts';
import { type DossierMessage } from './message.ts';
import { handWrittenSlugs, planEntries } from './plan-entries.ts';
import { assignSlugs } from './slugs.ts';
import { toMdx } from './to-mdx.ts';

export interface IngestRunOptions {
  /** Folder of source documents. */
  documentsDir: string;
  /** Folder of generated `.mdx` entries. */
  entriesDir: string;
  defaultLanguage: string;
  /** Called with each diagnostic as it is found. */
  onMessage?: (message: DossierMessage) => void;
}

export interface IngestSummary {
  documents: number;
  written: number;
  unchanged: number;
  removed: number;
  errors: number;
  warnings: number;
  messages: DossierMessage[];
}

/** Documents folder → entries folder: read, parse, assign slugs, write only what changed, remove what is gone. */
export async function runIngest(options: IngestRunOptions): Promise<IngestSummary> {
  const messages: DossierMessage[] = [];
  const report = (message: DossierMessage): void => {
    messages.push(message);
    options.onMessage?.(message);
  };

  const drafts = new Map<string, DocumentDraft>();
  const files = await listFiles(options.documentsDir);
  const documents = files.filter((file) => isDocument(file.source));
  for (const file of files) {
    if (!isDocument(file.source)) {
      report({ reason: 'Not a document (expected .txt or .md), skipped', file: file.source, ruleId: 'unsupported-file', fatal: false });
    }
  }
  for await (const { file, bytes, error } of readFiles(documents)) {
    if (!bytes) {
      report({ reason: `Cannot read the file: ${error?.message}`, file: file.source, ruleId: 'unreadable-file', fatal: true });
      continue;
    }
    const result = ingestDocument(bytes, file.source, { defaultLanguage: options.defaultLanguage });
    result.messages.forEach(report);
    if (result.draft) drafts.set(file.source, result.draft);
  }

  await removeTemporaryFiles(options.entriesDir);
  const existing = await readEntries(options.entriesDir);
  const slugs = assignSlugs(
    [...drafts].map(([source, draft]) => ({ source, title: draft.frontmatter.title })),
    handWrittenSlugs(existing),
  );
  const wanted = new Map<string, string>();
  for (const [source, draft] of drafts) {
    const slug = slugs.get(source)!;
    wanted.set(`${slug}.mdx`, toMdx({ ...draft.frontmatter, slug }, draft.body as Root));
  }

  const plan = planEntries(wanted, existing);
  for (const [name, text] of plan.write) await writeEntryAtomically(options.entriesDir, name, text);
  for (const name of plan.remove) await removeEntry(options.entriesDir, name);

  return {
    documents: documents.length,
    written: plan.write.size,
    unchanged: plan.unchanged.length,
    removed: plan.remove.length,
    errors: messages.filter((message) => message.fatal).length,
    warnings: messages.filter((message) => !message.fatal).length,
    messages,
  };
}

export function formatSummary(summary: IngestSummary, documentsDir: string): string {
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  return (
    `Ingested ${plural(summary.documents, 'document')} from ${documentsDir}: ` +
    `${summary.written} written, ${summary.unchanged} unchanged, ${summary.removed} removed; ` +
    `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}.`
  );
}


