/**
 * What the build's prerenderer (published-pages.ts) tells of its pages as it renders them, to
 * whoever can start on them before the last one is done: search indexes shards early
 * (pagefind.ts). Pages are files relative to the output folder (`articles/x/index.html`).
 */
export interface RenderProgress {
  /** Called by the prerenderer once it knows every page it will write. */
  expect(pages: readonly string[]): void;
  /** Called by the prerenderer as each page is rendered, before Astro writes it. */
  rendered(page: string): void;
  /** Listens: `expect` then `rendered`, for the pages of every build after this call. */
  listen(listener: Partial<Pick<RenderProgress, 'expect' | 'rendered'>>): void;
}

export function renderProgress(): RenderProgress {
  const listeners: Partial<Pick<RenderProgress, 'expect' | 'rendered'>>[] = [];
  return {
    expect: (pages) => listeners.forEach((listener) => listener.expect?.(pages)),
    rendered: (page) => listeners.forEach((listener) => listener.rendered?.(page)),
    listen: (listener) => void listeners.push(listener),
  };
}
