import { SITE } from '../config.ts';
import { uiLanguage, uiStrings } from '../i18n/index.ts';

/** The interface's words, in the site's language (`language` in dossier.config.ts). */
export const t = uiStrings(SITE.language);

/** The language those words are in: `<html lang>` of pages that show no document. */
export const UI_LANGUAGE = uiLanguage(SITE.language);
