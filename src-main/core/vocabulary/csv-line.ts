const QUOTE = 0x22;
const COMMA = 0x2c;
const SPACE = 0x20;
const TAB = 0x09;

const isBlank = (c: number): boolean => c === SPACE || c === TAB;

/**
 * Splits one CSV record into its fields (RFC 4180 quoting: `"a,b"`, `""` for a
 * quote). Returns null for a line that cannot be read unambiguously: a quote
 * that never closes, or text after a closing quote.
 *
 * Records are read one line at a time on purpose: tag lists never put a line
 * break inside a field, and a parser that lets a quoted field run on across
 * lines would let one stray quote swallow the rest of a 140,000-line file.
 *
 * Lenient where the meaning is still clear: blanks around a quoted field are
 * ignored, and a quote in the middle of an unquoted field is kept as text.
 */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  const n = line.length;
  let i = 0;
  for (;;) {
    let q = i;
    while (q < n && isBlank(line.charCodeAt(q))) q++;
    if (line.charCodeAt(q) === QUOTE) {
      let value = '';
      let from = q + 1;
      for (;;) {
        const close = line.indexOf('"', from);
        if (close < 0) return null;
        value += line.slice(from, close);
        if (line.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          from = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      while (i < n && isBlank(line.charCodeAt(i))) i++;
      fields.push(value);
      if (i >= n) return fields;
      if (line.charCodeAt(i) !== COMMA) return null;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}
