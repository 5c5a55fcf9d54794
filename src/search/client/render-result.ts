import { formatDate } from '../../site/format-date.ts';
import type { ResultData, SubResult } from './pagefind-components.ts';

/**
 * A Pagefind excerpt → nodes. Pagefind escapes `<` and `>` in the page text
 * and adds `<mark>` around matches; the excerpt is rebuilt from that as text
 * and `<mark>` elements, so nothing else in it can ever become markup.
 */
export function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  let mark: HTMLElement | null = null;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') mark = document.createElement('mark');
    else if (part === '</mark>') {
      if (mark) nodes.push(mark);
      mark = null;
    } else if (part !== '') {
      const text = document.createTextNode(part.replaceAll('&lt;', '<').replaceAll('&gt;', '>'));
      if (mark) mark.append(text);
      else nodes.push(text);
    }
  }
  if (mark) nodes.push(mark);
  return nodes;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

/**
 * One result: its title as the link, section and date, the excerpt with the
 * matched words marked, and the headings inside the document that match.
 * Text in the document's language is marked with it (`lang="ko"`).
 */
export function renderResult(
  data: ResultData,
  subResults: readonly SubResult[],
  uiLanguage: string,
  matchingSections: string,
): HTMLLIElement {
  const lang = data.language && data.language !== 'unknown' && data.language !== uiLanguage ? data.language : undefined;
  const title = element('a', 'search-result-link', data.meta.title || data.url);
  title.href = data.url;
  if (lang) title.lang = lang;

  const meta = element('p', 'search-result-meta');
  const section = data.filters.section?.[0];
  if (section) meta.append(element('span', 'search-result-section', section));
  const published = data.filters.published?.[0];
  if (published) {
    const time = element('time', 'search-result-date', formatDate(published, uiLanguage));
    time.dateTime = published;
    meta.append(time);
  }

  const item = element('li', 'search-result', title);
  if (meta.childElementCount > 0) item.append(meta);
  // A match inside one heading's part is shown there, not twice.
  if (!subResults.some((sub) => sub.excerpt === data.excerpt)) {
    const excerpt = element('p', 'search-result-excerpt', ...excerptNodes(data.excerpt));
    if (lang) excerpt.lang = lang;
    item.append(excerpt);
  }
  if (subResults.length > 0) {
    const list = element('ul', 'search-result-headings');
    list.setAttribute('aria-label', matchingSections);
    for (const sub of subResults) {
      const link = element('a', 'search-result-heading-link', sub.title);
      link.href = sub.url;
      const subExcerpt = element('p', 'search-result-excerpt', ...excerptNodes(sub.excerpt));
      if (lang) {
        link.lang = lang;
        subExcerpt.lang = lang;
      }
      list.append(element('li', 'search-result-heading', link, subExcerpt));
    }
    item.append(list);
  }
  return item;
}
