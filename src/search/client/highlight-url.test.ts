import { expect, test } from 'vitest';
import { composeHighlightWords } from './highlight-url.ts';

test('Hangul highlight words come back composed, the rest of the URL unchanged', () => {
  const decomposed = '협동조합'.normalize('NFD');
  const url = `/docs/articles/a/?highlight=${encodeURIComponent(decomposed)}&highlight=co-op#%EB%91%98%EC%A7%B8`;
  const composed = composeHighlightWords(url, 'highlight');
  expect(new URL(composed, 'https://example.org').searchParams.getAll('highlight')).toEqual(['협동조합', 'co-op']);
  expect(composed).toMatch(/^\/docs\/articles\/a\/\?highlight=.+#%EB%91%98%EC%A7%B8$/);
});

test('a URL whose words are already composed is returned as it was', () => {
  expect(composeHighlightWords('/a/?highlight=keeper', 'highlight')).toBe('/a/?highlight=keeper');
  expect(composeHighlightWords('https://example.org/a/?highlight=caf%C3%A9', 'highlight')).toBe(
    'https://example.org/a/?highlight=caf%C3%A9',
  );
});
