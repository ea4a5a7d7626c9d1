/**
 * Regex audit (SECURITY.md, ReDoS): every regular expression in src/ is listed here with the hostile
 * inputs that could make it backtrack, and each one must grow linearly on them. The list is checked
 * against the source both ways, so a new or changed regex fails until it is audited here.
 *
 * How: the TypeScript parser finds regex literals, `new RegExp(…)`/`RegExp(…)` calls and string
 * patterns handed to match/matchAll/search. Literals are re-created from their source text; dynamic
 * ones from the module data that holds them. Each (regex, input) runs in a worker thread on sizes N
 * and 10·N, best of three runs each; 10·N must cost < 40× N, and no run may take 2 s. The worker is
 * killed when a run overstays, so catastrophic backtracking fails instead of hanging the suite.
 * These are growth ratios with wide margins, not speed targets.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import ts from 'typescript';
import { afterAll, describe, expect, test } from 'vitest';
import { OPAQUE_FORMATS, VENDOR_ERRORS } from '../../src/core/index.js';
import { anyCodePattern } from '../../src/core/knowledge/vendor-errors.js';
import { BUILT_PATTERNS } from '../../src/core/challenge/parse-challenges.js';

// ---------------------------------------------------------------------------------------------
// Scanner

interface Site {
  file: string;
  line: number;
  /** `/source/flags` normalized through RegExp, or `new RegExp(…)` call text for dynamic ones. */
  key: string;
  literal: RegExp | null;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every regular expression in one source text. */
function scanRegexes(file: string, text: string): Site[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Site[] = [];
  const line = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = n.getText(sf);
      const slash = lit.lastIndexOf('/');
      const re = new RegExp(lit.slice(1, slash), lit.slice(slash + 1));
      out.push({ file, line: line(n), key: String(re), literal: re });
    } else if (ts.isNewExpression(n) || ts.isCallExpression(n)) {
      const callee = n.expression.getText(sf);
      if (callee === 'RegExp' || callee.endsWith('.RegExp')) {
        out.push({ file, line: line(n), key: n.getText(sf).replace(/\s+/g, ' '), literal: null });
      } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ['match', 'matchAll', 'search'].includes(n.expression.name.text)) {
        // `s.match('a+$')` compiles its string argument to a regex.
        const arg = n.arguments[0];
        if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg) || ts.isTemplateExpression(arg))) {
          out.push({ file, line: line(n), key: n.getText(sf).replace(/\s+/g, ' '), literal: null });
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

const SITES = files('src').flatMap((f) => scanRegexes(f.split('\\').join('/'), readFileSync(f, 'utf8')));

// ---------------------------------------------------------------------------------------------
// Hostile input generators: `n` is the target length.

type Gen = ((n: number) => string) & { label: string };
const times = (unit: string, n: number) => unit.repeat(Math.max(1, Math.ceil(n / unit.length)));
const gen = (label: string, f: (n: number) => string): Gen => Object.assign(f, { label });
/** `unit` repeated to length n, then `tail` (the character that makes the match fail late). */
const run = (unit: string, tail = '!') => gen(`${JSON.stringify(unit)}×n+${JSON.stringify(tail)}`, (n) => times(unit, n) + tail);
/** `head`, then `unit` repeated, then `tail`. */
const wrap = (head: string, unit: string, tail = '!') => gen(`${JSON.stringify(head)}+${JSON.stringify(unit)}×n+${JSON.stringify(tail)}`, (n) => head + times(unit, n) + tail);

/** Applied to every regex on top of its own entries: letters, blanks, tabs, '=' runs, quotes. */
const ALWAYS: Gen[] = [run('a'), run(' ', '!'), run('\t', 'x'), run('=', 'x'), run('"\\', '"')];

interface Entry {
  /** A literal exactly as written in src/ (flags in any order). */
  re?: RegExp;
  /** A dynamic site: its call text, and the regexes it builds (taken from the data that holds them). */
  site?: string;
  instances?: () => RegExp[];
  /** How many regexes `instances` must find (default 4: a catalog's worth). */
  instancesAtLeast?: number;
  hostile: Gen[];
  /** Super-linear, with the reason it is kept for now; its growth test is expected to fail. */
  knownSuperLinear?: string;
}

// The `(?<!…)` lookbehinds below were added to make the patterns linear; the section at the end
// checks they match exactly what the earlier patterns did.
/* eslint-disable no-control-regex */
const AUDIT: Entry[] = [
  // cli/
  { re: /[A-Za-z]{3},/, hostile: [run('ab,')] },
  { re: /[\r\n\t]+/g, hostile: [run('\r\n\t', 'x')] },
  { re: /^(?:Bearer|DPoP)[ \t]+/i, hostile: [wrap('Bearer', ' \t')] },
  { re: /^(?:proxy-)?authorization:\s*/i, hostile: [wrap('authorization:', ' ')] },
  { re: /^\d{4}-\d{2}-\d{2}/, hostile: [run('1')] },
  { re: /^\d{9,11}(\.\d+)?$/, hostile: [wrap('123456789.', '1', 'x')] },
  { re: /\x1b\[[0-9;]*m/g, hostile: [run('\x1b[;', ''), wrap('\x1b[', ';', 'x')] },
  { re: /^--?/, hostile: [run('-')] },
  { re: /position (\d+)/, hostile: [run('position ', ''), wrap('position ', '1', '')] },
  { re: /[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, hostile: [run('\x7f\u202e\u2028')] },
  { re: /[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, hostile: [run('\x1b[2J\u202e\u2028'), run('a\x00')] },

  // core/challenge
  { re: /(?<!=)=+$/, hostile: [run('=', 'x'), run('a=', 'a'), run('==a', '=')] },
  { re: /\+/g, hostile: [run('+')] },
  { re: /\//g, hostile: [run('/')] },
  { re: /^(true|false)$/i, hostile: [run('true')] },
  { re: /^\d{1,12}$/, hostile: [run('1')] },
  { re: /^https:\/\//i, hostile: [run('https:/')] },
  { re: /^https?:\/\//i, hostile: [run('http')] },
  { re: /_/g, hostile: [run('_')] },
  { re: /[^"\\\x00-\x08\x0a-\x1f\x7f]*/y, hostile: [run('a\\'), run('\u00e9 ', '\u0001'), run('x', '"')] },
  { re: /[A-Za-z0-9\-._~+/]*/y, hostile: [run('A/+', '='), run('a.', ' ')] },
  { re: /[A-Za-z0-9\-._~+]*/y, hostile: [run('A+', '/'), run('a.', ' ')] },
  {
    re: /[!#$%&'*+\-.^_`|~0-9A-Za-z]+=(?:"[^"\\\x00-\x08\x0a-\x1f\x7f]*"|[!#$%&'*+\-.^_`|~0-9A-Za-z]+)/y,
    hostile: [run('a', '"'), wrap('a="', 'x', '\\'), wrap('a="', 'x, b=', '\u0001'), wrap('a=', 'b', '/'), run('a=', '')],
  },
  {
    site: "new RegExp(`(?:${KNOWN_PARAM_NAME_SOURCE})${SIMPLE_PARAM.source.slice(SIMPLE_PARAM.source.indexOf('='))}`, 'y')",
    instances: () => [BUILT_PATTERNS[0]!],
    instancesAtLeast: 1,
    hostile: [run('error', '_'), run('authorization', '_ur'), wrap('realm="', 'x', '\\'), wrap('error="', 'x, b=', '\u0001'), wrap('scope=', 'b', '/'), run('realm=', '')],
  },
  {
    site: "new RegExp(`(?:${KNOWN_PARAM_NAME_SOURCE})=`, 'y')",
    instances: () => [BUILT_PATTERNS[1]!],
    instancesAtLeast: 1,
    hostile: [run('error', '_'), run('authorization', '_ur'), run('resource_', 'x')],
  },
  {
    site: "new RegExp(`(?:${EXACT_SCHEME_SOURCE})(?![!#$%&'*+\\\\-.^_\\`|~0-9A-Za-z])`, 'y')",
    instances: () => [BUILT_PATTERNS[2]!],
    instancesAtLeast: 1,
    hostile: [run('Bearer'), run('Negotiat', 'e'), run('B', 'x')],
  },

  // core/credentials
  {
    re: /^(connect\.sid|phpsessid|jsessionid|asp\.net_sessionid|\.aspnetcore\.(session|cookies)|sessionid|session|sid|_session_id|(?=.*(?:session|sess|sid|auth|token|jwt)).*)$/i,
    hostile: [run('session\n'), run('_.-', 'x'), run('sess_', '\n'), run('tok')],
  },
  { re: /[ \t]/, hostile: [] },
  { re: /^(bearer|dpop)[ \t]/i, hostile: [run('bearer')] },
  { re: /^[ \t]+/, hostile: [run(' \t')] },
  { re: /^["'].*["']$/, hostile: [wrap('"', `"'`, 'x'), wrap("'", 'a', '\n"')] },
  { re: /^[A-Za-z0-9\-._~+/]+=*$/, hostile: [wrap('a', '=', 'x'), run('a/+.', '=!')] },

  // core/diagnose
  { re: /(?:^|&|[{,]\s*")grant_type(?:=|"\s*:)/, hostile: [run(', '), wrap(',"grant_type"', ' ', 'x'), run('&grant_type', ''), wrap(',', ' ', 'x')] },
  { re: /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1|[\w-]+\.localhost)$/i, hostile: [wrap('', 'a-', '.localhostx'), run('127.0')] },
  { re: /json|xml/i, hostile: [run('jso')] },
  { re: /text\/html/i, hostile: [run('text/')] },
  { re: /(user ?name|email|account) or password/, hostile: [run('user name or ', '')] },
  { re: /(?:^|[\s,])(s-maxage|max-age)\s*=\s*"?(\d+)/, hostile: [wrap(' max-age', ' ', 'x'), run(', max-age= "', '')] },
  { re: /(^|[\s,])(no-store|private)\b/, hostile: [run(', no-stor')] },
  { re: /(^|[\s,])public\b/, hostile: [run(' publi')] },
  { re: /^"?true"?$/i, hostile: [run('"')] },
  { re: /"error"\s*:\s*"use_dpop_nonce"/, hostile: [wrap('"error"', ' ', 'x'), run('"error":')] },
  { re: /[?#]/, hostile: [] },
  { re: /\s+/, hostile: [] },
  { re: /<input[^>]{0,200}type\s*=\s*["']?password/i, hostile: [run('<input type='), wrap('<input type', ' ', 'x'), run('<input')] },
  { re: /\/(login|log-in|signin|sign-in|sign_in|auth|sso|saml|oauth2?|authorize|account\/login|users\/sign_in|idp)(\/|\?|$|\.)/i, hostile: [run('/login'), run('/account')] },
  { re: /html/i, hostile: [run('htm')] },
  { re: /\.$/, hostile: [run('.', 'x')] },
  { re: /(?:^|&)grant_type=([^&]*)/, hostile: [run('&grant_type='), wrap('grant_type=', 'a', '')] },
  { re: /token/i, hostile: [run('toke')] },
  { re: /[?&](access_token|id_token|refresh_token|token|api_?key|auth|auth_token|sig|x-amz-security-token)=/i, hostile: [run('?access_token'), run('&auth_')] },
  { re: /^\s*\{\s*"ok"\s*:\s*false\b/, hostile: [wrap('{', ' ', 'x'), wrap('{"ok"', ' ', ':')] },
  { re: /^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/, hostile: [run('Sun '), run('Sun Nov  1 ', ''), wrap('Sun Nov 22 10:00:00 ', '1', 'x')] },

  // core/har
  { re: /Unexpected end/, hostile: [run('Unexpected en')] },
  { re: /[\s=]+/g, hostile: [run(' =', 'x')] },
  {
    re: /^(text\/|application\/(json|problem\+json|xml|x-www-form-urlencoded|javascript|[\w.+-]*\+json|[\w.+-]*\+xml))/i,
    hostile: [wrap('application/', 'a+', 'x'), wrap('application/', '.', '+jso')],
  },

  // core/knowledge
  { re: /"message"\s*:\s*"401 Unauthorized"/, hostile: [run('"message": "401 ')] },
  { re: /"mfa_token"/, hostile: [run('"mfa_token')] },
  { re: /"ok"\s*:\s*false/, hostile: [run('"ok": fals'), wrap('"ok"', ' ', 'x')] },
  { re: /"scope"\s*:\s*"/, hostile: [run('"scope":'), wrap('"scope"', ' ', 'x')] },
  { re: /<Code>AccessDenied<\/Code>/, hostile: [run('<Code>AccessDenied<')] },
  { re: /<Code>ExpiredToken<\/Code>/, hostile: [run('<Code>ExpiredToken<')] },
  { re: /AADSTS(\d{5,7})/, hostile: [run('AADSTS1234')] },
  { re: /\s+/g, hostile: [run(' \t\n', 'x')] },
  { re: /^https:\/\/(?:[\w-]+\.)?slack\.com\/api\//i, hostile: [wrap('https://', 'a-.', 'slack.co')] },
  { re: /^https:\/\/[^/?#]+\.auth0\.com(?::\d+)?\//i, hostile: [wrap('https://', 'a.', 'auth0.com:1'), wrap('https://', '.auth0.com', '')] },
  { re: /^https?:\/\/[^/?#]+\/api\/v4\//i, hostile: [wrap('https://', 'a', '/api/v')] },
  {
    site: 'new RegExp(`"error"\\\\s*:\\\\s*"${code}"`)',
    instances: () => VENDOR_ERRORS.flatMap((v) => v.match ?? []).filter((r) => r.source.startsWith('"error"\\s*:')),
    hostile: [run('"error": "'), wrap('"error"', ' ', ':'), run('"error":"invalid_')],
  },
  { re: /[.*+?^${}()|[\]\\]/g, hostile: [run('.*+?^${}()|[]\\')] },
  {
    site: "new RegExp(codes.map(escapeRegExp).join('|'))",
    instances: () => [anyCodePattern()],
    instancesAtLeast: 1,
    hostile: [run('invalid_'), run('Token is expired. You can'), run('AADST'), run('Resource not accessible by ')],
  },

  // core/redact
  { re: /(?:%[0-9A-Fa-f]{2})+/g, hostile: [run('%4'), run('%41', '%4')] },
  { re: /[-_]/g, hostile: [run('-_')] },
  { re: /[\s]/, hostile: [] },
  { re: /'/g, hostile: [run("'")] },
  { re: /[[\]{}]/, hostile: [] },
  { re: /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, hostile: [run('a!#', ' ')] },
  { re: /^\d{1,3}$/, hostile: [run('1')] },
  { re: /[\s:;,.]/g, hostile: [run(' :;,.')] },
  { re: /\[redacted:[a-z-]+ len=\d+ #[0-9a-f]{6}\]|REDACTED-[a-z-]+-len\d+-[0-9a-f]{6}-?/g, hostile: [run('[redacted:a-'), wrap('REDACTED-', 'a-', 'len'), run('REDACTED-a-len1-'), wrap('[redacted:a len=', '1', ' #')] },
  { re: /^REDACTED-[a-z-]+-len\d+-[0-9a-f]{6}-?$/, hostile: [wrap('REDACTED-', 'a-', 'x')] },
  { re: /^\[redacted:[a-z-]+ len=\d+ #[0-9a-f]{6}\]$/, hostile: [wrap('[redacted:', 'a-', ' len=1')] },
  { re: /([A-Z])(?=[A-Z][a-z])/g, hostile: [run('A'), run('AB', 'c')] },
  { re: /([a-z0-9])([A-Z])/g, hostile: [run('aA')] },
  { re: /(token|secret|password|apikey)\d*$/, hostile: [wrap('token', '1', 'x'), run('token'), run('token1', 'x')] },
  { re: /[^a-z0-9]+/, hostile: [run('-_')] },
  { re: /[^a-z0-9]/g, hostile: [run('-')] },
  { re: /^(password|passwd|pwd|pass|passcode|pin|otp|totp|cvv|cvc|code|mfacode)$/, hostile: [run('pass')] },
  {
    re: /(-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----)((?:(?!-----BEGIN )[\s\S])*?)(-----END \2PRIVATE KEY-----)/g,
    hostile: [run('-----BEGIN PRIVATE KEY-----', ''), wrap('-----BEGIN ', 'A ', 'PRIVATE'), wrap('-----BEGIN PRIVATE KEY-----', '-----END A PRIVATE KEY-----', ''), run('-----BEGIN A PRIVATE KEY-----x', '')],
  },
  { re: /(?:https?|wss?):\/\//i, hostile: [run('https:/')] },
  { re: /(?<![.,])[.,]+$/, hostile: [run('.,', 'x'), run('a.', 'a')] },
  { re: /([!#$%&'*+.^_`|~0-9A-Za-z-]+)(\s*=\s*)("(?:[^"\\]|\\.)*"|[^,\s]*)/gy, hostile: [wrap('a="', '\\"', ''), run('a=b,'), wrap('a', ' ', 'x'), wrap('a="', 'a\\', '')] },
  { re: /(["']?)([A-Za-z_][A-Za-z0-9_.-]{0,40})\1(\s*[:=]\s*)/g, hostile: [run('a '), run('"a'), wrap('a', ' ', 'x'), run('a.', '"')] },
  { re: /(\bvalue\s*=\s*)(["'])([\s\S]*?)\2/i, hostile: [wrap('value="', "'", ''), run(`value='"`, ''), wrap('value', ' ', '=')] },
  { re: /-/g, hostile: [run('-')] },
  { re: /;([^;/?#=]+)=([^;/?#]*)/g, hostile: [wrap(';', 'a', ''), run(';a='), run(';a', '')] },
  { re: /<input/i, hostile: [run('<inpu')] },
  { re: /<input\b(?<!<input\b[^>]*?<input)[^>]*>/gi, hostile: [run('<input', ''), run('<input ', ''), wrap('>', ' ', '<input'), run('<INPUT x', '>')] },
  { re: /<meta/i, hostile: [run('<met')] },
  { re: /<meta\b(?<!<meta\b[^>]*?<meta)[^>]*>/gi, hostile: [run('<meta', ''), run('<meta ', ''), wrap('>', ' ', '<meta'), run('<META x', '>')] },
  { re: /(\bcontent\s*=\s*)(["'])([\s\S]*?)\2/i, hostile: [wrap('content="', "'", ''), run(`content='"`, ''), wrap('content', ' ', '=')] },
  { re: /["\\]/g, hostile: [run('"\\')] },
  { re: /[+/=]/, hostile: [] },
  { re: /[:=]/, hostile: [] },
  { re: /[?#;]/, hostile: [] },
  { re: /[A-Za-z0-9][A-Za-z0-9_\-.+/=]{15,4096}/g, hostile: [run('a'.repeat(15) + ' ', ''), run('a+/=')] },
  { re: /[\s"'&,;<>(){}[\]]/, hostile: [] },
  { re: /[\s,]*/y, hostile: [run(' ,')] },
  { re: /[^/]{16,}/g, hostile: [run('a/'), run('aaaaaaaaaaaaaaa/')] },
  { re: /[_-]/, hostile: [] },
  { re: /\\(.)/g, hostile: [run('\\')] },
  { re: /\b(?:Bearer|Basic|DPoP|Token|Negotiate|NTLM)\s/i, hostile: [run('Bearer')] },
  { re: /\b(?:https?|wss?):\/\/[^\s"'<>`\\]+/gi, hostile: [run('https://', ''), wrap('http://', 'a', '')] },
  { re: /\b(Bearer|Basic|DPoP|Token|Negotiate|NTLM)(\s+)([A-Za-z0-9\-._~+/]{8,}=*)/gi, hostile: [wrap('Bearer', ' ', '!'), run('Bearer a'), wrap('Bearer abcdefgh', '=', '')] },
  { re: /\bname="([^"]*)"/i, hostile: [wrap('name="', 'a', ''), run('name="', '')] },
  { re: /\bname\s*=\s*(["']?)([^"'\s>]+)\1/i, hostile: [wrap('name', ' ', 'x'), run(`name='a`), wrap('name="', 'a', '')] },
  { re: /\r?\n$/, hostile: [run('\r\n', 'x')] },
  { re: /\r?\n\r?\n/, hostile: [run('\r\na')] },
  { re: /\s/, hostile: [] },
  { re: /^(?:https?|wss?):\/\//i, hostile: [run('http')] },
  { re: /^(Bearer|Basic|DPoP|Digest|Negotiate|NTLM|Token)\s+\S/i, hostile: [wrap('Bearer', ' ', '')] },
  { re: /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^/@?#:]*):([^/@?#]*)@/, hostile: [wrap('http://', ':', ''), wrap('http://a', ':', '/'), wrap('http://', 'a', ':')] },
  { re: /^(\s*)([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:(\s+)([\s\S]*))?$/, hostile: [run('a', '"'), wrap('a', ' \t', '')] },
  { re: /^(password|passwd|clientsecret|secret|refreshtoken|accesstoken|idtoken|apikey|privatekey)$/, hostile: [run('pass')] },
  { re: /^(true|false|null|undefined)$/, hostile: [run('nul')] },
  { re: /^--([^\r\n]+)\r?\n/, hostile: [wrap('--', 'a', '\r'), wrap('--', '\r', '')] },
  { re: /^0{6,}[0-9a-f]{6}$/, hostile: [run('0', 'g')] },
  { re: /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\s*=/, hostile: [wrap('a', ' ', 'x')] },
  { re: /^[A-Z][A-Z0-9_.:-]*$/, hostile: [run('A.', 'a')] },
  // Anchored, and a capital always ends a run of small letters: one way to match each character.
  { re: /^[A-Z][a-z]{2,}(?:[A-Z][a-z]+)+$/, hostile: [wrap('Abc', 'Ab', '1'), run('Abc', '!')] },
  { re: /^[A-Za-z][a-z]{0,13}$/, hostile: [run('a', 'B'), run('a', '1'), run('Aa', 'A')] },
  { re: /^[A-Za-z0-9\-._~]*$/, hostile: [] },
  { re: /^[A-Za-z0-9_-]*$/, hostile: [] },
  { re: /^[A-Za-z0-9._-]+$/, hostile: [run('a.', '=')] },
  { re: /[A-Z]/, hostile: [run('a')] },
  { re: /^[A-Za-z0-9_\-+/]*$/, hostile: [run('a+/', '=')] },
  { re: /^[\x00-\x7f]*$/, hostile: [run('a{', '\u00e9')] },
  { re: /^[A-Za-z0-9_\-+/]+=*$/, hostile: [wrap('a', '=', 'x')] },
  { re: /^[^=&\s"'<>{}`]+=[^&\s"<>{}`]*(&[^=&\s"'<>{}`]*=[^&\s"<>{}`]*)*$/, hostile: [wrap('a=', '&=', ' '), wrap('a=', '&a=b', ' '), run('a=', ' ')] },
  { re: /^[a-z]+(?:[_.:-][a-z0-9]+)*$/, hostile: [run('a_', 'A'), run('a.1', '!')] },
  { re: /^[{[]\s*\n([ \t]+)/, hostile: [wrap('{', ' ', '\n'), wrap('{\n', ' ', '')] },
  { re: /^\d{1,6}$/, hostile: [run('1')] },
  { re: /^\s+[{[]/, hostile: [run(' \n')] },
  { re: /^https?:\/\//, hostile: [run('http')] },
  { re: /boundary=(?:"([^"]+)"|([^;\s]+))/i, hostile: [wrap('boundary="', 'a', ''), run('boundary=')] },
  { re: /content-type:\s*([^\r\n]+)/i, hostile: [wrap('content-type:', ' ', ''), run('content-type:')] },
  {
    re: /eyJ(?<!eyJ[A-Za-z0-9_-]*?eyJ)[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)?/g,
    hostile: [run('eyJ', ''), wrap('eyJa.', 'a', ''), run('eyJa.b.', ''), run('eyJa.', ''), wrap('', 'a', 'eyJ')],
  },
  { re: /[\\`*_{}[\]<>~&|]/g, hostile: [run('\\`*')] },
  { re: /^(\s*)(?:([#+=-])|(\d{1,9})([.)]))/, hostile: [run(' ', 'x'), wrap('', '1', 'x'), run(' 1', 'x')] },
  { re: /\r?\n/g, hostile: [run('\r\n')] },
  { re: /`+/g, hostile: [run('`')] },

  // core/token
  { re: /^[A-Za-z0-9\-._~+/=]+$/, hostile: [run('a=/.', '!'), run('=', ' ')] },
  { re: /\((?<!\([^)]*?\()([^)]*)\)\s*$/, hostile: [run('(', ''), run('(a)', 'x'), run('(', ')x'), run(')(', '')] },
  { re: /^(?:HS|RS|ES|PS)(?:256|384|512)$|^ES256K$|^EdDSA$|^Ed25519$|^Ed448$|^none$/i, hostile: [run('HS256')] },
  { re: /^e[yw][A-Za-z0-9_\-+/]/, hostile: [run('ey')] },
  { re: /:\d*$/, hostile: [run(':', 'x'), run(':1', 'x')] },
  { re: /[-_.]+/, hostile: [] },
  { re: /[/?#]/, hostile: [] },
  { re: /[?#][\s\S]*$/, hostile: [run('?', '\nx'), run('#?')] },
  { re: /\/realms\/[^/]+\/?$/, hostile: [run('/realms/a'), wrap('/realms/', 'a', '/x'), run('/realms/', '')] },
  { re: /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/, hostile: [run('127.')] },
  { re: /^[A-Za-z][A-Za-z0-9+.-]*:\/\//, hostile: [run('a+.', ':/')] },
  { re: /^cognito-idp\.[a-z0-9-]+\.amazonaws\.com$/, hostile: [wrap('cognito-idp.', 'a-', '.amazonaws.co')] },
  { re: /[\x00-\x08\x0e-\x1f\x7f]/, hostile: [] },
  { re: /[^A-Za-z0-9\-._~+/=]/, hostile: [] },
  {
    re: /^(?:undefined|null|nil|none|nan|true|false|bearer|token|\[object object\]|\{\{.*\}\}|\$\{.*\}|\$[A-Z_][A-Z0-9_]*|<[^<>]*>|%[A-Z_]+%|your[-_ ]?(?:access[-_ ]?)?token(?:[-_ ]?here)?)$/i,
    hostile: [wrap('{{', '}}', 'x'), wrap('${', '}', 'x'), wrap('<', 'a', ''), run('your-access-token-', ''), wrap('$', 'A', 'a'), wrap('%', 'A', '')],
  },
  { re: /^(Bearer|DPoP)(?:\s+|$)/i, hostile: [wrap('Bearer', ' ', 'x')] },
  { re: /^(["'])(.*)\1$/s, hostile: [wrap('"', `"'`, 'x')] },
  { re: /^[A-Za-z0-9_\-+/=]*(\.[A-Za-z0-9_\-+/=]*){2}$/, hostile: [run('.', 'x'), run('a.', '!')] },
  { re: /^[A-Za-z0-9_\-+/=]*(\.[A-Za-z0-9_\-+/=]*){4}$/, hostile: [run('.', 'x'), run('a.', '!')] },
  { re: /^\s*/, hostile: [] },
  { re: /^application\//, hostile: [run('application')] },
  { re: /(^|&)sig=/, hostile: [run('&sig')] },
  { re: /^[1-4]\.(local|public)\.[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)?$/, hostile: [wrap('4.local.', 'a.', '!'), wrap('4.public.a.', 'a', '.')] },
  { re: /^[A-Z2-7]{16}$/, hostile: [run('A2')] },
  { re: /^[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}$/, hostile: [run('T3BlbkFJ')] },
  { re: /^[A-Za-z0-9]{30,}$/, hostile: [] },
  { re: /^[A-Za-z0-9]{36}$/, hostile: [] },
  { re: /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, hostile: [run('a.', ''), wrap('', 'a', '.!')] },
  { re: /^[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}$/, hostile: [run('a', '.')] },
  { re: /^[A-Za-z0-9_-]{35}$/, hostile: [] },
  { re: /^[a-f0-9]{32}(-\d+)?$/, hostile: [wrap('a'.repeat(32) + '-', '1', 'x')] },
  { re: /^[a-f0-9]{64}$/, hostile: [run('f')] },
  { re: /^[a-fA-F0-9]{32}$/, hostile: [run('F')] },
  { re: /^\?/, hostile: [run('?')] },
  { re: /^\??[A-Za-z0-9%=&._~+/:-]+$/, hostile: [run('%a', ' '), wrap('?', '&=', '?')] },
  { re: /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?$/, hostile: [wrap('2020-01-01T00:00:00.', '1', 'x')] },
  {
    site: 'new RegExp(`^[${chars}]{${min},}$`)',
    instances: () => OPAQUE_FORMATS.flatMap((f) => (f.rest && /^\^\[.*\]\{\d+,\}\$$/.test(f.rest.source) ? [f.rest] : [])),
    hostile: [run('a'), run('a.-', '!'), run('A+/=', ' ')],
  },
  { re: /[ \t\r\n]+/, hostile: [run(' \t\r\n', 'x')] },

  // devtools/, panel/, viewer/
  { re: /^https:\/\//, hostile: [run('https:/')] },
  { re: /token|oauth|login|auth/i, hostile: [run('toke'), run('oaut')] },
];
/* eslint-enable no-control-regex */

const keyOf = (e: Entry) => (e.re ? String(e.re) : e.site!);

// ---------------------------------------------------------------------------------------------
// Measurement in a worker that can be killed

const N = 20_000;
const RATIO = 40;
const RUN_LIMIT_MS = 2000;
/** Below this, times are timer noise: a ratio is taken against at least this much. */
const FLOOR_MS = 0.25;

const WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ source, flags, warm, inputs }) => {
  const re = new RegExp(source, flags);
  // Every match of a global regex, found with test() so no match arrays or strings are allocated
  // (garbage collection made the timings noisy); an empty match moves on by one.
  const apply = (s) => {
    re.lastIndex = 0;
    if (!re.global) return re.exec(s);
    for (;;) {
      const start = re.lastIndex;
      if (!re.test(s)) return;
      if (re.lastIndex === start) re.lastIndex++;
    }
  };
  apply(warm); apply(warm);
  for (let k = 0; k < inputs.length; k++) {
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      apply(inputs[k]);
      parentPort.postMessage({ k, ms: performance.now() - t });
    }
  }
  parentPort.postMessage({ done: true });
});`;

let worker: Worker | null = null;
afterAll(async () => {
  await worker?.terminate();
});

interface Measurement {
  best: number[];
  worst: number[];
  /** Set when a run overstayed and the worker was killed. */
  killedAt?: number;
}

function measure(re: RegExp, inputs: string[]): Promise<Measurement> {
  worker ??= new Worker(WORKER, { eval: true });
  const w = worker;
  const best = inputs.map(() => Infinity);
  const worst = inputs.map(() => 0);
  return new Promise((resolve, reject) => {
    let current = 0;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      clearTimeout(timer);
      // A run is allowed RUN_LIMIT_MS; a little more before the worker is killed.
      timer = setTimeout(() => {
        w.off('message', onMessage);
        w.off('error', onError);
        worker = null;
        void w.terminate();
        resolve({ best, worst, killedAt: current });
      }, RUN_LIMIT_MS * 1.5);
    };
    const onMessage = (m: { done?: boolean; k: number; ms: number }) => {
      if (m.done) {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        resolve({ best, worst });
        return;
      }
      best[m.k] = Math.min(best[m.k]!, m.ms);
      worst[m.k] = Math.max(worst[m.k]!, m.ms);
      current = m.k;
      arm();
    };
    const onError = (err: Error) => {
      clearTimeout(timer);
      worker = null;
      reject(err);
    };
    w.on('message', onMessage);
    w.on('error', onError);
    arm();
    w.postMessage({ source: re.source, flags: re.flags, warm: inputs[0]!.slice(0, 200), inputs });
  });
}

/**
 * Problems with one regex on one hostile input; empty when it grows linearly. A ratio over the
 * limit is measured again (twice at most): on a busy machine one measurement can be unlucky, a
 * super-linear regex fails every time.
 */
async function growthProblems(re: RegExp, g: Gen, n = N, attempts = 3): Promise<string[]> {
  let problems: string[] = [];
  for (let attempt = 0; attempt < attempts; attempt++) {
    problems = await growthAttempt(re, g, n);
    if (problems.length === 0 || problems.some((p) => p.includes('killed'))) return problems;
  }
  return problems;
}

async function growthAttempt(re: RegExp, g: Gen, n: number): Promise<string[]> {
  const small = g(n);
  const large = g(10 * n);
  const m = await measure(re, [small, large]);
  const name = `${String(re).slice(0, 80)} on ${g.label}`;
  if (m.killedAt !== undefined) return [`${name}: a run on ${m.killedAt ? '10N' : 'N'} chars took over ${RUN_LIMIT_MS * 1.5} ms (killed)`];
  const problems: string[] = [];
  const [tn, t10n] = m.best as [number, number];
  if (Math.max(...m.worst) > RUN_LIMIT_MS) problems.push(`${name}: a run took ${Math.max(...m.worst).toFixed(0)} ms (limit ${RUN_LIMIT_MS} ms)`);
  if (t10n > RATIO * Math.max(tn, FLOOR_MS)) problems.push(`${name}: ${tn.toFixed(3)} ms at ${small.length} chars, ${t10n.toFixed(3)} ms at ${large.length} (×${(t10n / Math.max(tn, FLOOR_MS)).toFixed(0)}, limit ×${RATIO})`);
  return problems;
}

// ---------------------------------------------------------------------------------------------

describe('the scanner', () => {
  test('finds literals, constructors and string patterns, and nothing in comments, strings or division', () => {
    const code = [
      'const a = x / 2 / y; // not /a+/ here',
      '/* nor /b+/ here */ const s = "/c+/"; const t = `/d+/ ${e / f}`;',
      'const r1 = /g+$/i;',
      'if (/h/.test(s)) s.replace(/i|j/g, "");',
      'const r2 = new RegExp(`^${p}$`, "u"); const r3 = RegExp("k");',
      "const m = s.match('l+$'); const n = s.search(r1);",
      'const v = <div title={/m/.source}>{a / b} text /not/ regex</div>;',
    ].join('\n');
    const found = scanRegexes('x.tsx', code).map((s) => s.key);
    expect(found).toEqual(['/g+$/i', '/h/', '/i|j/g', 'new RegExp(`^${p}$`, "u")', 'RegExp("k")', "s.match('l+$')", '/m/']);
  });

  test('finds the regexes in src/', () => {
    expect(SITES.length).toBeGreaterThan(150);
    expect(new Set(SITES.map((s) => s.file)).size).toBeGreaterThan(30);
  });
});

describe('audit table', () => {
  const keys = new Set(AUDIT.map(keyOf));

  test('has no duplicate entries', () => {
    expect(keys.size).toBe(AUDIT.length);
  });

  test('covers every regular expression in src/', () => {
    const missing = SITES.filter((s) => !keys.has(s.key)).map((s) => `${s.file}:${s.line} ${s.key}`);
    expect(missing, 'add each to AUDIT with the inputs that could make it backtrack').toEqual([]);
  });

  test('lists nothing that is no longer in src/', () => {
    const present = new Set(SITES.map((s) => s.key));
    expect(AUDIT.map(keyOf).filter((k) => !present.has(k))).toEqual([]);
  });

  test('dynamic sites resolve to the regexes they build', () => {
    for (const e of AUDIT.filter((x) => x.instances)) expect(e.instances!().length, e.site).toBeGreaterThanOrEqual(e.instancesAtLeast ?? 4);
  });
});

const cases = AUDIT.map((e) => ({ name: keyOf(e).slice(0, 100), entry: e }));

describe('every regex grows linearly on hostile input', () => {
  test.each(cases.filter((c) => !c.entry.knownSuperLinear))('$name', async ({ entry }) => {
    const regexes = entry.instances ? entry.instances() : [entry.re!];
    const problems: string[] = [];
    for (const re of regexes) for (const g of [...entry.hostile, ...ALWAYS]) problems.push(...(await growthProblems(re, g)));
    expect(problems).toEqual([]);
  }, 120_000);

  // Entries marked knownSuperLinear (none at present) fail here as expected while their pattern is
  // super-linear; fixing one changes the literal, and the table checks above then ask for the entry
  // to be updated and the mark removed.
  test.fails.each(cases.filter((c) => c.entry.knownSuperLinear))('known super-linear: $name', async ({ entry }) => {
    const problems: string[] = [];
    // Smaller sizes: quadratic shows as well at 2k → 20k and costs seconds less than 20k → 200k.
    for (const g of entry.hostile) problems.push(...(await growthProblems(entry.re!, g, N / 10, 1)));
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('the measurement catches backtracking', () => {
  test('a quadratic pattern fails the growth check', async () => {
    const problems = await growthProblems(/=+$/, run('=', 'x'), N / 10, 1);
    expect(problems.join('\n')).toMatch(/limit ×40|killed/);
  }, 60_000);

  test('an exponential pattern is killed instead of hanging', async () => {
    const problems = await growthProblems(/^(a+)+$/, run('a', '!'), N, 1);
    expect(problems.join('\n')).toMatch(/killed/);
  }, 60_000);

  test('a linear pattern passes', async () => {
    expect(await growthProblems(/^a+b/, run('a', ' b'))).toEqual([]);
  }, 60_000);
});

// The linear rewrites keep what the earlier patterns matched (random strings over the characters
// that matter, compared match for match).
describe('linear rewrites match what the earlier patterns matched', () => {
  /** Compares every match (or only `test`, or a replacement's output) on random strings. */
  const same = (before: RegExp, after: RegExp, alphabet: string[], how: { test?: boolean; replace?: [string, string] } = {}) => {
    const arb = fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((x) => x.join(''));
    const show = (re: RegExp, s: string, rep?: string) => {
      re.lastIndex = 0;
      if (how.test) return String(re.test(s));
      if (rep !== undefined) return s.replace(re, rep);
      return re.global ? s.replace(re, (m) => `[${m}]`) : JSON.stringify(re.exec(s));
    };
    fc.assert(fc.property(arb, (s) => show(before, s, how.replace?.[0]) === show(after, s, how.replace?.[1])), { numRuns: 20_000 });
  };
  test.each([
    { name: 'trailing =', before: /=+$/, after: /(?<!=)=+$/, alphabet: ['=', 'a', '\n'] },
    { name: 'trailing . and ,', before: /[.,]+$/, after: /(?<![.,])[.,]+$/, alphabet: ['.', ',', 'a', '\n'] },
    { name: '<input> tags', before: /<input\b[^>]*>/gi, after: /<input\b(?<!<input\b[^>]*?<input)[^>]*>/gi, alphabet: ['<input', '<INPUT', '>', ' ', 'x', '"', '<inputx', 'name=a'] },
    { name: '<meta> tags', before: /<meta\b[^>]*>/gi, after: /<meta\b(?<!<meta\b[^>]*?<meta)[^>]*>/gi, alphabet: ['<meta', '<META', '>', ' ', 'x', '"', '<metax', 'name=a'] },
    {
      name: 'JWTs in text',
      before: /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)?/g,
      after: /eyJ(?<!eyJ[A-Za-z0-9_-]*?eyJ)[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)?/g,
      alphabet: ['eyJ', 'a', '.', ' ', '-', 'e', 'yJ', '%20'],
    },
    {
      name: 'session cookie names',
      before: /^(connect\.sid|phpsessid|jsessionid|asp\.net_sessionid|\.aspnetcore\.(session|cookies)|sessionid|session|sid|_session_id|.*[_.-]?(session|sess|sid|auth|token|jwt)[_.-]?.*)$/i,
      after: /^(connect\.sid|phpsessid|jsessionid|asp\.net_sessionid|\.aspnetcore\.(session|cookies)|sessionid|session|sid|_session_id|(?=.*(?:session|sess|sid|auth|token|jwt)).*)$/i,
      alphabet: ['sess', 'ion', 'SID', 'a', '_', '.', '\n', '\u2028', 'jwt', 'au', 'th', '.aspnetcore.', 'cookies'],
      testOnly: true,
    },
    { name: 'last parenthesis of a message', before: /\(([^)]*)\)\s*$/, after: /\((?<!\([^)]*?\()([^)]*)\)\s*$/, alphabet: ['(', ')', 'a', ' ', '\n', "'"] },
  ])('$name', ({ before, after, alphabet, testOnly }) => same(before, after, alphabet, { test: testOnly }));

  test('camel-case splitting of all-caps runs', () => {
    same(/([A-Z]+)([A-Z][a-z])/g, /([A-Z])(?=[A-Z][a-z])/g, ['A', 'B', 'a', 'b', '1', '_', ' '], { replace: ['$1 $2', '$1 '] });
  });
});
