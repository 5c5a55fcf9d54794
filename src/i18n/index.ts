import type { UiStrings } from './strings.ts';

export type { UiStrings } from './strings.ts';
export { plural } from './plural.ts';

// Every file in locales/ is a language: adding one is adding its file.
const LOCALES = import.meta.glob<UiStrings>('./locales/*.ts', { eager: true, import: 'default' });
const byLanguage = new Map(
  Object.entries(LOCALES).map(([path, strings]) => [path.replace(/^\.\/locales\/|\.ts$/g, '').toLowerCase(), strings]),
);

/** The languages the interface can speak, by BCP 47 tag. */
export const UI_LANGUAGES = [...byLanguage.keys()].sort();

/** The strings of a language: exact tag, then its primary subtag (`ko-KR` → `ko`), else English. */
export function uiStrings(language: string): UiStrings {
  const tag = language.toLowerCase();
  return byLanguage.get(tag) ?? byLanguage.get(tag.split('-')[0]!) ?? byLanguage.get('en')!;
}

/** The tag `uiStrings` answers with: what `<html lang>` should say. */
export function uiLanguage(language: string): string {
  const tag = language.toLowerCase();
  return byLanguage.has(tag) ? language : byLanguage.has(tag.split('-')[0]!) ? tag.split('-')[0]! : 'en';
}
