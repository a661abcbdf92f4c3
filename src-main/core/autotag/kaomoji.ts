/**
 * Tags whose underscores are part of the face they draw: the list the
 * reference tagger (SmilingWolf's demo app.py, copied by kohya's and TagGUI's
 * taggers) keeps as written when it turns underscores into spaces.
 */
const KAOMOJI = new Set([
  '0_0',
  '(o)_(o)',
  '+_+',
  '+_-',
  '._.',
  '<o>_<o>',
  '<|>_<|>',
  '=_=',
  '>_<',
  '3_3',
  '6_9',
  '>_o',
  '@_@',
  '^_^',
  'o_o',
  'u_u',
  'x_x',
  '|_|',
  '||_||',
]);

/** the tag as a caption shows it: underscores kept, or spaces if asked, kaomoji untouched */
export function displayTagName(name: string, underscoresToSpaces: boolean): string {
  return underscoresToSpaces && !KAOMOJI.has(name) ? name.replaceAll('_', ' ') : name;
}
