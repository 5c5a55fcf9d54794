import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Quotation } from '../../content/entry-schema.ts';
import { extractQuotations } from './quotations.ts';

/** The seed's body: the non-empty lines from the first body paragraph on (header and captions come before). */
function seedParagraphs(): string[] {
  const lines = readFileSync(new URL('../../../content/documents/000_436062db2601815d.txt', import.meta.url), 'utf8').split(/\r?\n/);
  const start = lines.findIndex((line) => line.startsWith('A high-profile economic delegation'));
  return lines.slice(start).filter((line) => line.trim() !== '');
}

describe('extractQuotations on the seed article', () => {
  const found = extractQuotations(seedParagraphs());

  // Hand-checked against the text, in document order.
  const expected: [paragraph: number, speaker: string | undefined, text: string, source?: string][] = [
    // "Multiple South Korean business leaders told …": a group, not a named person.
    [
      1,
      undefined,
      'South Korean companies view China as a core strategic market and hope to discover new growth opportunities through in-depth cooperation with China.',
      'Multiple South Korean business leaders',
    ],
    // "He said the meeting … " after "Lee Whan-chul, founder of …, told the Global Times".
    [
      2,
      'Lee Whan-chul',
      'sent a positive signal and significantly bolstered the confidence of the South Korean business community in investing in China. I believe this will mark a new beginning for long-term cooperation between China and South Korea.',
    ],
    [4, 'Lee Whan-chul', 'Traveling from South Korea to Kunshan is as convenient as going to Jeju Island,'],
    // The scare quote sits in the sentence governed by "Lee said".
    [4, 'Lee Whan-chul', 'close neighbors'],
    [
      5,
      'Ahn Jung-hyun',
      "I have a most intuitive perception of China's industrial ecosystem and market vitality. This place has long been the indispensable soil for my entrepreneurial journey,",
    ],
    // "Against the backdrop …, Ahn said." then `"…," he said, noting that … "…"`.
    [
      7,
      'Ahn Jung-hyun',
      "For tech enterprises, China's advantages in market scale, the speed of commercialization, and the supporting manufacturing infrastructure make it an irreplaceable strategic market,",
    ],
    [
      7,
      'Ahn Jung-hyun',
      'a consideration focused on the short term, but rather a manifestation of the firm determination of those South Korean companies to discover new growth opportunities through in-depth cooperation with China.',
    ],
    [10, 'Park Sun-kyung', 'clear trend of warming and positive momentum'],
    // "She further noted that …", after "Park noted" in the paragraph before.
    [12, 'Park Sun-kyung', 'high technology and green development.'],
    [
      14,
      'Kim Jong-moon',
      "Through the visit, we gained a more intuitive and profound understanding of China's development, particularly its technological strength and business environment,",
    ],
  ];

  test('finds exactly the hand-checked quotations', () => {
    expect(found).toHaveLength(expected.length);
  });

  test('finds its five speakers: four people and one group', () => {
    expect(new Set(found.map((quotation) => quotation.speaker).filter(Boolean))).toEqual(
      new Set(['Lee Whan-chul', 'Ahn Jung-hyun', 'Park Sun-kyung', 'Kim Jong-moon']),
    );
    expect(found.filter((quotation) => quotation.source !== undefined)).toHaveLength(1);
  });

  test.each(expected.map((row, i) => [i, ...row] as const))(
    'quotation %i (paragraph %i) is spoken by %s',
    (i, paragraph, speaker, text, source) => {
      expect(found[i]).toEqual({ text, speaker, source, paragraph });
      // An unknown speaker is left out, not written as an empty key.
      if (speaker === undefined) expect(found[i]).not.toHaveProperty('speaker');
    },
  );
});

describe('extractQuotations on small cases', () => {
  type Row = [name: string, paragraphs: string[], expected: Quotation[]];
  const rows: Row[] = [
    ['empty input', [], []],
    ['paragraphs without quotes', ['', '   ', 'Nothing is quoted here, Lee said.'], []],
    [
      'curly quotes, said-name inversion',
      ['“We will win,” said Lee Min-ho.'],
      [{ text: 'We will win,', speaker: 'Lee Min-ho', paragraph: 0 }],
    ],
    ['guillemets', ['«We will win,» Lee Min-ho said.'], [{ text: 'We will win,', speaker: 'Lee Min-ho', paragraph: 0 }]],
    ['unbalanced curly quote', ['He said “this never ends, and neither does the paragraph.'], []],
    [
      'unbalanced mark after a balanced pair',
      ['"Yes," Kim Min-ji said, and then "no.'],
      [{ text: 'Yes,', speaker: 'Kim Min-ji', paragraph: 0 }],
    ],
    ['empty quotes are skipped', ['An empty "" pair and a blank “ ” one.'], []],
    [
      'nested single quotes stay in the text',
      [`"He called it 'a farce,' frankly," Kim Min-ji said.`],
      [{ text: "He called it 'a farce,' frankly,", speaker: 'Kim Min-ji', paragraph: 0 }],
    ],
    [
      'bare surname resolves to the full name seen earlier',
      ['Lee Whan-chul, founder of L&C Bio, said the plan is ready.', '"We are ready," said Lee.'],
      [{ text: 'We are ready,', speaker: 'Lee Whan-chul', paragraph: 1 }],
    ],
    [
      'bare surname matching a last name',
      ['John Smith, a trader in London, said markets fell.', '"Sell now," Smith told reporters.'],
      [{ text: 'Sell now,', speaker: 'John Smith', paragraph: 1 }],
    ],
    [
      'pronoun resolves to the previous speaker in the document',
      ['Park Sun-kyung, an official, told reporters the talks went well.', '"It was productive," she said.'],
      [{ text: 'It was productive,', speaker: 'Park Sun-kyung', paragraph: 1 }],
    ],
    [
      'pronoun prefers the person named earlier in the paragraph',
      ['"First," Kim Min-ji said.', 'Lee Min-ho, a banker, spoke next. Lee Min-ho said the rates were low. "Second," he added.'],
      [
        { text: 'First,', speaker: 'Kim Min-ji', paragraph: 0 },
        { text: 'Second,', speaker: 'Lee Min-ho', paragraph: 1 },
      ],
    ],
    ['pronoun with nobody to refer to', ['"Hello," he said.'], [{ text: 'Hello,', paragraph: 0 }]],
    [
      'unnamed speaker after the quote',
      ['"We are worried," a spokesperson said.'],
      [{ text: 'We are worried,', source: 'a spokesperson', paragraph: 0 }],
    ],
    [
      'unnamed speaker before the quote',
      ['The ministry said the rules had "nothing to do with trade" and "would stay."'],
      [
        { text: 'nothing to do with trade', source: 'The ministry', paragraph: 0 },
        { text: 'would stay.', source: 'The ministry', paragraph: 0 },
      ],
    ],
    [
      'an unnamed speaker is not replaced by a name from another sentence',
      ['Lee Min-ho said the plan works. Several officials told reporters that "it will fail."'],
      [{ text: 'it will fail.', source: 'Several officials', paragraph: 0 }],
    ],
    [
      'a later quote in the same sentence shares the speaker',
      ['Lee Min-ho said the plan was "bold" and "overdue."'],
      [
        { text: 'bold', speaker: 'Lee Min-ho', paragraph: 0 },
        { text: 'overdue.', speaker: 'Lee Min-ho', paragraph: 0 },
      ],
    ],
    [
      'speaker named elsewhere in the paragraph',
      ['Prices will rise, Ahn Jung-hyun said. "Nobody can stop it."'],
      [{ text: 'Nobody can stop it.', speaker: 'Ahn Jung-hyun', paragraph: 0 }],
    ],
    [
      'titles and places are not part of the name',
      ['Chinese President Xi Jinping said the ties were "at a new starting point."'],
      [{ text: 'at a new starting point.', speaker: 'Xi Jinping', role: 'Chinese President', paragraph: 0 }],
    ],
    [
      'according to',
      ['"Prices are falling," according to Lee Min-ho.'],
      [{ text: 'Prices are falling,', speaker: 'Lee Min-ho', paragraph: 0 }],
    ],
    [
      'an organisation is not a person: it is the source',
      ['"No comment," the Foreign Ministry said.', '"None," Xinhua News Agency said.'],
      [
        { text: 'No comment,', source: 'the Foreign Ministry', paragraph: 0 },
        { text: 'None,', source: 'Xinhua News Agency', paragraph: 1 },
      ],
    ],
    [
      'CJK brackets, a Chinese speech verb, and a pronoun',
      ['李明说：「我们会赢。」他补充道『没问题』。'],
      [
        { text: '我们会赢。', speaker: '李明', paragraph: 0 },
        { text: '没问题', speaker: '李明', paragraph: 0 },
      ],
    ],
  ];

  test.each(rows)('%s', (_name, paragraphs, expected) => {
    expect(extractQuotations(paragraphs)).toEqual(expected);
  });
});

describe('extractQuotations: who said what', () => {
  type Row = [name: string, paragraphs: string[], expected: Quotation[]];
  const rows: Row[] = [
    [
      'a bare surname after the full name, with the role kept apart',
      ['Home Secretary Charles Clarke defended the bill.', '"It is measured," Mr Clarke told MPs.'],
      [{ text: 'It is measured,', speaker: 'Charles Clarke', role: 'Home Secretary', paragraph: 1 }],
    ],
    [
      'a bare surname before the full name',
      ['"Nobody expected this," Ms Simonetti said.', 'Chiara Simonetti has led the union since 2019.'],
      [{ text: 'Nobody expected this,', speaker: 'Chiara Simonetti', paragraph: 0 }],
    ],
    [
      'a surname two people share stays unattributed',
      ['Venus Williams beat Serena Williams.', '"It was tough," Williams said.'],
      [{ text: 'It was tough,', paragraph: 1 }],
    ],
    [
      'a group is the source, not a person',
      ['"The outlook has worsened," analysts at Barclays said in a note.'],
      [{ text: 'The outlook has worsened,', source: 'analysts at Barclays', paragraph: 0 }],
    ],
    [
      'a one-word group',
      ['Experts said the virus was "unlikely to spread".'],
      [{ text: 'unlikely to spread', source: 'Experts', paragraph: 0 }],
    ],
    [
      '"they" means the group quoted last, never one person',
      ['Lee Min-ho said it was over.', 'Police said the area was "secured". "Nobody was hurt," they said.'],
      [
        { text: 'secured', source: 'Police', paragraph: 1 },
        { text: 'Nobody was hurt,', source: 'Police', paragraph: 1 },
      ],
    ],
    [
      'a word the document treats as a thing is no person',
      ['Yukos is confident of its right to protection.', '"We will win in court," Yukos said.'],
      [{ text: 'We will win in court,', source: 'Yukos', paragraph: 1 }],
    ],
    [
      'an interview line',
      ['The director Ken Loach spoke to us.', 'Loach: "I make films about people."'],
      [{ text: 'I make films about people.', speaker: 'Ken Loach', paragraph: 1 }],
    ],
    [
      'a word before a colon that the document never names in full is no speaker',
      ['Update: "The road is open," police said.'],
      [{ text: 'The road is open,', source: 'police', paragraph: 0 }],
    ],
    [
      'told … that',
      ['Chief executive Sarah Okafor told the BBC that "every job is safe".'],
      [{ text: 'every job is safe', speaker: 'Sarah Okafor', paragraph: 0 }],
    ],
    [
      'said, then lower-case role words, then the name',
      ['"It is over," said England sevens coach Mike Friday.'],
      [{ text: 'It is over,', speaker: 'Mike Friday', role: 'England sevens coach', paragraph: 0 }],
    ],
    [
      'British single quotes, apostrophes left alone',
      ["The players' union wasn't told.", "'It's the club's decision,' said Gordon Taylor."],
      [{ text: "It's the club's decision,", speaker: 'Gordon Taylor', paragraph: 1 }],
    ],
    [
      'German „ “ and French « »',
      ['„Wir stehen zusammen“, sagte Olaf Scholz.', '« Nous ne reculerons pas », a déclaré Emmanuel Macron.'],
      [
        { text: 'Wir stehen zusammen', speaker: 'Olaf Scholz', paragraph: 0 },
        { text: 'Nous ne reculerons pas', speaker: 'Emmanuel Macron', paragraph: 1 },
      ],
    ],
    [
      'a quotation over two paragraphs is one, with the speaker its end names',
      ['"You betrayed every family in this town.', '"You will go to prison," Judge Helen Marsh said.'],
      [
        { text: 'You betrayed every family in this town.', speaker: 'Helen Marsh', role: 'Judge', paragraph: 0 },
        { text: 'You will go to prison,', speaker: 'Helen Marsh', role: 'Judge', paragraph: 1, continued: true },
      ],
    ],
    [
      "a quotation that runs on after an attributed one in its paragraph is that speaker's, unless its end names another",
      [
        '"Nobody will sit under a leaking roof," said Tomas Vidal, the finance chair. "The pupils move to the hall.',
        '"We will pay for it from the reserve."',
        '"It is too late," said Mara Osei. "The term has begun.',
        '"And the hall is cold," Lena Brandt said.',
      ],
      [
        { text: 'Nobody will sit under a leaking roof,', speaker: 'Tomas Vidal', paragraph: 0 },
        { text: 'The pupils move to the hall.', speaker: 'Tomas Vidal', paragraph: 0 },
        { text: 'We will pay for it from the reserve.', speaker: 'Tomas Vidal', paragraph: 1, continued: true },
        { text: 'It is too late,', speaker: 'Mara Osei', paragraph: 2 },
        { text: 'The term has begun.', speaker: 'Lena Brandt', paragraph: 2 },
        { text: 'And the hall is cold,', speaker: 'Lena Brandt', paragraph: 3, continued: true },
      ],
    ],
    [
      'a paragraph break the text lost: the opening mark comes again after a sentence',
      ['Ms Hewitt said: "We doubled it. "We will extend it." She said more was coming.', 'Patricia Hewitt is a minister.'],
      [
        { text: 'We doubled it.', speaker: 'Patricia Hewitt', paragraph: 0 },
        { text: 'We will extend it.', speaker: 'Patricia Hewitt', paragraph: 0, continued: true },
      ],
    ],
    [
      'a scare quote gets no speaker from elsewhere in the paragraph',
      ['Lee Min-ho said prices rose. The firm launched an "injury audit" last week.'],
      [{ text: 'injury audit', paragraph: 0 }],
    ],
    [
      '"he" right after a spokesman is the spokesman; a role the document gives one person is that person',
      [
        'Kate Winslet said: "It is sad."',
        'A spokesman for the UK Film Council said: "It is disappointing." He added: "It was extraordinary."',
        'Prime Minister Tony Blair spoke. "We go on," the prime minister said. "We win," he added.',
      ],
      [
        { text: 'It is sad.', speaker: 'Kate Winslet', paragraph: 0 },
        { text: 'It is disappointing.', source: 'A spokesman for the UK Film Council', paragraph: 1 },
        { text: 'It was extraordinary.', source: 'A spokesman for the UK Film Council', paragraph: 1 },
        { text: 'We go on,', speaker: 'Tony Blair', role: 'Prime Minister', paragraph: 2 },
        { text: 'We win,', speaker: 'Tony Blair', role: 'Prime Minister', paragraph: 2 },
      ],
    ],
    [
      'agreed; a role before a name; an organisation whose name has "and" in it',
      [
        'Fellow speaker James MacMillan agreed: "We need to listen."',
        'Agent Simon Beresford said: "She was a trouper."',
        'The Department of Trade and Industry said the policy was "a sixfold reduction in shipments".',
      ],
      [
        { text: 'We need to listen.', speaker: 'James MacMillan', paragraph: 0 },
        { text: 'She was a trouper.', speaker: 'Simon Beresford', role: 'Agent', paragraph: 1 },
        { text: 'a sixfold reduction in shipments', source: 'The Department of Trade and Industry', paragraph: 2 },
      ],
    ],
    [
      'a pronoun before anyone has spoken means the person the paragraph is about',
      ['Kevin Keegan resigned on Monday.', '"I could not carry on," he told reporters.'],
      [{ text: 'I could not carry on,', speaker: 'Kevin Keegan', paragraph: 1 }],
    ],
    [
      'Chinese: role, name and 表示, then a bare family name',
      ['国家主席习近平表示：「发展是第一要务。」', '习还指出：「我们要坚持改革。」'],
      [
        { text: '发展是第一要务。', speaker: '习近平', role: '国家主席', paragraph: 0 },
        { text: '我们要坚持改革。', speaker: '习近平', role: '国家主席', paragraph: 1 },
      ],
    ],
    [
      'Chinese: the speaker after the quotation, and a group',
      ['“合作非常成功。”王毅称。', '专家表示：“经济将继续恢复。”'],
      [
        { text: '合作非常成功。', speaker: '王毅', paragraph: 0 },
        { text: '经济将继续恢复。', source: '专家', paragraph: 1 },
      ],
    ],
    [
      'Japanese: 「…」と述べた with the speaker opening the sentence, a bare family name, a group, and 氏',
      [
        '岸田文雄首相は記者団に対し、「経済の再生が最優先だ」と述べた。',
        '岸田首相は「賃上げを続ける」と強調した。',
        '政府関係者は「調整が続いている」と語った。',
        '山田太郎氏は「準備はできている」と話した。',
      ],
      [
        { text: '経済の再生が最優先だ', speaker: '岸田文雄', role: '首相', paragraph: 0 },
        { text: '賃上げを続ける', speaker: '岸田文雄', role: '首相', paragraph: 1 },
        { text: '調整が続いている', source: '政府関係者', paragraph: 2 },
        { text: '準備はできている', speaker: '山田太郎', paragraph: 3 },
      ],
    ],
    [
      'Korean: 라고 말했다 / 밝혔다, a bare family name with a role, and a group',
      [
        '박선경 교수는 "관계가 개선되고 있다"라고 밝혔다.',
        '박 교수는 "협력이 핵심"이라고 강조했다.',
        '전문가들은 "금리가 오를 것"이라고 말했다.',
      ],
      [
        { text: '관계가 개선되고 있다', speaker: '박선경', role: '교수', paragraph: 0 },
        { text: '협력이 핵심', speaker: '박선경', role: '교수', paragraph: 1 },
        { text: '금리가 오를 것', source: '전문가들은', paragraph: 2 },
      ],
    ],
  ];

  test.each(rows)('%s', (_name, paragraphs, expected) => {
    expect(extractQuotations(paragraphs)).toEqual(expected);
  });
});

describe('extractQuotations on hostile input', () => {
  // No time assertions: these would hang (or throw) if matching backtracked or recursed.
  const rows: [name: string, paragraph: string, count: number][] = [
    ['300 KB of balanced straight quotes', '"a" he said '.repeat(25_000), 25_000],
    ['300 KB after an opening mark that never closes', '“' + 'word said Lee, '.repeat(20_000), 0],
    ['thousands of unmatched curly openers', '“ said Lee '.repeat(30_000), 0],
    ['an odd number of straight quotes', '"'.repeat(100_001), 0],
    ['a 300 KB word', 'A'.repeat(150_000) + 'a'.repeat(150_000) + ' said "x"', 1],
  ];

  test.each(rows)('%s', (_name, paragraph, count) => {
    expect(paragraph.length).toBeGreaterThan(100_000);
    expect(extractQuotations([paragraph])).toHaveLength(count);
  });

  test('150,000 quotations in one paragraph are all found (more than a call can take as arguments)', () => {
    expect(extractQuotations(['"a" '.repeat(150_000)])).toHaveLength(150_000);
  });

  test('thousands of people sharing a surname, each bare surname attributed: a bounded answer, not a search', () => {
    const letters = (i: number): string => [0, 1, 2].map((k) => String.fromCharCode(97 + (Math.floor(i / 26 ** k) % 26))).join('');
    const names = Array.from({ length: 2_000 }, (_, i) => `Ab${letters(i)} Smith`);
    const found = extractQuotations([`${names.join(', ')}.`, '"x," Smith said. '.repeat(2_000)]);
    expect(found).toHaveLength(2_000);
    // So many Smiths: a bare Smith is none of them.
    expect(found.every((quotation) => quotation.speaker === undefined)).toBe(true);
  });

  test('long hyphen chains and capitalised words, where a name scan could backtrack', () => {
    const paragraphs = Array.from({ length: 15 }, () => `${'A-'.repeat(10_000)} its "x," Lee said.`);
    expect(extractQuotations(paragraphs)).toHaveLength(15);
  });

  test('never throws on values that are not strings', () => {
    expect(extractQuotations([null, 42, '"ok," Lee said.'] as unknown as string[])).toEqual([
      { text: 'ok,', speaker: 'Lee', paragraph: 2 },
    ]);
    expect(extractQuotations(undefined as unknown as string[])).toEqual([]);
  });
});
