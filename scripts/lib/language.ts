// Scripts that name a language on their own. Latin, Cyrillic and the like
// are shared by many languages, so they fall back to the site's default.
const SCRIPT_LANGUAGES = [
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['ko', /\p{Script=Hangul}/gu],
  ['zh', /\p{Script=Han}/gu],
  ['ar', /\p{Script=Arabic}/gu],
  ['he', /\p{Script=Hebrew}/gu],
  ['el', /\p{Script=Greek}/gu],
  ['th', /\p{Script=Thai}/gu],
] as const;

const SAMPLE_LENGTH = 20_000;

/**
 * The document's language as a BCP 47 tag, from the scripts its letters use.
 * Kana marks Japanese even among kanji, and Hangul marks Korean even in the
 * mixed Hanja–Hangul of older Korean texts, so each is checked before Han.
 */
export function detectLanguage(text: string, fallback: string): string {
  const sample = text.slice(0, SAMPLE_LENGTH);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return fallback;
  for (const [language, pattern] of SCRIPT_LANGUAGES) {
    const count = sample.match(pattern)?.length ?? 0;
    // A few foreign characters (a name, a quoted word) do not make the language.
    const share = language === 'ja' || language === 'ko' ? 0.05 : 0.3;
    if (count / letters >= share) return language;
  }
  return fallback;
}
