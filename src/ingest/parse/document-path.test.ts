import { describe, expect, test } from 'vitest';
import { folderSection, folderTitle, readDocumentPath } from './document-path.ts';

describe('readDocumentPath', () => {
  test.each([
    // Dates at the start of the name, in the forms Jekyll and archives use.
    ['2023-07-14-harbour.md', { date: '2023-07-14', title: 'Harbour', folders: [] }],
    [
      '_posts/2020-01-07-qa-what-it-is-like-to-be-on-the-board.md',
      { date: '2020-01-07', title: 'Qa what it is like to be on the board', folders: [] },
    ],
    ['news/_posts/2020-01-07-launch.md', { date: '2020-01-07', title: 'Launch', folders: ['news'] }],
    ['1921-08-01_25.txt', { date: '1921-08-01', title: '1921-08-01_25', folders: [] }],
    ['20180420-budget-vote.txt', { date: '2018-04-20', title: 'Budget vote', folders: [] }],
    ['2023_07_14 notes.txt', { date: '2023-07-14', title: 'Notes', folders: [] }],
    // Dates in the folders: they give the date and are not sections.
    ['2018/04/20/x.txt', { date: '2018-04-20', title: 'x', folders: [] }],
    ['world/2018/04/20/storm.txt', { date: '2018-04-20', title: 'storm', folders: ['world'] }],
    ['archive/2019/07/notes.txt', { title: 'notes', folders: ['archive'] }],
    ['kaebyok/1920-06-25/1920-06-25_1.txt', { date: '1920-06-25', title: '1920-06-25_1', folders: ['kaebyok', '1920-06-25'] }],
    ['issues/1921-08-01/25.txt', { date: '1921-08-01', title: '25', folders: ['issues', '1921-08-01'] }],
    // A dated folder is the post (Docusaurus: `2021-08-26-welcome/index.md`).
    ['blog/2021-08-26-welcome/index.md', { date: '2021-08-26', title: 'Welcome', folders: ['blog'] }],
    // No date: a name that is not a real date stays a name.
    ['2023-02-30-not-a-day.md', { title: '2023-02-30-not-a-day', folders: [] }],
    ['notes/readme.md', { title: 'Notes', folders: ['notes'] }],
    ['android/architecture/overview.md', { title: 'overview', folders: ['android', 'architecture'] }],
    // Order numbers, as docs trees write them.
    ['guides/02-advanced-setup.md', { title: 'Advanced setup', folders: ['guides'], order: 2 }],
    ['04-ai-sdk-ui/21-transport.mdx', { title: 'Transport', folders: ['04-ai-sdk-ui'], order: 21 }],
  ])('%s', (source, expected) => {
    const { folderPaths: _paths, ...facts } = readDocumentPath(source);
    expect(facts).toEqual(expected);
  });

  test('documents in _drafts are drafts', () => {
    expect(readDocumentPath('_drafts/idea.md')).toMatchObject({ draft: true, folders: [] });
  });
});

describe('folder titles and sections', () => {
  test.each([
    ['business', 'Business'],
    ['tutorial-basics', 'Tutorial basics'],
    ['getting_started', 'Getting started'],
    ['04-ai-sdk-ui', 'Ai sdk ui'],
    ['API', 'API'],
    ['体育', '体育'],
    ['정치', '정치'],
    ['économie', 'Économie'],
  ])('%s → %s', (name, title) => {
    expect(folderTitle(name)).toBe(title);
  });

  test('a folder description names its folder', () => {
    const facts = readDocumentPath('docs/tutorial-basics/create-a-page.md');
    expect(folderSection(facts, { 'docs/tutorial-basics': { title: 'Tutorial - Basics' } })).toEqual(['Docs', 'Tutorial - Basics']);
  });
});
