import { expect, test } from 'vitest';
import { detectLanguage } from './language.ts';

test.each([
  { text: 'Plain English prose about trade.', language: 'en' },
  { text: '우리 社會는 只今 새로운 文化를 要求하는 時期에 잇다.', language: 'ko' },
  { text: '運動界를 爲하야 野球의 打擊은 엇더케 할 것인가 ホームラン バット', language: 'ko' },
  { text: '上海今年的经济增长速度超过预期，多家企业表示将继续扩大投资。', language: 'zh' },
  { text: '東京の経済はゆっくりと回復している。', language: 'ja' },
  { text: 'مرحبا بالعالم', language: 'ar' },
  { text: 'A Korean name, 이순신, in English text about history and many other things.', language: 'en' },
  { text: '1234 — !!!', language: 'en' },
])('$text → $language', ({ text, language }) => {
  expect(detectLanguage(text, 'en')).toBe(language);
});
