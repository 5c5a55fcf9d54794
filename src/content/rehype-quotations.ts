import type { Element, ElementContent, Root, Text } from 'hast';
import type { Quotation } from './entry-schema.ts';

/**
 * Marks each quotation the ingest found as a `<q>` element, with its speaker
 * in `data-speaker`, so readers (and styles) can tell quoted words from the
 * reporter's. The quotation marks stay in the text, outside the element, so
 * the text reads and copies exactly as written.
 */
export function rehypeQuotations(quotations: readonly Quotation[]) {
  return (tree: Root): void => {
    if (quotations.length === 0) return;
    const paragraphs = tree.children.filter((node): node is Element => node.type === 'element');
    const byParagraph = Map.groupBy(quotations, (quotation) => quotation.paragraph);
    for (const [index, inParagraph] of byParagraph) {
      const paragraph = paragraphs[index];
      if (paragraph?.tagName === 'p') paragraph.children = wrapQuotations(paragraph.children, inParagraph);
    }
  };
}

function wrapQuotations(children: ElementContent[], quotations: readonly Quotation[]): ElementContent[] {
  const pending = [...quotations];
  const result: ElementContent[] = [];
  for (const child of children) {
    if (child.type !== 'text') {
      result.push(child);
      continue;
    }
    let rest = child.value;
    // Quotations come in text order: each is looked for after the previous one.
    while (pending.length > 0) {
      const quotation = pending[0]!;
      const at = rest.indexOf(quotation.text);
      if (at === -1 || quotation.text === '') break;
      pending.shift();
      if (at > 0) result.push(text(rest.slice(0, at)));
      result.push({
        type: 'element',
        tagName: 'q',
        properties: {
          className: ['quote'],
          ...(quotation.speaker && { dataSpeaker: quotation.speaker }),
          ...(quotation.source && { dataSource: quotation.source }),
        },
        children: [text(quotation.text)],
      });
      rest = rest.slice(at + quotation.text.length);
    }
    if (rest !== '') result.push(text(rest));
  }
  return result;
}

function text(value: string): Text {
  return { type: 'text', value };
}
