/**
 * Who speaks a quotation in Chinese, Korean or Japanese prose, where names
 * carry no capitals and no spaces: `外交部发言人汪文斌说：“…”`, `“…”王毅称`,
 * `김지원 장관은 "…"라고 말했다`, `岸田首相は「…」と述べた`. Family names come first in all three.
 */

export type CjkSubject = { kind: 'name'; name: string; role?: string } | { kind: 'pronoun' } | { kind: 'group'; phrase: string };

// Common family names: one character (or syllable), a few of two.
const HAN_FAMILY = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤习温栗蔺',
  ),
);
const HAN_COMPOUND_FAMILY = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫'];
const HAN_VERB = /(?:表示|指出|强调|认为|介绍|称|说|回应|坦言|透露|补充|告诉)(?:道|说)?$/u;
const HAN_ADVERB = /(?:还|也|则|又|更|曾|再次|进一步|同时|随后|对此|此前|当时|最后|并|就此|亦)$/u;
const HAN_ROLE =
  /(?:发言人|主席|总统|总理|首相|部长|外长|教授|主任|院长|董事长|总裁|经理|局长|市长|省长|书记|委员|大使|记者|研究员|专家|官员|负责人|代表|会长|理事长|校长|主编|分析师|经济学家|总经理|副总裁|议员)$/u;
const HAN_GROUP =
  /^(?:.*(?:专家|专家们|分析人士|人士|官员|官员们|警方|当局|政府|公司|部门|外交部|商务部|央行|银行|机构|媒体|报道|声明|分析师们|学者|学者们|网友|民众|居民|们)|发言人|[有一]位.*)$/u;
const HAN_PRONOUN = /^(?:他|她|他们|她们)$/u;

const HANGUL_FAMILY = new Set(
  '김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 황보 남궁 제갈 선우 독고'.split(
    ' ',
  ),
);
const HANGUL_ROLE =
  /^(?:대통령|총리|장관|차관|의원|교수|대표|회장|부회장|사장|위원장|위원|원장|청장|시장|지사|대변인|기자|연구원|박사|씨|감독|선수|변호사|판사|검사|총장|국장|실장|소장|의장|대사|부장|팀장|이사|전무|상무|본부장|관계자)$/u;
const HANGUL_GROUP = /(?:들|관계자|당국|정부|경찰|업계|전문가|부처|회사|기업|측|대변인실)$/u;
const HANGUL_PRONOUN = /^(?:그|그녀|그들)$/u;
const HANGUL_SUBJECT = /^([\p{Script=Hangul}]+?)(?:은|는|이|가|께서)$/u;
/** After a Korean quotation: `라고 말했다`, `이라고 밝혔다`, `고 강조했다`. */
export const HANGUL_QUOTATIVE = /^\s*(?:이?라고|고|며|면서)(?=\s|$)/u;
const HANGUL_VERB = /(?:말했다|밝혔다|강조했다|설명했다|전했다|덧붙였다|주장했다|지적했다|말한다|했다|답했다|언급했다)/u;

/** `…汪文斌说：` before a quotation, or `王毅称。` after one: the Han words next to the speech verb. */
export function hanSubject(before: string, after: string): CjkSubject | undefined {
  const preceding = /([\p{Script=Han}]{1,16})[：:，,]?\s*$/u.exec(before)?.[1];
  const fromBefore = preceding && HAN_VERB.test(preceding) ? preceding : undefined;
  const following = /^[，,]?\s*([\p{Script=Han}]{1,16})/u.exec(after)?.[1];
  const verbAfter = following ? HAN_VERB.exec(following) : null;
  const clause = fromBefore ?? (verbAfter ? following!.slice(0, verbAfter.index + verbAfter[0].length) : undefined);
  if (clause === undefined) return undefined;
  let subject = clause.replace(HAN_VERB, '');
  while (HAN_ADVERB.test(subject)) subject = subject.replace(HAN_ADVERB, '');
  if (subject === '') return undefined;
  if (HAN_PRONOUN.test(subject)) return { kind: 'pronoun' };
  if (HAN_ROLE.test(subject) || HAN_GROUP.test(subject)) return { kind: 'group', phrase: subject };
  return hanName(subject);
}

/** The name that ends a run of Han characters, and the role before it: `国家主席习近平` → 习近平, 国家主席. */
function hanName(run: string): CjkSubject | undefined {
  const characters = Array.from(run);
  for (const length of [3, 2, 4]) {
    if (characters.length < length) continue;
    const name = characters.slice(-length).join('');
    const familyOk = HAN_FAMILY.has(name[0]!) || HAN_COMPOUND_FAMILY.some((family) => name.startsWith(family));
    if (!familyOk) continue;
    const role = characters.slice(0, -length).join('');
    return role === '' ? { kind: 'name', name } : { kind: 'name', name, role };
  }
  // A bare family name (`习还指出`): resolved against the full names of the document.
  if (characters.length === 1 && HAN_FAMILY.has(run)) return { kind: 'name', name: run };
  return undefined;
}

/**
 * `김지원 장관은 "…"라고 말했다` or `"…"라고 박 교수는 밝혔다`: the word with a subject
 * particle, before the quotation or between it and the verb.
 */
export function hangulSubject(before: string, after: string): CjkSubject | undefined {
  const quotative = HANGUL_QUOTATIVE.exec(after);
  if (!quotative) return undefined;
  const rest = after.slice(quotative[0].length);
  const sentenceEnd = rest.search(/[.!?。]/u);
  const clause = sentenceEnd === -1 ? rest : rest.slice(0, sentenceEnd);
  if (!HANGUL_VERB.test(clause)) return undefined;
  const afterWords = clause.trim().split(/\s+/u);
  const verbAt = afterWords.findIndex((word) => HANGUL_VERB.test(word));
  const between = subjectIn(afterWords.slice(0, Math.max(0, verbAt)));
  if (between) return between;
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('다.'), 0);
  return subjectIn(before.slice(sentenceStart).trim().split(/\s+/u).slice(-4));
}

function subjectIn(words: readonly string[]): CjkSubject | undefined {
  for (let i = words.length - 1; i >= 0; i--) {
    const match = HANGUL_SUBJECT.exec(words[i]!.replace(/[,，]$/u, ''));
    if (!match) continue;
    const head = match[1]!;
    if (HANGUL_PRONOUN.test(head)) return { kind: 'pronoun' };
    if (HANGUL_GROUP.test(head)) return { kind: 'group', phrase: words[i]! };
    if (HANGUL_ROLE.test(head)) {
      const name = words[i - 1];
      if (name && isHangulName(name, true)) return { kind: 'name', name, role: head };
      return { kind: 'group', phrase: words[i]! };
    }
    if (isHangulName(head, false)) return { kind: 'name', name: head };
    return undefined;
  }
  return undefined;
}

/** `김지원` (family name and one or two syllables), or a bare `박` before a role. */
function isHangulName(word: string, bareAllowed: boolean): boolean {
  if (!/^\p{Script=Hangul}+$/u.test(word)) return false;
  const syllables = Array.from(word);
  if (syllables.length === 1) return bareAllowed && HANGUL_FAMILY.has(word);
  if (syllables.length > 4) return false;
  return HANGUL_FAMILY.has(syllables[0]!) || HANGUL_FAMILY.has(syllables.slice(0, 2).join(''));
}

/** After a Japanese quotation: `と述べた`, `と語った`, `と強調した`. */
const KANA_QUOTATIVE = /^\s*と(?:[^。「」]{0,12}?)(?:述べ|語っ|話し|説明し|強調し|明らかにし|指摘し|答え|訴え|主張し|発表し)/u;
const KANA_ROLE = /(?:氏|さん|首相|大臣|社長|会長|教授|大統領|長官|知事|市長|代表|議員|監督|選手|委員長|総裁|幹事長|官房長官)$/u;
const KANA_GROUP = /^(?:.*(?:関係者|専門家|政府|当局|警察|同社|会社|省|庁|委員会|筋|たち|ら|側|者))$/u;
const KANA_PRONOUN = /^(?:彼|彼女|彼ら)$/u;

/** `岸田首相は「…」と述べた`: the word before は or が, before the quotation, with its role apart. */
export function kanaSubject(before: string, after: string): CjkSubject | undefined {
  if (!KANA_QUOTATIVE.test(after)) return undefined;
  // Right before the quotation, or opening its sentence: `岸田文雄首相は記者団に対し、「…」と述べた`.
  const sentence = before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf('」')) + 1);
  const match =
    /([\p{Script=Han}\p{Script=Katakana}ー・]{1,12})(?:は|が)[、,]?\s*$/u.exec(sentence) ??
    /^\s*([\p{Script=Han}\p{Script=Katakana}ー・]{1,12})(?:は|が)/u.exec(sentence);
  if (!match) return undefined;
  const word = match[1]!;
  if (KANA_PRONOUN.test(word)) return { kind: 'pronoun' };
  const role = KANA_ROLE.exec(word)?.[0];
  const name = role ? word.slice(0, -role.length) : word;
  if (name === '' || KANA_GROUP.test(word)) return { kind: 'group', phrase: word };
  // `氏` and `さん` are honorifics, not roles.
  return role && !/^(?:氏|さん)$/u.test(role) ? { kind: 'name', name, role } : { kind: 'name', name };
}
