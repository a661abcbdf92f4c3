/**
 * selected_tags.csv, the tag list beside a WD14 model: one row per output of
 * the model, in output order. Header `tag_id,name,category,count`; category
 * 9 is a rating, 0 a general tag, 4 a character.
 */
const TAG_CSV_HEADER = ['tag_id', 'name', 'category', 'count'] as const;

export type TagCategory = 'rating' | 'general' | 'character';

export interface ModelTag {
  name: string;
  category: TagCategory;
}

const CATEGORIES: Record<string, TagCategory> = { '9': 'rating', '0': 'general', '4': 'character' };

/** a CSV line's fields: quoted fields may hold commas and doubled quotes */
function splitLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      fields.push(value);
      i++; // the comma after the closing quote
    } else {
      const end = line.indexOf(',', i);
      fields.push(line.slice(i, end < 0 ? line.length : end));
      i = end < 0 ? line.length + 1 : end + 1;
    }
  }
  return fields;
}

/** the rows, or a sentence saying what is wrong with the file */
export function parseTagCsv(text: string): { ok: true; tags: ModelTag[] } | { ok: false; reason: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  const header = splitLine(lines[0] ?? '').map((h) => h.trim());
  if (header.join(',') !== TAG_CSV_HEADER.join(',')) {
    return { ok: false, reason: `selected_tags.csv starts with "${lines[0] ?? ''}", not the header ${TAG_CSV_HEADER.join(',')}` };
  }
  const tags: ModelTag[] = [];
  for (let row = 1; row < lines.length; row++) {
    const fields = splitLine(lines[row]!);
    const name = fields[1];
    // a category outside 9/0/4 (copyright, artist, meta in other taggers' lists) counts as general, as the reference does
    const category = CATEGORIES[fields[2]?.trim() ?? ''] ?? 'general';
    if (fields.length < 4 || !name) return { ok: false, reason: `selected_tags.csv line ${row + 1} is not tag_id,name,category,count` };
    tags.push({ name, category });
  }
  if (tags.length === 0) return { ok: false, reason: 'selected_tags.csv lists no tags' };
  return { ok: true, tags };
}
