import type { SectionMeta } from '../content/entry-schema.ts';
import { compareStrings } from '../utils/compare-strings.ts';
import { folderOrder, folderSection, readDocumentPath } from './parse/document-path.ts';
import type { FolderDescription } from './parse/folder-description.ts';

/** Where a folder's description came from, beside what it says. */
export interface DescribedFolder extends FolderDescription {
  file: string;
}

/**
 * The sections the documents' folders make → what the site needs to know of
 * each beyond its name: its description, position and collapsed state, from
 * its description file, or its position from an order number in its name
 * (`04-guides`). Pure. Folders with nothing to say are left out.
 */
export function sectionRecords(documentSources: readonly string[], folders: Readonly<Record<string, DescribedFolder>>): SectionMeta[] {
  const paths = new Set<string>();
  for (const source of documentSources) {
    const { folderPaths } = readDocumentPath(source);
    for (const path of folderPaths) paths.add(path);
  }
  const records: SectionMeta[] = [];
  for (const path of [...paths].sort(compareStrings)) {
    // Read the folder as a document inside it would: date folders are not sections.
    const facts = readDocumentPath(`${path}/_.txt`);
    if (facts.folderPaths.at(-1) !== path) continue;
    const described = folders[path];
    const position = described?.position ?? folderOrder(facts.folders.at(-1)!);
    if (!described && position === undefined) continue;
    records.push({
      section: folderSection(facts, folders),
      ...(described?.description && { description: described.description }),
      ...(position !== undefined && { position }),
      ...(described?.collapsed !== undefined && { collapsed: described.collapsed }),
      ...(described && { file: described.file }),
    });
  }
  return records;
}
