import file from '../../dossier.config.ts';
import { resolveSiteConfig, type SiteConfig } from './site-config.ts';

/** The site's configuration, validated once at start-up (see dossier.config.ts). */
export const config: SiteConfig = resolveSiteConfig(file, process.env);
