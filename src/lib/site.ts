/** What the site says about itself in its header, tab titles and feeds. */
export const SITE = {
  title: 'Dossier',
  description: 'Documents, published as a searchable site.',
} as const;
