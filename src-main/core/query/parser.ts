import type { QueryError, Token } from './lexer';

/**
 * Recursive descent over the tokens: OR binds loosest, then AND (written or
 * implied between adjacent terms), then NOT. AND and OR are n-ary so a long
 * run of terms makes a flat list, not a deep tree a later walk would recurse
 * through; NOT chains collapse by parity for the same reason.
 */

export type TermToken = Extract<Token, { kind: 'text' | 'field' }>;

export type QueryNode =
  | { kind: 'and' | 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode }
  | { kind: 'term'; token: TermToken };

export type ParseResult = { ok: true; node: QueryNode | null } | { ok: false; error: QueryError };

/** deeper nesting than any person types; the limit keeps recursion far from the stack's end */
const MAX_DEPTH = 64;

type Operator = Extract<Token, { kind: 'and' | 'or' | 'not' }>;

class ParseFailure {
  constructor(readonly error: QueryError) {}
}

class Parser {
  private at = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): QueryNode | null {
    if (this.tokens.length === 0) return null;
    const node = this.parseOr(null);
    const extra = this.peek();
    // every other token is consumed by the loops below: only a stray ")" stops them
    if (extra) this.fail('Unmatched ")"', extra.start, extra.end);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private fail(message: string, start: number, end: number): never {
    throw new ParseFailure({ message, start, end });
  }

  private parseOr(after: Operator | null): QueryNode {
    const items = [this.parseAnd(after)];
    for (let t = this.peek(); t?.kind === 'or'; t = this.peek()) {
      this.at += 1;
      items.push(this.parseAnd(t));
    }
    return items.length === 1 ? (items[0] as QueryNode) : { kind: 'or', items };
  }

  private parseAnd(after: Operator | null): QueryNode {
    const items = [this.parseNot(after)];
    for (let t = this.peek(); t; t = this.peek()) {
      if (t.kind === 'and') {
        this.at += 1;
        items.push(this.parseNot(t));
      } else if (t.kind === 'text' || t.kind === 'field' || t.kind === 'not' || t.kind === 'lparen') {
        items.push(this.parseNot(null)); // adjacent terms: an implied AND
      } else {
        break;
      }
    }
    return items.length === 1 ? (items[0] as QueryNode) : { kind: 'and', items };
  }

  private parseNot(after: Operator | null): QueryNode {
    let negate = false;
    let last = after;
    for (let t = this.peek(); t?.kind === 'not'; t = this.peek()) {
      this.at += 1;
      negate = !negate;
      last = t;
    }
    const item = this.parsePrimary(last);
    return negate ? { kind: 'not', item } : item;
  }

  private parsePrimary(after: Operator | null): QueryNode {
    const t = this.peek();
    if (t?.kind === 'text' || t?.kind === 'field') {
      this.at += 1;
      return { kind: 'term', token: t };
    }
    if (t?.kind === 'lparen') return this.parseGroup(t);
    if (after) this.fail(`${after.label} needs a term after it`, after.start, after.end);
    if (t?.kind === 'and' || t?.kind === 'or') this.fail(`${t.label} needs a term before it`, t.start, t.end);
    if (t) this.fail('Unmatched ")"', t.start, t.end);
    // unreachable from parse(): it never asks for a term past the end without an operator before
    return this.fail('Expected a term', 0, 0);
  }

  private parseGroup(open: Token): QueryNode {
    if (this.depth >= MAX_DEPTH) this.fail(`Too many nested parentheses (at most ${MAX_DEPTH})`, open.start, open.end);
    this.at += 1;
    const close = this.peek();
    if (close?.kind === 'rparen') this.fail('Empty parentheses', open.start, close.end);
    if (!close) this.fail('Unclosed "(": add a ")"', open.start, open.end);
    this.depth += 1;
    const inner = this.parseOr(null);
    this.depth -= 1;
    if (this.peek()?.kind !== 'rparen') this.fail('Unclosed "(": add a ")"', open.start, open.end);
    this.at += 1;
    return inner;
  }
}

/** The tree of a query, or the first error in it. An empty query gives `node: null`: match everything. */
export function parse(tokens: readonly Token[]): ParseResult {
  try {
    return { ok: true, node: new Parser(tokens).parse() };
  } catch (err) {
    if (err instanceof ParseFailure) return { ok: false, error: err.error };
    throw err;
  }
}
