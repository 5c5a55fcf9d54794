/**
 * Every word the site's interface says, in one language. A language is one
 * file in `locales/` whose default export has these keys (the compiler
 * checks it), named by its BCP 47 tag (`ko.ts`); `language` in
 * dossier.config.ts picks it. Counts go through `plural`, dates and numbers
 * through `Intl`, so no file spells a plural rule or a date format.
 */
export interface UiStrings {
  skipToContent: string;
  siteNavigation: string;
  menu: string;
  closeMenu: string;
  darkTheme: string;
  home: string;
  breadcrumb: string;
  latest: string;
  byDate: string;
  peopleQuoted: string;
  tags: string;
  sections: string;
  rssFeed: string;
  builtWith: string;
  unsorted: string;
  undated: string;
  onThisPage: string;
  // Search
  search: string;
  searchTheDocuments: string;
  close: string;
  loadingSearch: string;
  searchFailed: string;
  filterAndSort: string;
  section: string;
  year: string;
  tag: string;
  sort: string;
  byRelevance: string;
  newestFirst: string;
  matchingSections: string;
  // An article
  by: (name: string) => string;
  updated: string;
  minutesToRead: (minutes: number) => string;
  photo: string;
  source: string;
  originallyPublishedAt: string;
  quotedInThisDocument: string;
  quotations: (count: number) => string;
  relatedDocuments: string;
  newerIn: (section: string) => string;
  olderIn: (section: string) => string;
  previousIn: (section: string) => string;
  nextIn: (section: string) => string;
  moreIn: (section: string) => string;
  lastUpdated: string;
  editThisDocument: string;
  backToTop: string;
  linkToSection: string;
  // Lists
  previous: string;
  next: string;
  page: string;
  pagesOf: (name: string) => string;
  pageOfPages: (current: number, last: number) => string;
  documents: (count: number) => string;
  allInSection: (count: number, name: string) => string;
  allSections: (count: number, name?: string) => string;
  // The home page
  homeLede: (documents: number, sections: number, people: number) => string;
  noDocumentsYet: string;
  latestDocuments: string;
  everyDocumentByDate: string;
  moreWaysIn: string;
  byDateHint: string;
  peopleQuotedHint: string;
  latestDocumentsFeed: (site: string) => string;
  // Section pages
  sectionLede: (documents: number, inOrder: boolean) => string;
  subsections: string;
  documentsHeading: string;
  // The archive
  archiveLede: string;
  undatedLede: string;
  yearLede: (documents: number, year: string) => string;
  monthYear: (month: string, year: string) => string;
  // People
  peopleLede: (people: number) => string;
  noSpeakersYet: string;
  /** Heading of the groups and roles quoted without a name (`analysts`, `the ministry`). */
  unnamedSources: string;
  unnamedSourcesLede: string;
  /** Before the roles the documents give a person: `Described as Home Secretary`. */
  describedAs: string;
  /** `3 quotations in 2 documents`: a person's count, in the people index and on their page. */
  quotationsIn: (quotations: number, documents: number) => string;
  personLede: (quotations: number, documents: number) => string;
  /** `and 3 more quotations in this document`: under the last one a person's page lists from a long document. */
  moreInDocument: (count: number) => string;
  // Tags
  tagsLede: (tags: number) => string;
  taggedTitle: (tag: string) => string;
  taggedLede: (documents: number, tag: string) => string;
  // Not found
  pageNotFound: string;
  pageNotFoundLede: string;
  findItWithSearch: string;
  findItHint: string;
  orBrowse: string;
}
