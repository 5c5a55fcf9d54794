import { expect, test } from 'vitest';
import { textFragment } from './text-fragment.ts';

test.each([
  { quote: 'close neighbors', expected: '#:~:text=close%20neighbors' },
  { quote: 'high-tech, green & clean', expected: '#:~:text=high%2Dtech%2C%20green%20%26%20clean' },
  {
    quote: 'Traveling from South Korea to Kunshan is as convenient as going to Jeju Island,',
    expected: '#:~:text=Traveling%20from%20South%20Korea,going%20to%20Jeju%20Island%2C',
  },
  { quote: '   ', expected: '' },
])('$quote → $expected', ({ quote, expected }) => {
  expect(textFragment(quote)).toBe(expected);
});
