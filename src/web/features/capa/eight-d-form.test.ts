import { describe, expect, it } from 'vitest';
import { cleanSectionContent, describeMissingField } from './eight-d-form';

describe('cleanSectionContent', () => {
  it('should trim strings and drop empty strings, nulls and empty rows when saving a draft section', () => {
    expect(
      cleanSectionContent({
        leader: ' 陈静 ',
        champion: '',
        members: [{ name: '张伟', department: '  ', role: undefined }, { name: '' }, null],
        note: null,
      }),
    ).toEqual({ leader: '陈静', members: [{ name: '张伟' }] });
  });

  it('should keep booleans, numbers and nested objects with content when they are filled', () => {
    expect(cleanSectionContent({ fiveW2H: { what: '霉点', why: '' }, n: 0, ok: false })).toEqual({
      fiveW2H: { what: '霉点' },
      n: 0,
      ok: false,
    });
  });

  it('should answer undefined when a section is empty', () => {
    expect(cleanSectionContent({ actions: [{ action: ' ' }], effectivenessCheck: '' })).toBeUndefined();
  });
});

describe('describeMissingField', () => {
  const t = (key: string) => `<${key}>`;
  it.each([
    ['symptoms', '<field.symptoms>'],
    ['fiveW2H.where', '<field.fiveW2H> · <field.where>'],
    ['actions[0].owner', '<field.actions> 1 · <field.owner>'],
    ['(section)', '<detail.notFilled>'],
    ['actions(addresses: escape)', '<field.coversEscape>'],
  ])('should describe %s in words', (path, words) => {
    expect(describeMissingField(path, t)).toBe(words);
  });
});
