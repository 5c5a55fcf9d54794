/**
 * What a run of capitalised words says about a person: the name, the role
 * or honorific before it, or that it is no person at all (an organisation, a
 * place, a group). Pure word lists and tests; no document state.
 */

/** Honorifics: dropped from the name, and not a role either. */
const HONORIFIC = new Set(
  'Mr Mr. Mrs Mrs. Ms Ms. Mx Dr Dr. Prof Prof. Sir Dame Lord Lady Baron Baroness Viscount Earl Duke Duchess Madam Mme M. Herr Frau'.split(
    ' ',
  ),
);

/**
 * Words that make a role when they come before a name (`Home Secretary Charles
 * Clarke`, `Singer Joss Stone`): everything up to the last of them is the role.
 */
const ROLE = new Set(
  (
    'President Vice Premier Prime Minister Ministers Deputy Chancellor Secretary Chairman Chairwoman Chair Chief Executive ' +
    'Director Founder Co-founder Ambassador Spokesperson Spokesman Spokeswoman Senator Governor Mayor Congressman ' +
    'Congresswoman Representative Rep Sen Gov Gen Commissioner Inspector Detective Superintendent Constable Sergeant Officer ' +
    'Judge Justice Attorney Prosecutor Lawyer Counsel General Colonel Col Captain Capt Lieutenant Lt Major Admiral Commander ' +
    'King Queen Prince Princess Pope Cardinal Archbishop Bishop Rev Reverend Father Rabbi Imam Sheikh Emir Sultan ' +
    'Manager Coach Striker Midfielder Defender Goalkeeper Fly-half Scrum-half Full-back Winger Flanker Skipper Captain Player Singer Actor Actress Director Producer Author ' +
    'Writer Novelist Poet Artist Designer Editor Correspondent Reporter Presenter Host Economist Analyst Professor ' +
    'Agent Spokesperson Backbencher Campaigner Activist Chairman Scientist Researcher Doctor Surgeon Nurse Star Rapper Comedian Presenter Broadcaster Chef Leader Chairperson Head Boss Treasurer Speaker Whip Peer MP MEP CEO CFO COO ' +
    'Bundeskanzler Bundeskanzlerin Kanzler Kanzlerin Präsident Präsidentin Ministerin Président Présidente Ministre Premier ' +
    'Presidente Ministro Sindaco Primo'
  ).split(' '),
);

/** Role words that are also common family names, read as names when they end a run after a given name. */
const SURNAME_ROLE = new Set(
  'King Major Bishop Judge Pope Dean Marshal Cardinal Speaker Head Star Prince Chancellor Rector Abbott Sheriff'.split(' '),
);

/** Capitalised words that open a sentence or a noun phrase but never a name. */
const NOT_NAME = new Set(
  (
    'The A An In On At As For From By With Of To And But Or So Yet Then Also However Meanwhile Moreover Still When While ' +
    'After Before If Although Though Because Since Until Once Now Here There This That These Those It Its We Our You Your ' +
    'He She They His Her Their Him Them I My Me Us Multiple Several Many Some Both All Other Most Such Every Each No Not ' +
    'Former Foreign Home Interior Defence Defense Finance Trade Health Education Justice Treasury Shadow Acting Senior Junior ' +
    'China Chinese South North East West Korea Korean Koreans Japan Japanese America American Americans Europe European ' +
    'Britain British UK US USA EU UN France French Germany German Italy Italian Spain Spanish Russia Russian India Indian ' +
    'Beijing Seoul Shanghai Washington Tokyo London Paris Berlin Brussels Moscow Global International National Federal ' +
    'Having Being Speaking Asked Writing Talking Commenting Responding Describing Despite Following According Under Over ' +
    'One Two Three Four Five Six Seven Eight Nine Ten Tories Conservatives Labour Democrats Republicans Liberals Greens ' +
    'Liberal Democrat Republican Conservative Tory Socialist Unionist Nationalist Lib Dem ' +
    'MPs MEPs Lords Commons Londoners Americans Australians Britons Europeans Scots Scot Welsh Irish Germans Italians ' +
    'Australian Canadian Irish Scottish English Dutch Belgian Swiss Swedish Norwegian Danish Finnish Polish Czech Greek ' +
    'Turkish Israeli Iranian Iraqi Egyptian Brazilian Argentine Mexican Nigerian Kenyan Pakistani Defiant Veteran Former ' +
    'Australia Canada Ireland Scotland Wales England India Pakistan Brazil Argentina Mexico Spain Italy Greece Turkey ' +
    'Israel Iran Iraq Egypt Nigeria Kenya Africa Asia Russia Ukraine Poland Sweden Norway Denmark Finland Netherlands ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday ' +
    'January February March April May June July August September October November December'
  ).split(' '),
);

/** Words that never sit inside a name (`Mike Friday` and `Oliver Irish` are names; `Tony and` is not). */
const FUNCTION_WORD = new Set(
  'The A An In On At As For From By With Of To And But Or So Yet Then Also However It Its This That These Those There We Our You Your He She They His Her Their I My'.split(
    ' ',
  ),
);

/** Words that make a capitalised run an organisation rather than a person. */
const ORGANISATION = new Set(
  (
    'Times News Daily Post Press Xinhua Reuters Bloomberg Ministry Office Center Centre Association University Institute ' +
    'Institution Group Company Co Corp Corporation Inc Ltd Plc PLC Bank Agency Council Committee Department Government ' +
    'Administration Party Province City Customs Bureau Commission Foundation Organization Organisation Union Network ' +
    'Club Federation Authority Court Embassy Consulate Parliament Congress Senate Assembly Police Army Navy Force Forces ' +
    'Service Services Trust Fund Board League Cup Championship Festival Awards Academy School College Hospital Museum ' +
    'Airlines Airways Motors Industries Holdings Partners Capital Securities Telecom Media Records Studios Pictures ' +
    'Nations Security Council Office Exchange Reserve Fed Treasury Commons Lords Open Cup Championships Games Olympics ' +
    'Prix Masters Classic Series Trophy Tour Real United Rovers Wanderers Albion Athletic FC Hotspur Rangers Celtic ' +
    'Madrid Barcelona Milan Munich Research Lynch Sachs Stanley Breweries Brewery Airport Energy Oil Gas Pharmaceuticals'
  ).split(' '),
);

/** A place when it ends the run: `Downing Street`, `Central Park`. */
const PLACE_END = new Set(
  'Street Road Avenue Square Lane Bridge Hall House Palace Stadium Arena Airport Station Island Islands River Lake Mountain Mountains Valley Church Cathedral Hotel Theatre Theater Gallery Market Park Gardens Coast Bay Sea Ocean Peninsula Province County State States Kingdom Republic'.split(
    ' ',
  ),
);

/**
 * Nouns that name no one in particular: a quotation they speak stays a quotation,
 * attributed to the group, but makes no person page.
 */
export const GROUP =
  /^(?:analysts?|officials?|police|policemen|officers?|spokes(?:man|woman|person|people)|representatives?|company|companies|firm|ministry|ministries|department|government|authorities|sources?|experts?|economists?|investors?|traders?|observers?|critics?|residents?|witness(?:es)?|researchers?|scientists?|doctors?|lawyers?|prosecutors?|campaigners?|activists?|protesters?|organi[sz]ers?|diplomats?|insiders?|aides?|executives?|managers?|staff|workers?|employees?|leaders?|members?|people|fans?|voters?|users?|customers?|statement|report|survey|study|agency|bank|group|union|council|committee|commission|court|club|team|board|regulators?|administration|embassy|white\s+house|kremlin|pentagon|observatory|secretary|minister|president|chairman|chancellor|governor|mayor|chief|director|judge|manager|coach|leader|boss)$/i;

/** Words that may end a name: letters with an internal hyphen or apostrophe, capitalised, some lower case. */
export function isNameWord(word: string): boolean {
  return word.length <= 30 && /^\p{Lu}[\p{L}\p{M}'’-]*$/u.test(word) && /\p{Ll}/u.test(word) && !/['’]s$|['’-]$/u.test(word);
}

/** An initial inside a name: `R.` in `R. Sridharan`. */
const INITIAL = /^\p{Lu}\.?$/u;
/** Lower-case particles inside a name: `Jurgen den Hartog`, `Ludwig van Beethoven`, `Carlos da Silva`. */
const PARTICLE = /^(?:de|den|der|van|von|da|di|du|del|della|dos|das|la|le|bin|ibn|al|el|ter|ten|zu)$/u;

/** A lower-case particle that belongs inside a name (`den` in `Jurgen den Hartog`). */
export function isParticle(word: string): boolean {
  return PARTICLE.test(word);
}

/** A word that can sit inside a name run though it is no name: honorifics with a dot, `MP`, initials. */
export function isRunWord(word: string): boolean {
  return isNameWord(word) || HONORIFIC.has(word) || ROLE.has(word) || INITIAL.test(word) || PARTICLE.test(word);
}

/** A role word in any case: `Chancellor`, `chancellor`, `spokesman`. */
export function isRoleWord(word: string): boolean {
  return ROLE.has(word) || ROLE.has(word.charAt(0).toUpperCase() + word.slice(1));
}

/** True when the words are only honorifics (`Mr`): no subject on their own. */
export function isHonorificOnly(words: readonly string[]): boolean {
  return words.length > 0 && words.every((word) => HONORIFIC.has(word));
}

export interface ParsedName {
  /** The person's name without role or honorific: `Charles Clarke`, or a bare `Clarke`. */
  name: string;
  /** The role printed before the name: `Home Secretary`. */
  role?: string;
  /** True when an honorific came before it (`Mr`, `Lord`): a person, whatever else the word may be. */
  honorific?: true;
}

/**
 * A run of capitalised words → the person it names, or undefined when it is an
 * organisation, a place, or a role with no name (`the Home Secretary`).
 */
export function parsePersonName(words: readonly string[]): ParsedName | undefined {
  let lastRole = -1;
  words.forEach((word, i) => {
    if (ROLE.has(word) || HONORIFIC.has(word)) lastRole = i;
  });
  // With a role, what comes before it is part of it (`Home Secretary`, `Chinese President`); without one,
  // leading place and function words are dropped (`Meanwhile Tony Blair`).
  let start = 0;
  const skippable = lastRole >= 0 ? FUNCTION_WORD : NOT_NAME;
  while (start < words.length && skippable.has(words[start]!) && !ROLE.has(words[start]!)) start++;
  const run = words.slice(start);
  if (lastRole >= 0) lastRole -= start;
  // A role word that ends the run after a name is a family name: `John Major`, `Stephen King`, `Mary Bishop`.
  if (lastRole === run.length - 1 && SURNAME_ROLE.has(run[lastRole]!) && lastRole > 0) {
    const before = run[lastRole - 1]!;
    if (isNameWord(before) && !ROLE.has(before) && !HONORIFIC.has(before) && !NOT_NAME.has(before)) {
      lastRole = run.slice(0, lastRole - 1).reduce((last, word, i) => (ROLE.has(word) || HONORIFIC.has(word) ? i : last), -1);
    }
  }
  const name = run.slice(lastRole + 1);
  // After `Mr` or `Lord` comes a name, whatever it looks like: `Mr French`, `Mr Brown`.
  const afterHonorific = lastRole >= 0 && HONORIFIC.has(run[lastRole]!);
  if (name.length === 0 || name.length > 4 || (name.length === 1 && GROUP.test(name[0]!))) return undefined;
  // Inside a name, `A` is an initial (`Charles A Blixt`), not the article.
  const inner = (i: number): boolean => i > 0 && i < name.length - 1 && INITIAL.test(name[i]!);
  if (name.some((word, i) => ORGANISATION.has(word) || (FUNCTION_WORD.has(word) && !inner(i)))) return undefined;
  // `Friday`, `Irish` can end a name (`Mike Friday`) but are no name alone, unless after `Mr`.
  if (name.length === 1 && NOT_NAME.has(name[0]!) && !afterHonorific) return undefined;
  if (!isNameWord(name[0]!) && !INITIAL.test(name[0]!)) return undefined;
  if (!isNameWord(name.at(-1)!) || name.some((word) => !isNameWord(word) && !INITIAL.test(word) && !PARTICLE.test(word))) return undefined;
  if (name.length > 1 && PLACE_END.has(name.at(-1)!)) return undefined;
  const role = run
    .slice(0, lastRole + 1)
    .filter((word) => !HONORIFIC.has(word))
    .join(' ');
  return {
    name: name.join(' '),
    ...(role !== '' && { role: withoutLeadingArticle(role) }),
    ...(afterHonorific && { honorific: true as const }),
  };
}

/** True when a run names an organisation: `UK Film Council`, `Barclays Bank`. */
export function isOrganisationRun(words: readonly string[]): boolean {
  return words.some((word) => ORGANISATION.has(word));
}

/** True when a run is a role and nothing else: `Home Secretary`, `the Prime Minister`. */
export function isRoleOnly(words: readonly string[]): boolean {
  const run = words.filter((word) => !NOT_NAME.has(word) || ROLE.has(word));
  return run.length > 0 && run.every((word) => ROLE.has(word) || HONORIFIC.has(word));
}

function withoutLeadingArticle(role: string): string {
  return role.replace(/^(?:The|the)\s+/, '');
}
