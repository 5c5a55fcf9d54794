// Scripts that name a language on their own. Latin, Cyrillic and the like
// are shared by many languages, so they fall back to the site's default.
const OTHER_SCRIPTS = [
  ['zh', /\p{Script=Han}/gu],
  ['ar', /\p{Script=Arabic}/gu],
  ['he', /\p{Script=Hebrew}/gu],
  ['el', /\p{Script=Greek}/gu],
  ['th', /\p{Script=Thai}/gu],
] as const;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const LETTER = /\p{L}/gu;
// A character of none of the scripts shared by many languages: only then is any of the above worth counting.
const OWN_SCRIPT = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

// The opening few thousand characters tell the script as well as the whole text, at a fraction of the cost.
const SAMPLE_LENGTH = 4_000;
// A few foreign characters (a name, a quoted word) do not make the language.
const KANA_OR_HANGUL_SHARE = 0.1;
const SCRIPT_SHARE = 0.3;

/**
 * The document's language as a BCP 47 tag, from the scripts its letters use.
 * Hangul marks Korean even in the mixed Hanja–Hangul of older Korean texts,
 * and kana marks Japanese among kanji, so both are weighed before Han; of the
 * two, the more frequent wins (Korean prose quoting Japanese terms is Korean).
 */
export function detectLanguage(text: string, fallback: string): string {
  const sample = text.slice(0, SAMPLE_LENGTH);
  if (!OWN_SCRIPT.test(sample)) return fallback;
  const letters = count(sample, LETTER);
  if (letters === 0) return fallback;
  const hangul = count(sample, HANGUL);
  const kana = count(sample, KANA);
  if (Math.max(hangul, kana) / letters >= KANA_OR_HANGUL_SHARE) return hangul >= kana ? 'ko' : 'ja';
  for (const [language, pattern] of OTHER_SCRIPTS) {
    if (count(sample, pattern) / letters >= SCRIPT_SHARE) return language;
  }
  return fallback;
}

function count(text: string, pattern: RegExp): number {
  let total = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) total++;
  return total;
}
