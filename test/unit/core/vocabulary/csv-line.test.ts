import { describe, expect, it } from 'vitest';
import { splitCsvLine } from '../../../../src-main/core/vocabulary/csv-line';

describe('splitCsvLine', () => {
  it('splits plain fields', () => {
    expect(splitCsvLine('long_hair,0,4350743')).toEqual(['long_hair', '0', '4350743']);
  });

  it('keeps commas inside a quoted field', () => {
    expect(splitCsvLine('1girl,0,6008644,"1girls,sole_female"')).toEqual(['1girl', '0', '6008644', '1girls,sole_female']);
  });

  it('reads a doubled quote as one quote', () => {
    expect(splitCsvLine('"don\'t_say_""lazy""",0,1076,don\'t_say_lazy')).toEqual([
      'don\'t_say_"lazy"',
      '0',
      '1076',
      "don't_say_lazy",
    ]);
    expect(splitCsvLine('"""rouhou""_x",3,71,')).toEqual(['"rouhou"_x', '3', '71', '']);
  });

  it('gives an empty last field for a trailing comma, and an empty field for ""', () => {
    expect(splitCsvLine('a,b,')).toEqual(['a', 'b', '']);
    expect(splitCsvLine('a,"",c')).toEqual(['a', '', 'c']);
    expect(splitCsvLine('')).toEqual(['']);
  });

  it('ignores blanks around a quoted field', () => {
    expect(splitCsvLine('a, "b,c" ,d')).toEqual(['a', 'b,c', 'd']);
  });

  it('keeps a quote in the middle of an unquoted field as text', () => {
    expect(splitCsvLine('say_"hi",0,1')).toEqual(['say_"hi"', '0', '1']);
  });

  it('refuses a quote that never closes, or text after a closing quote', () => {
    expect(splitCsvLine('"open,0,1')).toBeNull();
    expect(splitCsvLine('a,"b""')).toBeNull();
    expect(splitCsvLine('"a"b,0,1')).toBeNull();
  });
});
