import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import {
  decodeCaption,
  DEFAULT_CAPTION_FORMAT,
  encodeCaption,
  UnencodableCaptionError,
  unwritableCharacter,
  type CaptionFormat,
} from '../../../../src-main/core/captions/caption-codec';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const utf16le = (s: string) => Buffer.from(s, 'utf16le');
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();
const bytes = (...b: number[]) => Buffer.from(b);
const legacy = (s: string, encoding: string) => iconv.encode(s, encoding);
const BOM8 = bytes(0xef, 0xbb, 0xbf);

interface Case {
  name: string;
  file: Buffer;
  text: string;
  format: CaptionFormat;
}

const cases: Case[] = [
  { name: 'plain UTF-8', file: utf8('1girl, solo'), text: '1girl, solo', format: { encoding: 'utf8', bom: false, lineEnding: 'none' } },
  { name: 'UTF-8 with BOM', file: Buffer.concat([BOM8, utf8('a, b')]), text: 'a, b', format: { encoding: 'utf8', bom: true, lineEnding: 'none' } },
  { name: 'CRLF ending', file: utf8('a, b\r\n'), text: 'a, b', format: { encoding: 'utf8', bom: false, lineEnding: 'crlf' } },
  { name: 'LF ending', file: utf8('a, b\n'), text: 'a, b', format: { encoding: 'utf8', bom: false, lineEnding: 'lf' } },
  { name: 'only one line ending is taken off', file: utf8('a\n\n'), text: 'a\n', format: { encoding: 'utf8', bom: false, lineEnding: 'lf' } },
  { name: 'interior newlines stay', file: utf8('a\r\nb\r\n'), text: 'a\r\nb', format: { encoding: 'utf8', bom: false, lineEnding: 'crlf' } },
  { name: 'a lone CR is text, not a line ending', file: utf8('a\r'), text: 'a\r', format: { encoding: 'utf8', bom: false, lineEnding: 'none' } },
  { name: 'a file that is just LF', file: utf8('\n'), text: '', format: { encoding: 'utf8', bom: false, lineEnding: 'lf' } },
  { name: 'a file that is just CRLF', file: utf8('\r\n'), text: '', format: { encoding: 'utf8', bom: false, lineEnding: 'crlf' } },
  {
    name: 'UTF-16LE with BOM',
    file: Buffer.concat([bytes(0xff, 0xfe), utf16le('café, 猫\r\n')]),
    text: 'café, 猫',
    format: { encoding: 'utf16le', bom: true, lineEnding: 'crlf' },
  },
  {
    name: 'UTF-16BE with BOM',
    file: Buffer.concat([bytes(0xfe, 0xff), utf16be('café, 猫')]),
    text: 'café, 猫',
    format: { encoding: 'utf16be', bom: true, lineEnding: 'none' },
  },
  { name: 'UTF-16LE without BOM', file: utf16le('1girl, smile\n'), text: '1girl, smile', format: { encoding: 'utf16le', bom: false, lineEnding: 'lf' } },
  { name: 'UTF-16BE without BOM', file: utf16be('1girl, smile'), text: '1girl, smile', format: { encoding: 'utf16be', bom: false, lineEnding: 'none' } },
  {
    name: 'Windows-1252 with é ü “ ” €',
    // "café, über, “quoted”, 5€"
    file: Buffer.concat([utf8('caf'), bytes(0xe9), utf8(', '), bytes(0xfc), utf8('ber, '), bytes(0x93), utf8('quoted'), bytes(0x94), utf8(', 5'), bytes(0x80)]),
    text: 'café, über, “quoted”, 5€',
    format: { encoding: 'windows1252', bom: false, lineEnding: 'none' },
  },
  {
    name: 'Windows-1252 bytes that 1252 leaves undefined',
    file: bytes(0x61, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xe9),
    text: 'a\u0081\u008d\u008f\u0090\u009dé',
    format: { encoding: 'windows1252', bom: false, lineEnding: 'none' },
  },
  { name: 'empty file', file: Buffer.alloc(0), text: '', format: { encoding: 'utf8', bom: false, lineEnding: 'none' } },
  { name: 'emoji and CJK in UTF-8', file: utf8('🎨 art, 女の子, 👍🏽\n'), text: '🎨 art, 女の子, 👍🏽', format: { encoding: 'utf8', bom: false, lineEnding: 'lf' } },
  {
    name: 'parentheses, underscores, backslashes kept',
    file: utf8('(masterpiece:1.2), long_hair, \\(artist\\), [blue eyes], Mixed Case'),
    text: '(masterpiece:1.2), long_hair, \\(artist\\), [blue eyes], Mixed Case',
    format: { encoding: 'utf8', bom: false, lineEnding: 'none' },
  },
  // legacy CJK encodings: read as what they are, not as Windows-1252 mojibake (`”LŽ¨, ­—`)
  { name: 'Shift-JIS', file: legacy('猫耳, 少女', 'shiftjis'), text: '猫耳, 少女', format: { encoding: 'shiftjis', bom: false, lineEnding: 'none' } },
  {
    name: 'Shift-JIS among ASCII tags, CRLF',
    file: legacy('1girl, 猫耳, Tシャツ, smile\r\n', 'shiftjis'),
    text: '1girl, 猫耳, Tシャツ, smile',
    format: { encoding: 'shiftjis', bom: false, lineEnding: 'crlf' },
  },
  // two bytes that read ”L in 1252: a closing quote glued to a capital is no 1252 text
  { name: 'Shift-JIS, one character', file: legacy('猫', 'shiftjis'), text: '猫', format: { encoding: 'shiftjis', bom: false, lineEnding: 'none' } },
  {
    name: 'GBK, long enough for the detector to be sure',
    file: legacy('一个女孩, 长发, 蓝色眼睛, 微笑, 户外, 校服', 'gbk'),
    text: '一个女孩, 长发, 蓝色眼睛, 微笑, 户外, 校服',
    format: { encoding: 'gbk', bom: false, lineEnding: 'none' },
  },
  {
    name: 'EUC-KR',
    file: legacy('고양이 귀, 소녀, 파란 눈, 긴 머리', 'euckr'),
    text: '고양이 귀, 소녀, 파란 눈, 긴 머리',
    format: { encoding: 'euckr', bom: false, lineEnding: 'none' },
  },
  {
    name: 'Big5',
    file: legacy('貓耳, 少女, 藍色眼睛, 長髮', 'big5'),
    text: '貓耳, 少女, 藍色眼睛, 長髮',
    format: { encoding: 'big5', bom: false, lineEnding: 'none' },
  },
  // short Windows-1252 text that some CJK encoding can also decode stays 1252
  { name: 'Windows-1252 "naïve, café"', file: legacy('naïve, café', 'windows1252'), text: 'naïve, café', format: { encoding: 'windows1252', bom: false, lineEnding: 'none' } },
  // Ö l is a valid GBK and Big5 character, Ç a too
  { name: 'Windows-1252 "Öl, Ça va"', file: legacy('Öl, Ça va', 'windows1252'), text: 'Öl, Ça va', format: { encoding: 'windows1252', bom: false, lineEnding: 'none' } },
  {
    name: 'Windows-1252 apostrophes and accented words',
    file: legacy('don’t, it’s, Größe, élève, crème brûlée, São Paulo', 'windows1252'),
    text: 'don’t, it’s, Größe, élève, crème brûlée, São Paulo',
    format: { encoding: 'windows1252', bom: false, lineEnding: 'none' },
  },
  { name: 'NUL bytes are kept as they are', file: utf8('1girl\0\0, solo'), text: '1girl\0\0, solo', format: { encoding: 'utf8', bom: false, lineEnding: 'none' } },
  {
    name: 'UTF-8 BOM followed by invalid UTF-8 is kept byte for byte as Windows-1252',
    file: Buffer.concat([BOM8, bytes(0x61, 0xff)]),
    text: 'ï»¿aÿ',
    format: { encoding: 'windows1252', bom: false, lineEnding: 'none' },
  },
];

describe('decodeCaption / encodeCaption', () => {
  describe.each(cases)('$name', ({ file, text, format }) => {
    it('decodes the text and detects the format', () => {
      expect(decodeCaption(file)).toEqual({ text, format });
    });

    it('re-encodes the unchanged text to the identical bytes', () => {
      const d = decodeCaption(file);
      const out = encodeCaption(d.text, d.format);
      expect(out.fellBack).toBe(false);
      expect(out.bytes.equals(file)).toBe(true);
    });

    it('keeps encoding, BOM and line ending when the text is edited', () => {
      const d = decodeCaption(file);
      const edited = d.text + ', new tag';
      const out = encodeCaption(edited, d.format);
      expect(out.fellBack).toBe(false);
      expect(out.format).toEqual(d.format);
      // the original bytes minus the line ending are a prefix of the new file
      const ending = { none: '', lf: '\n', crlf: '\r\n' }[d.format.lineEnding];
      const endingBytes = encodeCaption(ending, { ...d.format, bom: false, lineEnding: 'none' }).bytes;
      expect(out.bytes.subarray(0, file.length - endingBytes.length).equals(file.subarray(0, file.length - endingBytes.length))).toBe(true);
      expect(decodeCaption(out.bytes)).toEqual({ text: edited, format: d.format });
    });
  });

  it('writes a new caption as UTF-8 without BOM or line ending', () => {
    expect(encodeCaption('a, b', DEFAULT_CAPTION_FORMAT).bytes.equals(utf8('a, b'))).toBe(true);
  });
});

describe('fallback when the original encoding cannot hold the text', () => {
  it('writes a Windows-1252 caption edited to hold an emoji as UTF-8, and it reads back exactly', () => {
    const original = Buffer.concat([utf8('caf'), bytes(0xe9), utf8(', 5'), bytes(0x80), utf8('\r\n')]);
    const d = decodeCaption(original);
    expect(d.format.encoding).toBe('windows1252');

    const edited = `${d.text}, 😀 smile`;
    const out = encodeCaption(edited, d.format);
    expect(out.fellBack).toBe(true);
    expect(out.format).toEqual({ encoding: 'utf8', bom: false, lineEnding: 'crlf' });
    expect(out.bytes.equals(utf8('café, 5€, 😀 smile\r\n'))).toBe(true);
    expect(out.bytes.includes(0x3f)).toBe(false); // no '?' stood in for anything
    expect(decodeCaption(out.bytes)).toEqual({ text: edited, format: out.format });
  });

  it('refuses an edit a Shift-JIS caption cannot hold, naming the encoding and the character, rather than switching it to UTF-8', () => {
    const d = decodeCaption(legacy('猫耳, 少女', 'shiftjis'));
    expect(unwritableCharacter(`${d.text}, 😀`, d.format)).toEqual({ encoding: 'shiftjis', character: '😀' });
    expect(unwritableCharacter(`${d.text}, 青い目`, d.format)).toBeNull();
    expect(() => encodeCaption(`${d.text}, 😀`, d.format)).toThrow(UnencodableCaptionError);
    expect(() => encodeCaption(`${d.text}, 😀`, d.format)).toThrow(/Shift-JIS.*😀/);
    expect(encodeCaption(`${d.text}, 青い目`, d.format).bytes.equals(legacy('猫耳, 少女, 青い目', 'shiftjis'))).toBe(true);
  });

  it('refuses a string no file can hold unchanged rather than writing something else', () => {
    expect(() => encodeCaption('a\uD800b', DEFAULT_CAPTION_FORMAT)).toThrow(/surrogate/);
  });

  it('keeps an unpaired surrogate exactly in a UTF-16 file', () => {
    const file = Buffer.concat([bytes(0xff, 0xfe), bytes(0x61, 0x00, 0x00, 0xd8, 0x62, 0x00)]);
    const d = decodeCaption(file);
    expect(d.text).toBe('a\uD800b');
    expect(encodeCaption(d.text, d.format).bytes.equals(file)).toBe(true);
  });
});

describe('round-trip properties', () => {
  const lineEnding = fc.constantFrom('none', 'lf', 'crlf') as fc.Arbitrary<'none' | 'lf' | 'crlf'>;

  it('UTF-8 text with or without BOM and line ending comes back byte for byte', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.boolean(), lineEnding, (text, bom, le) => {
        const ending = { none: '', lf: '\n', crlf: '\r\n' }[le];
        const file = Buffer.concat([bom ? BOM8 : Buffer.alloc(0), utf8(text + ending)]);
        const d = decodeCaption(file);
        const out = encodeCaption(d.text, d.format);
        expect(out.fellBack).toBe(false);
        expect(out.bytes.equals(file)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('text written as UTF-8, or as UTF-16 with a BOM, reads back with the same text and format', () => {
    // these formats identify themselves; BOM-less UTF-16 and Windows-1252 are
    // guessed, so a short non-ASCII sample may legitimately read as something else.
    // NUL and a leading U+FEFF would look like UTF-16 or a BOM, so they are left out.
    const format = fc.oneof(
      fc.record({ encoding: fc.constant('utf8' as const), bom: fc.boolean(), lineEnding }),
      fc.record({ encoding: fc.constantFrom('utf16le' as const, 'utf16be' as const), bom: fc.constant(true), lineEnding }),
    );
    const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((t) => !t.includes('\0') && !t.startsWith('\uFEFF'));
    fc.assert(
      fc.property(text, format, (t, f) => {
        const out = encodeCaption(t, f);
        expect(out.fellBack).toBe(false);
        const back = decodeCaption(out.bytes);
        // text ending in a newline plus format 'none' is the one spelling that reads back differently
        if (f.lineEnding === 'none' && /\n$/.test(t)) return;
        expect(back).toEqual({ text: t, format: f });
      }),
      { numRuns: 500 },
    );
  });

  it('every byte sequence decodes to something that encodes back to the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (file) => {
        const d = decodeCaption(file);
        const out = encodeCaption(d.text, d.format);
        expect(out.fellBack).toBe(false);
        expect(out.bytes.equals(Buffer.from(file))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
