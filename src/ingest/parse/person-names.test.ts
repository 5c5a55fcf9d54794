import { describe, expect, test } from 'vitest';
import { isRoleOnly, parsePersonName } from './person-names.ts';
import { nameKey } from '../../utils/name-key.ts';

describe('parsePersonName', () => {
  test.each([
    ['But Tony Banks', { name: 'Tony Banks' }],
    ['Home Secretary Charles Clarke', { name: 'Charles Clarke', role: 'Home Secretary' }],
    ['South Korean President Yoon Suk Yeol', { name: 'Yoon Suk Yeol', role: 'South Korean President' }],
    ['Mr Clarke', { name: 'Clarke', honorific: true }],
    ['Mr French', { name: 'French', honorific: true }],
    ['Sir Alex', { name: 'Alex', honorific: true }],
    ['Mike Friday', { name: 'Mike Friday' }],
    ['Oliver Irish', { name: 'Oliver Irish' }],
    ['Jurgen den Hartog', { name: 'Jurgen den Hartog' }],
    ['Charles A Blixt', { name: 'Charles A Blixt' }],
    ['Mr R. Sridharan', { name: 'R. Sridharan', honorific: true }],
    ['Singer Joss Stone', { name: 'Joss Stone', role: 'Singer' }],
    ['Lee Whan-chul', { name: 'Lee Whan-chul' }],
  ])('%s', (run, expected) => {
    expect(parsePersonName(run.split(' '))).toEqual(expected);
  });

  test.each([
    ['an organisation', 'Seoul National University'],
    ['a place', 'Downing Street'],
    ['a group word', 'Officials'],
    ['a country word alone', 'Irish'],
    ['a role alone', 'Home Secretary'],
    ['an event', 'Australian Open'],
    ['too long for a name', 'Anna Maria Luisa Carlotta Medici'],
  ])('%s is no person: %s', (_kind, run) => {
    expect(parsePersonName(run.split(' '))).toBeUndefined();
  });
});

describe('isRoleOnly', () => {
  test.each([
    ['Home Secretary', true],
    ['The Prime Minister', true],
    ['Mr', true],
    ['Tony Blair', false],
    ['Prime Minister Tony Blair', false],
  ])('%s → %s', (run, expected) => {
    expect(isRoleOnly(run.split(' '))).toBe(expected);
  });
});

describe('nameKey', () => {
  test.each([
    ['Lee Whan-chul', 'Lee Whan Chul'],
    ['José Mourinho', 'Jose Mourinho'],
    ['Arsène Wenger', 'ARSENE WENGER'],
    ["Eddie O'Sullivan", 'Eddie O’Sullivan'],
  ])('%s = %s', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  test.each([
    ['Lee Whan-chul', 'Lee Whan-chol'],
    ['Tony Blair', 'Ian Blair'],
    // Japanese voicing marks change the name.
    ['かとう', 'がとう'],
  ])('%s ≠ %s', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });
});
