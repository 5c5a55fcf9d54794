
import { mkdir } from 'node:fs/promises';
import { listFiles, readFiles } from './documents-folder.ts';
import { mapConcurrent } from './concurrency.ts';
import { FILE_CONCURRENCY, readEntries, removeEntry, removeTemporaryFiles, writeEntryAtomically } from './entry-files.ts';
import { ingestDocument, isDocument, type DocumentDraft } from './ingest-document.ts';
import { type DossierMessage } from './message.ts';
import { handWrittenSlugs, planEntries } from './plan-entries.ts';
import { assignSlugs } from './slugs.ts';
import { assembleEntry, serializeBody } from './to-mdx.ts';

export interface IngestRunOptions {
  /** Folder of source documents. */
  documentsDir: string;
  /** Folder of generated `.mdx` entries. */
  entriesDir: string;
  defaultLanguage: string;
  /** Called with each diagnostic as it is found. */
  onMessage?: (message: DossierMessage) => void;
  /** Called as documents are read: how many so far, of how many. */
  onProgress?: (done: number, total: number) => void;
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

  // Only the frontmatter and the serialized body wait for slugs: not the tree, not the bytes.
  const drafts = new Map<string, { frontmatter: DocumentDraft['frontmatter']; body: string }>();
  const files = await listFiles(options.documentsDir);
  const documents = files.filter((file) => isDocument(file.source));
  for (const file of files) {
    if (!isDocument(file.source)) {
      report({ reason: 'Not a document (expected .txt or .md), skipped', file: file.source, ruleId: 'unsupported-file', fatal: false });
    }
  }
  let done = 0;
  for await (const { file, bytes, error } of readFiles(documents)) {
    if (!bytes) {
      options.onProgress?.(++done, documents.length);
      report({ reason: `Cannot read the file: ${error?.message}`, file: file.source, ruleId: 'unreadable-file', fatal: true });
      continue;
    }
    options.onProgress?.(++done, documents.length);
    const result = ingestDocument(bytes, file.source, { defaultLanguage: options.defaultLanguage });
    result.messages.forEach(report);
    if (result.draft) drafts.set(file.source, { frontmatter: result.draft.frontmatter, body: serializeBody(result.draft.body) });
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
    wanted.set(`${slug}.mdx`, assembleEntry({ ...draft.frontmatter, slug }, draft.body));
  }

  const plan = planEntries(wanted, existing);
  await mkdir(options.entriesDir, { recursive: true });
  await mapConcurrent([...plan.write], FILE_CONCURRENCY, ([name, text]) => writeEntryAtomically(options.entriesDir, name, text));
  await mapConcurrent(plan.remove, FILE_CONCURRENCY, (name) => removeEntry(options.entriesDir, name));

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


