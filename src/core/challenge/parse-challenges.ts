/**
 * RFC 9110 §11.2 challenge parser: one linear pass over the field value with bounded look-ahead,
 * problems with offsets instead of exceptions, and an opt-in lenient mode that salvages the
 * malformed headers real servers send (each leniency a named warning).
 *
 *   challenge  = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 *   auth-param = token BWS "=" BWS ( token / quoted-string )
 *   token68    = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 *
 * Several field lines form one list (RFC 9110 §5.3): they are joined with ", " and every offset
 * refers to that joined value.
 */
import { problem, type Problem } from '../problem.js';
import { CHECKED_PARAMS, EXACT_SCHEME_SOURCE, KNOWN_PARAM_NAME_SOURCE, knownParam, P_CLAIMS, paramIdOfMatched, schemeIdOfMatched, knownScheme, PARAM_NAMES, SCHEME_INEXACT, SCHEME_NAMES, storeKnownParam, UNKNOWN_PARAM } from './names.js';
import { checkSchemes, quotedBit, type ChallengeFacts } from './scheme-checks.js';
import { isQuotedPairChar, isWs, readToken, skipWs } from './scanner.js';
import type { Challenge, ChallengeResult, DetailedChallenge, DetailedChallengeResult, ParseChallengesOptions } from './types.js';

const COMMA = 0x2c;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const BACKSLASH = 0x5c;
/**
 * Runs of characters that need no attention, skipped in one native pass (sticky; `test` only
 * moves lastIndex). Each is one starred character class: linear, no backtracking.
 * QDTEXT_RUN: qdtext without the backslash (HTAB, SP, VCHAR but DQUOTE, obs-text; and, as the
 * scanner always did, anything above U+00FF). TOKEN68_RUN: token68 before its "=" padding.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what the run must stop at
const QDTEXT_RUN = /[^"\\\x00-\x08\x0a-\x1f\x7f]*/y;
const TOKEN68_RUN = /[A-Za-z0-9\-._~+/]*/y;
/** TOKEN68_RUN without "/": the token68 characters that are also tchars. */
const TOKEN68_PLAIN_RUN = /[A-Za-z0-9\-._~+]*/y;
/**
 * The usual auth-param, `name="qdtext"` or `name=token` with no space around "=", in one native
 * pass: most parameters real servers send look like this. Anything else (BWS, quoted-pairs,
 * control characters, a token running into a delimiter) fails here and takes the general path,
 * which reads it again from the same place. Linear: one anchored attempt per element, and it
 * never reads past the first DQUOTE, backslash or control character after the opening quote.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what the run must stop at
const SIMPLE_PARAM = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+=(?:"[^"\\\x00-\x08\x0a-\x1f\x7f]*"|[!#$%&'*+\-.^_`|~0-9A-Za-z]+)/y;
/**
 * SIMPLE_PARAM with a name of PARAM_NAMES (any ASCII case) before the same "=" and value, tried
 * first: when it matches, the name needs no look-up character by character. The alternation is of
 * fixed words, so an attempt reads a bounded number of characters before the value.
 */
const KNOWN_SIMPLE_PARAM = new RegExp(`(?:${KNOWN_PARAM_NAME_SOURCE})${SIMPLE_PARAM.source.slice(SIMPLE_PARAM.source.indexOf('='))}`, 'y');
/** A name of PARAM_NAMES and "=": after KNOWN_SIMPLE_PARAM failed, the value is what it did not take. */
const KNOWN_PARAM_NAME = new RegExp(`(?:${KNOWN_PARAM_NAME_SOURCE})=`, 'y');
/** A scheme of SCHEME_NAMES spelled as there, the whole token: most challenges start so. */
const EXACT_SCHEME = new RegExp(`(?:${EXACT_SCHEME_SOURCE})(?![!#$%&'*+\\-.^_\`|~0-9A-Za-z])`, 'y');
/** The patterns built from name lists, for the regex audit (test/unit/regex-audit.test.ts). */
export const BUILT_PATTERNS: readonly RegExp[] = [KNOWN_SIMPLE_PARAM, KNOWN_PARAM_NAME, EXACT_SCHEME];

/** Several field lines as one list (RFC 9110 §5.3): joined with ", ". */
function joinFieldLines(fieldLines: string | readonly string[]): string {
  return typeof fieldLines === 'string'
    ? fieldLines
    : (Array.isArray(fieldLines) ? fieldLines : [fieldLines]).map((l) => (typeof l === 'string' ? l : String(l ?? ''))).join(', ');
}

/** obs-fold (CRLF + SP/HTAB, RFC 9112 §5.2) becomes spaces of equal length; a bare line break is an error. */
function unfold(joined: string, problems: Problem[]): string {
  let out: string[] | null = null;
  let from = 0;
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    if (c !== 0x0d && c !== 0x0a) continue;
    let j = i;
    if (c === 0x0d && joined.charCodeAt(j + 1) === 0x0a) j++;
    if (isWs(joined.charCodeAt(j + 1))) {
      problems.push(problem('obs-fold', 'warning', 'The value is folded over several lines (obs-fold); RFC 9112 §5.2 deprecates it. Read as spaces.', i));
    } else {
      problems.push(problem('control-character', 'error', 'A bare line break inside the header value is not allowed.', i));
    }
    (out ??= []).push(joined.slice(from, i), ' '.repeat(j - i + 1));
    from = j + 1;
    i = j;
  }
  if (!out) return joined;
  out.push(joined.slice(from));
  return out.join('');
}

/**
 * The scanner's state lives in fields and its steps are methods, so a call allocates only what it
 * returns (no closures, no value objects): the parser runs for every 401 of a long session.
 *
 * What the scheme checks need is kept in flat number arrays, one entry per challenge (see
 * ChallengeFacts), so the plain result needs no span objects: those are built only for
 * parseChallengesDetailed.
 */
class ChallengeScanner implements ChallengeFacts {
  s = '';
  n = 0;
  lenient = false;
  detailed = false;
  problems: Problem[] = [];
  /** DetailedChallenge objects when `detailed`, plain Challenge objects otherwise. */
  challenges: Challenge[] = [];
  // Per-challenge facts for the checks. One scanner serves every call (parsing is synchronous and
  // calls nothing that could parse again), so these arrays are reused: entries past
  // challenges.length / pairCount are stale.
  schemeIds: number[] = [];
  schemeStarts: number[] = [];
  flags: number[] = [];
  /** Where the claims value that counts starts in s, or -1 (see ChallengeFacts). */
  claimsFrom: number[] = [];
  pairBase: number[] = [];
  pairs: number[] = [];
  pairCount = 0;
  // The value just read by readValue/readQuoted.
  private vText = '';
  /** Where vText starts in s when it is a slice of s; -1 when quoted-pairs were unescaped. */
  private vFrom = 0;
  private vEnd = 0;
  private vQuoted = false;

  start(s: string, lenient: boolean, detailed: boolean, problems: Problem[]): void {
    this.s = s;
    this.n = s.length;
    this.lenient = lenient;
    this.detailed = detailed;
    this.problems = problems;
    // The shared empty list until the first challenge (push makes a list of it): no allocation
    // for a list most parses replace at once.
    this.challenges = NONE;
    this.pairCount = 0;
  }

  /** Lets go of the input and the result; a huge input's fact arrays are not kept either. */
  finish(): void {
    this.s = '';
    this.vText = '';
    this.problems = NONE;
    this.challenges = NONE;
    if (this.schemeIds.length > 1024 || this.pairs.length > 2048) {
      this.schemeIds = [];
      this.schemeStarts = [];
      this.flags = [];
      this.claimsFrom = [];
      this.pairBase = [];
      this.pairs = [];
    }
  }

  private err(code: string, message: string, offset: number) {
    this.problems.push(problem(code, 'error', message, offset));
  }

  private warn(code: string, message: string, offset: number) {
    this.problems.push(problem(code, 'warning', message, offset));
  }

  /** token / quoted-string at i (after BWS) into vText/vEnd/vQuoted; false on a grammar error (already reported). */
  private readValue(i: number): boolean {
    const s = this.s;
    const n = this.n;
    if (i >= n || s.charCodeAt(i) === COMMA) {
      this.err('missing-parameter-value', 'A parameter has "=" but no value: give a token or a quoted string.', i);
      return false;
    }
    if (s.charCodeAt(i) === DQUOTE) return this.readQuoted(i);
    const end = readToken(s, i);
    const stop = end < n ? s.charCodeAt(end) : -1;
    if (end > i && (stop === -1 || stop === COMMA || isWs(stop))) return this.setValue(s.slice(i, end), i, end, false);
    if (this.lenient) {
      // Real servers send unquoted URLs (Azure Storage): read up to whitespace or a comma.
      let j = i;
      while (j < n && !isWs(s.charCodeAt(j)) && s.charCodeAt(j) !== COMMA) j++;
      this.warn('unquoted-value-with-delimiters', `The value "${s.slice(i, j)}" contains characters a token can't hold (RFC 9110 §5.6.2); it should be a quoted string. Read up to the next space or comma.`, i);
      return this.setValue(s.slice(i, j), i, j, false);
    }
    const bad = end > i ? end : i;
    this.err('invalid-parameter-value', `Unexpected "${s.charAt(bad)}" in a parameter value: values are tokens or quoted strings (RFC 9110 §11.2).`, bad);
    return false;
  }

  private setValue(text: string, from: number, end: number, quoted: boolean): true {
    this.vText = text;
    this.vFrom = from;
    this.vEnd = end;
    this.vQuoted = quoted;
    return true;
  }

  private readQuoted(i: number): boolean {
    const s = this.s;
    const n = this.n;
    let j = i + 1;
    // Unescaping waits for the closing quote: an unterminated string (the hostile case) costs no
    // allocation however many quoted-pairs it holds.
    let escapes = false;
    let native = true;
    for (;;) {
      // The plain qdtext run in one native pass (URLs, nonces and claims are long); the loop
      // below only sees the quote, a backslash or a control character. After one of those, a few
      // characters are looked at here first: a run of backslashes would otherwise cost a regex
      // call per pair.
      if (!native) {
        const stop = j + 8 < n ? j + 8 : n;
        while (j < stop && isPlainQdtext(s.charCodeAt(j))) j++;
        native = j === stop;
      }
      if (native) {
        QDTEXT_RUN.lastIndex = j;
        QDTEXT_RUN.test(s);
        j = QDTEXT_RUN.lastIndex;
        native = false;
      }
      if (j >= n) break;
      const c = s.charCodeAt(j);
      if (c === DQUOTE) return escapes ? this.setValue(unescapeQuotedPairs(s, i + 1, j), -1, j + 1, true) : this.setValue(s.slice(i + 1, j), i + 1, j + 1, true);
      if (c === BACKSLASH) {
        if (j + 1 >= n) break;
        const d = s.charCodeAt(j + 1);
        if (!isQuotedPairChar(d) && d < 0x100) {
          if (!this.lenient) {
            this.err('invalid-quoted-pair', 'A backslash in a quoted string must escape a visible character, space or tab (RFC 9110 §5.6.4).', j);
            return false;
          }
          this.warn('invalid-quoted-pair', 'A backslash escapes a control character; kept as sent.', j);
        }
        escapes = true;
        j += 2;
        continue;
      }
      // A control character (QDTEXT_RUN stops at nothing else).
      if (!this.lenient) {
        this.err('invalid-character-in-quoted-string', `Control character U+${c.toString(16).padStart(4, '0').toUpperCase()} inside a quoted string.`, j);
        return false;
      }
      this.warn('invalid-character-in-quoted-string', 'A control character inside a quoted string was kept as sent.', j);
      j++;
    }
    this.err('unterminated-quoted-string', 'A quoted string is never closed: add the closing double quote (escape quotes inside it as \\").', i);
    return false;
  }

  /** End of a token68 starting at i (its "=" padding included), or i when none is there. */
  private token68End(i: number): number {
    const s = this.s;
    TOKEN68_RUN.lastIndex = i;
    TOKEN68_RUN.test(s);
    let j = TOKEN68_RUN.lastIndex;
    if (j === i) return i;
    while (j < this.n && s.charCodeAt(j) === EQUALS) j++;
    return j;
  }

  private atListEnd(i: number): boolean {
    const j = skipWs(this.s, i);
    return j >= this.n || this.s.charCodeAt(j) === COMMA;
  }

  /**
   * Adds the value just read to `ch`, the challenge at position `at` (always the last one), under
   * the name s[nameStart, nameEnd); `id`: the name's id in PARAM_NAMES, or -1.
   */
  private addParam(ch: Challenge, at: number, nameStart: number, nameEnd: number, id: number) {
    const name = id >= 0 ? PARAM_NAMES[id]! : this.s.slice(nameStart, nameEnd).toLowerCase();
    const params = ch.params;
    const flags = this.flags[at]!;
    // Values are strings, never undefined: an own property is a duplicate.
    if (id >= 0 ? (flags & (1 << id)) !== 0 : Object.prototype.hasOwnProperty.call(params, name)) {
      // RFC 9110 §11.2: each parameter name MUST only occur once per challenge.
      this.err('duplicate-parameter', `The parameter "${name}" appears twice in the ${ch.scheme} challenge; which one counts is undefined (the last one is shown).`, nameStart);
    }
    // A parameter named __proto__ must be data, not a prototype change.
    const proto = id < 0 && name === '__proto__';
    if (proto) Object.defineProperty(params, name, { value: this.vText, enumerable: true, writable: true, configurable: true });
    else if (id >= 0) storeKnownParam(params, id, this.vText);
    else params[name] = this.vText;
    if (this.detailed) {
      const d = ch as DetailedChallenge;
      if (proto) Object.defineProperty(d.paramSpans, name, { value: { start: nameStart, end: this.vEnd }, enumerable: true, writable: true, configurable: true });
      else d.paramSpans[name] = { start: nameStart, end: this.vEnd };
      d.span.end = this.vEnd;
    }
    if (id < 0) {
      this.flags[at] = flags | UNKNOWN_PARAM;
    } else {
      const q = quotedBit(id);
      let f = flags | (1 << id);
      if (q !== 0) f = this.vQuoted ? f | q : f & ~q;
      this.flags[at] = f;
      if (id < CHECKED_PARAMS) {
        this.pairs[this.pairCount++] = id;
        this.pairs[this.pairCount++] = nameStart;
        if (id === P_CLAIMS) this.claimsFrom[at] = this.vFrom;
      }
    }
  }

  /**
   * The SIMPLE_PARAM at i added to the challenge at position `at`; returns where it ends, or -1
   * when the element is not that simple (nothing is recorded then).
   */
  private simpleParam(ch: Challenge, at: number, i: number): number {
    const s = this.s;
    let end: number;
    KNOWN_SIMPLE_PARAM.lastIndex = i;
    const known = KNOWN_SIMPLE_PARAM.test(s);
    if (known) end = KNOWN_SIMPLE_PARAM.lastIndex;
    else {
      // Both patterns take the same values: with a known name, SIMPLE_PARAM would fail as well,
      // after reading the value once more (a long unterminated quoted string, say).
      KNOWN_PARAM_NAME.lastIndex = i;
      if (KNOWN_PARAM_NAME.test(s)) return -1;
      SIMPLE_PARAM.lastIndex = i;
      if (!SIMPLE_PARAM.test(s)) return -1;
      end = SIMPLE_PARAM.lastIndex;
    }
    const eq = s.indexOf('=', i);
    if (s.charCodeAt(eq + 1) === DQUOTE) this.setValue(s.slice(eq + 2, end - 1), eq + 2, end, true);
    else {
      // A token value must end at OWS, a comma or the end (`a=b/c` is not one).
      const stop = end < this.n ? s.charCodeAt(end) : COMMA;
      if (stop !== COMMA && !isWs(stop)) return -1;
      this.setValue(s.slice(eq + 1, end), eq + 1, end, false);
    }
    this.addParam(ch, at, i, eq, known ? paramIdOfMatched(s, i, eq) : -1);
    return end;
  }

  /**
   * The auth-param list of the challenge at position `at` from i (just after the scheme's spaces,
   * or after a comma). Returns where the next challenge starts, or -1 after a fatal (strict) error.
   * `tokenFrom`: with `first`, how far the first token is already known to run (its characters from
   * i to there are tchars).
   */
  private readParams(at: number, i: number, first: boolean, tokenFrom = i): number {
    const s = this.s;
    const n = this.n;
    const lenient = this.lenient;
    const ch = this.challenges[at]!;
    let expectFirst = first;
    for (;;) {
      // nameEnd / eq: the token at i and where "=" should be; known when the look-ahead read them.
      let nameEnd: number;
      let eq: number;
      if (!expectFirst) {
        // Between elements: OWS, then a comma (or, leniently, just spaces), then empty elements.
        let j = skipWs(s, i);
        if (j >= n) return n;
        if (s.charCodeAt(j) !== COMMA) {
          nameEnd = readToken(s, j);
          eq = skipWs(s, nameEnd);
          if (lenient && nameEnd > j && s.charCodeAt(eq) === EQUALS) {
            this.warn('missing-comma', 'Parameters are separated by spaces instead of commas (RFC 9110 §11.2); read them anyway.', j);
          } else {
            this.err('expected-comma', `Expected "," or the end of the header, found "${s.charAt(j)}".`, j);
            if (!lenient) return -1;
            while (j < n && s.charCodeAt(j) !== COMMA) j++;
            i = j;
            continue;
          }
          i = j;
        } else {
          j++;
          while (j < n && (s.charCodeAt(j) === COMMA || isWs(s.charCodeAt(j)))) j++;
          if (j >= n) return n;
          i = j;
          if (ch.token68 === null) {
            const end = this.simpleParam(ch, at, i);
            if (end >= 0) {
              i = end;
              continue;
            }
          }
          // A token not followed by "=" starts the next challenge.
          nameEnd = readToken(s, i);
          eq = skipWs(s, nameEnd);
          if (s.charCodeAt(eq) !== EQUALS || nameEnd === i) return i;
        }
      } else {
        // The general path: run() tries simpleParam at a challenge's first element before this.
        nameEnd = readToken(s, tokenFrom);
        eq = skipWs(s, nameEnd);
      }
      expectFirst = false;
      if (ch.token68 !== null) {
        this.err('parameter-after-token68', `The ${ch.scheme} challenge carries a token68, so it can't also have parameters (RFC 9110 §11.2).`, i);
        if (!lenient) return -1;
      }
      const nameStart = i;
      if (nameEnd === nameStart) {
        this.err('expected-parameter', `Expected a parameter name, found "${s.charAt(i)}".`, i);
        if (!lenient) return -1;
        while (i < n && s.charCodeAt(i) !== COMMA) i++;
        continue;
      }
      if (s.charCodeAt(eq) !== EQUALS) {
        this.err('expected-equals', `Expected "=" after the parameter name "${s.slice(nameStart, nameEnd)}".`, eq);
        if (!lenient) return -1;
        while (i < n && s.charCodeAt(i) !== COMMA) i++;
        continue;
      }
      if (!this.readValue(skipWs(s, eq + 1))) {
        if (!lenient) return -1;
        i = eq + 1;
        while (i < n && s.charCodeAt(i) !== COMMA) i++;
        continue;
      }
      this.addParam(ch, at, nameStart, nameEnd, knownParam(s, nameStart, nameEnd));
      i = this.vEnd;
    }
  }

  /**
   * A new challenge for s[schemeStart, schemeEnd), with no token68 or parameters yet; `id` as
   * knownScheme gives it.
   */
  private push(schemeStart: number, schemeEnd: number, id: number): number {
    const s = this.s;
    let scheme: string;
    if (id >= 0 && id < SCHEME_INEXACT) scheme = SCHEME_NAMES[id]!;
    else {
      scheme = s.slice(schemeStart, schemeEnd);
      if (id >= 0) id -= SCHEME_INEXACT;
    }
    let ch: Challenge;
    if (this.detailed) {
      const d: DetailedChallenge = { scheme, token68: null, params: {}, span: { start: schemeStart, end: schemeEnd }, schemeSpan: { start: schemeStart, end: schemeEnd }, paramSpans: {} };
      ch = d;
    } else {
      ch = { scheme, token68: null, params: {} };
    }
    const at = this.challenges.length;
    // Most headers hold one challenge: an array of exactly one, rather than push's spare room.
    if (at === 0) this.challenges = [ch];
    else this.challenges.push(ch);
    this.schemeIds[at] = id;
    this.schemeStarts[at] = schemeStart;
    this.flags[at] = 0;
    this.pairBase[at] = this.pairCount;
    return at;
  }

  /** Drops the last challenge (strict mode, after an error inside it). */
  private pop(): void {
    this.challenges.pop();
    this.pairCount = this.pairBase[this.challenges.length]!;
  }

  run(): void {
    const s = this.s;
    const n = this.n;
    const lenient = this.lenient;
    let i = 0;
    for (;;) {
      while (i < n && (s.charCodeAt(i) === COMMA || isWs(s.charCodeAt(i)))) i++;
      if (i >= n) break;
      const schemeStart = i;
      let schemeEnd: number;
      let schemeId: number;
      EXACT_SCHEME.lastIndex = i;
      if (EXACT_SCHEME.test(s)) {
        schemeEnd = EXACT_SCHEME.lastIndex;
        schemeId = schemeIdOfMatched(s, schemeStart, schemeEnd);
      } else {
        schemeEnd = readToken(s, i);
        schemeId = knownScheme(s, schemeStart, schemeEnd);
      }
      if (schemeEnd === schemeStart) {
        this.err('expected-scheme', `Expected an auth-scheme (a token such as Bearer or Basic), found "${s.charAt(i)}".`, i);
        if (!lenient) break;
        while (i < n && s.charCodeAt(i) !== COMMA) i++;
        continue;
      }
      const afterScheme = skipWs(s, schemeEnd);
      if (s.charCodeAt(afterScheme) === EQUALS) {
        // `name=value` where a challenge should start: a parameter with no scheme before it, or
        // after a stray comma (`Bearer, error="…"`, oauthlib / django-oauth-toolkit).
        const previous = this.challenges[this.challenges.length - 1];
        if (lenient && previous && previous.token68 === null) {
          this.warn('parameter-after-comma', `"${s.slice(schemeStart, schemeEnd)}" follows a comma as if it were a new challenge; read as a parameter of ${previous.scheme}.`, schemeStart);
          const next = this.readParams(this.challenges.length - 1, schemeStart, true);
          if (next < 0) break;
          i = next;
          continue;
        }
        this.err('expected-scheme', `"${s.slice(schemeStart, schemeEnd)}=" is a parameter, but no auth-scheme comes before it (a challenge starts with its scheme, e.g. Bearer ${s.slice(schemeStart, schemeEnd)}=…).`, schemeStart);
        if (!lenient) break;
        while (i < n && s.charCodeAt(i) !== COMMA) i++;
        continue;
      }
      if (afterScheme >= n || s.charCodeAt(afterScheme) === COMMA) {
        const at = this.push(schemeStart, schemeEnd, schemeId);
        // `Scheme ,a=b`: after 1*SP an empty list element, then parameters of this challenge
        // (RFC 9110 §5.6.1). `Scheme, a=b` has no SP, so `a=b` can't belong to it.
        if (afterScheme === schemeEnd) {
          i = afterScheme;
          continue;
        }
        const next = this.readParams(at, afterScheme, false);
        if (next < 0) break;
        i = next;
        continue;
      }
      if (afterScheme === schemeEnd) {
        this.err('expected-space-after-scheme', `Expected a space after the auth-scheme "${s.slice(schemeStart, schemeEnd)}", found "${s.charAt(schemeEnd)}".`, schemeEnd);
        if (!lenient) break;
        this.push(schemeStart, schemeEnd, schemeId);
        i = schemeEnd;
        while (i < n && s.charCodeAt(i) !== COMMA) i++;
        continue;
      }
      const at = this.push(schemeStart, schemeEnd, schemeId);
      const ch = this.challenges[at]!;
      // The usual challenge starts with a simple auth-param. A token68 never looks like one: after
      // its "=" padding only the end of the element may come.
      const simpleEnd = this.simpleParam(ch, at, afterScheme);
      let next: number;
      if (simpleEnd >= 0) next = this.readParams(at, simpleEnd, false);
      else {
        // token68 or the first auth-param: a token68 runs to the end of the list element. Its
        // characters but "/" are tchars, so unless a "/" comes, the run read here is also the
        // start of the parameter name, and readParams goes on from its end.
        TOKEN68_PLAIN_RUN.lastIndex = afterScheme;
        TOKEN68_PLAIN_RUN.test(s);
        let plainEnd = TOKEN68_PLAIN_RUN.lastIndex;
        let t68: number;
        if (s.charCodeAt(plainEnd) === 0x2f) {
          t68 = this.token68End(afterScheme);
          plainEnd = afterScheme;
        } else {
          t68 = plainEnd;
          if (t68 > afterScheme) while (t68 < n && s.charCodeAt(t68) === EQUALS) t68++;
        }
        if (t68 > afterScheme && this.atListEnd(t68)) {
          ch.token68 = s.slice(afterScheme, t68);
          if (this.detailed) (ch as DetailedChallenge).span.end = t68;
          next = this.readParams(at, t68, false);
          if (next < 0) break;
          i = next;
          continue;
        }
        next = this.readParams(at, afterScheme, true, plainEnd);
      }
      if (next < 0) {
        // Strict: keep only the challenges completed before the error.
        this.pop();
        break;
      }
      i = next;
    }
  }
}

/** What QDTEXT_RUN matches: not DQUOTE, not "\\", not a control character (HTAB is qdtext). */
function isPlainQdtext(c: number): boolean {
  return c === 0x09 || (c >= 0x20 && c !== DQUOTE && c !== BACKSLASH && c !== 0x7f);
}

/** quoted-pair (RFC 9110 §5.6.4): drop each backslash, keep the character after it. */
function unescapeQuotedPairs(s: string, from: number, to: number): string {
  const parts: string[] = [];
  let start = from;
  for (let k = from; k < to; k++) {
    if (s.charCodeAt(k) !== BACKSLASH) continue;
    parts.push(s.slice(start, k));
    start = k + 1;
    k++; // the escaped character is kept, whatever it is
  }
  parts.push(s.slice(start, to));
  return parts.join('');
}

const NONE: never[] = [];
const SCANNER = new ChallengeScanner();

/**
 * Challenges and problems (checks included) of the joined value `s`. `valueOut.value`: the value
 * the offsets refer to (`s`, or `s` unfolded).
 */
function scan(s: string, problems: Problem[], opts: ParseChallengesOptions | undefined, detailed: boolean, valueOut: { value: string } | null): Challenge[] {
  const scanner = SCANNER;
  const lenient = opts?.lenient === true;
  scanner.start(s, lenient, detailed, problems);
  scanner.run();
  // CR and LF are no tchar, OWS, qdtext or delimiter: wherever one stands, the reading reports a
  // problem (an error, or a lenient warning), test/unit/challenge-parser.test.ts holds every line
  // break to it. So a value read without any problem has no line break, and only otherwise is one
  // looked for: most values are never scanned for it.
  if (problems.length !== 0 && (s.indexOf('\n') !== -1 || s.indexOf('\r') !== -1)) {
    problems.length = 0;
    s = unfold(s, problems);
    scanner.start(s, lenient, detailed, problems);
    scanner.run();
  }
  if (valueOut) valueOut.value = s;
  let hadErrors = false;
  for (let i = 0; i < problems.length; i++) if (problems[i]!.severity === 'error') hadErrors = true;
  checkSchemes(scanner, opts?.field ?? 'WWW-Authenticate', hadErrors, problems);
  const challenges = scanner.challenges === NONE ? [] : scanner.challenges;
  scanner.finish();
  return challenges;
}

export function parseChallengesDetailed(fieldLines: string | readonly string[], opts?: ParseChallengesOptions): DetailedChallengeResult {
  const problems: Problem[] = [];
  const valueOut = { value: '' };
  const challenges = scan(joinFieldLines(fieldLines), problems, opts, true, valueOut) as DetailedChallenge[];
  return { challenges, problems, value: valueOut.value };
}

/** The contract function (DESIGN §3.1): challenges as `{scheme, token68, params}` plus problems. */
export function parseChallenges(fieldLines: string | readonly string[], opts?: ParseChallengesOptions): ChallengeResult {
  const problems: Problem[] = [];
  const challenges = scan(joinFieldLines(fieldLines), problems, opts, false, null);
  return { challenges, problems };
}

/** Writes challenges back as a field value (quoted-string for every parameter value). */
export function serializeChallenges(challenges: readonly { scheme: string; token68: string | null; params: Record<string, string> }[]): string {
  return challenges
    .map((c) => {
      if (c.token68 !== null) return `${c.scheme} ${c.token68}`;
      const params = Object.entries(c.params).map(([k, v]) => `${k}="${v.split('\\').join('\\\\').split('"').join('\\"')}"`);
      return params.length ? `${c.scheme} ${params.join(', ')}` : c.scheme;
    })
    .join(', ');
}


