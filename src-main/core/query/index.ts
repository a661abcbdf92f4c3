/**
 * The image filter's query language.
 *
 *   smile  "long hair"         caption contains the text (case-insensitive)
 *   tag:hat  tag:"long hair"   has a tag equal to it (case-insensitive)
 *   tag:long*  tag:h?t         `*` any run, `?` one character; `\*` `\?` literal
 *   caption:x  name:x  path:x  contains; with a wildcard, name: and path: match the whole value (name:*.png)
 *   tags:=0  tags:>20  tags:5  the tag count: = != < > <= >=
 *   status:todo|tagged|skip (skipped too)
 *   source:model  source:person  has a tag a model wrote (and the caption still holds) / a person wrote
 *   score:<0.5  score:>=0.9      a model tag on the image scored so: < > <= >= a number from 0 to 1
 *   a b  a AND b  a OR b  NOT a  -a  (a OR b) c      NOT > AND > OR, keywords in any case
 *
 * Text with a colon or a keyword in it is searched for in quotes: "rating:explicit", "and".
 * A backslash escapes the next character anywhere. Compile once with
 * `compileQuery`, run the test per `indexImage`d image; errors come back with
 * the [start, end) range to underline, never as exceptions.
 */
export { compileQuery, filterImages, NO_MODEL_TAGS } from './compile';
export type { ModelTagScores } from './compile';
export { imageStatus, indexImage } from './indexed-image';
export type { IndexedImage, QueryImage } from './indexed-image';
export type { QueryError } from './lexer';
