/**
 * Which field names hold secrets or personal data. Names come from headers, query and form
 * parameters, JSON keys and cookie names, spelled every way (`access_token`, `accessToken`,
 * `X-Access-Token`), so they are split into lower-case words first.
 *
 * Why a word list and not "anything containing key/code/pass": `error_code`, `token_type`,
 * `monkey` and `passport` are evidence a support engineer needs; over-matching them would hide
 * the diagnosis, under-matching leaks. Full names that are secrets on their own (`code`, `pin`,
 * `sid`) are listed whole so their words don't match elsewhere.
 */

/** `X-Amz-Security-Token` → `['x','amz','security','token']`; `accessToken` → `['access','token']`. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    // `HTMLParser` → `HTML Parser`. A lookahead, not /([A-Z]+)([A-Z][a-z])/: that one re-scanned an
    // upper-case run from each of its letters (quadratic on a long all-caps name); same output.
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Whole names (normalized) that are secrets whatever the words say. */
const SECRET_NAMES = new Set([
  'password', 'passwd', 'pwd', 'pass', 'passcode', 'passphrase', 'secret', 'clientsecret',
  'token', 'accesstoken', 'refreshtoken', 'idtoken', 'idtokenhint', 'code', 'authcode', 'authorizationcode',
  'devicecode', 'usercode', 'codeverifier', 'assertion', 'clientassertion', 'subjecttoken', 'actortoken',
  'apikey', 'key', 'session', 'sessionid', 'sid', 'jsessionid', 'phpsessid', 'aspnetsessionid', 'connectsid',
  'otp', 'pin', 'cvv', 'cvc', 'ticket', 'samlresponse', 'samlart', 'authorization', 'auth', 'jwt',
  'signature', 'sig', 'credential', 'credentials', 'privatekey', 'oauthtoken', 'oauthverifier', 'oauthsignature',
  'xapikey', 'sessionstate', 'mfacode', 'totp', 'recoverycode', 'backupcode', 'hmac', 'authkey', 'bearer',
  'recoverycodes', 'backupcodes', 'securityanswer', 'mnemonic', 'seedphrase', 'recoveryphrase',
  // Strings that hold a password inside them: connection strings, DSNs, database URLs.
  'connectionstring', 'dsn', 'databaseurl',
  // Payment and identity numbers (PCI DSS, national IDs): never in a ticket, whatever the level.
  'cardnumber', 'creditcardnumber', 'pan', 'iban', 'accountnumber', 'routingnumber', 'ssn',
]);

/**
 * Words before `code` that make it a one-time secret (`verification_code`, `resetCode`), where
 * `code` alone in a longer name is usually not one (`error_code`, `country_code`, `status_code`).
 */
const CODE_QUALIFIERS = new Set([
  'verification', 'verify', 'confirmation', 'confirm', 'reset', 'invite', 'invitation', 'activation', 'security',
  'sms', 'email', 'login', 'signin', 'onetime', 'magic', 'access', 'auth', 'authentication', 'twofactor', 'mfa', 'otp',
]);

/** Words that make any name a secret (`x-auth-token`, `clientSecret`, `X-Amz-Signature`). */
const SECRET_WORDS = new Set([
  'token', 'tokens', 'secret', 'secrets', 'password', 'passwd', 'passphrase', 'passcode', 'apikey', 'credential',
  'credentials', 'signature', 'assertion', 'session', 'sessid', 'verifier', 'csrf', 'xsrf', 'jwt', 'privatekey',
  'otp', 'totp', 'cookie',
]);

/** Words before `key` that make it a secret key (`api_key`, `x-functions-key`, `secretKey`). */
const KEY_QUALIFIERS = new Set([
  'api', 'access', 'secret', 'private', 'subscription', 'functions', 'function', 'master', 'client', 'auth',
  'signing', 'account', 'app', 'application', 'admin', 'license', 'service', 'host', 'shared', 'storage',
  'encryption', 'hmac', 'crypto', 'aes', 'decryption', 'webhook',
]);

/**
 * A last word that turns a secret-looking name into metadata about the secret: `token_type`,
 * `token_endpoint`, `expires_in`, `password_policy_url`, `code_challenge_method`.
 */
const METADATA_LAST_WORDS = new Set([
  'type', 'types', 'hint', 'endpoint', 'uri', 'url', 'urls', 'supported', 'method', 'methods', 'in', 'at', 'expires',
  'expiry', 'expiration', 'exp', 'lifetime', 'ttl', 'timeout', 'name', 'names', 'length', 'count', 'alg', 'enc',
  'format', 'required', 'enabled', 'policy', 'challenge', 'mode', 'location', 'path', 'domain', 'version', 'status',
  'error', 'scope', 'scopes', 'set', 'present', 'valid', 'expired', 'age', 'header', 'prefix', 'label', 'kind',
]);

const SAFE_FIRST_WORDS = new Set(['public', 'sec']);

/**
 * Names repeat millions of times in a big HAR (`class=`, `id:` in bodies); judging one splits it into
 * words, so results are memoized (bounded, so hostile input can't grow it without limit).
 */
const secretCache = new Map<string, boolean>();

/** True when a value under this name must be redacted. */
export function isSecretName(name: string): boolean {
  let r = secretCache.get(name);
  if (r === undefined) {
    r = judgeSecretName(name);
    if (secretCache.size > 10_000) secretCache.clear();
    secretCache.set(name, r);
  }
  return r;
}

function judgeSecretName(name: string): boolean {
  const norm = normalizeName(name);
  if (norm === '') return false;
  if (SECRET_NAMES.has(norm)) return true;
  const words = nameWords(name);
  if (words.length === 0) return false;
  if (SAFE_FIRST_WORDS.has(words[0]!)) return false;
  if (METADATA_LAST_WORDS.has(words[words.length - 1]!)) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (SECRET_WORDS.has(w)) return true;
    if (w === 'key' && i > 0 && KEY_QUALIFIERS.has(words[i - 1]!)) return true;
    if (w === 'code' && i > 0 && CODE_QUALIFIERS.has(words[i - 1]!)) return true;
    if (w === 'pass' || w === 'pwd' || w === 'pin') return true;
  }
  // `refresh_token2`, `password1`: a secret word with a digit suffix.
  return /(token|secret|password|apikey)\d*$/.test(norm);
}

/** True for names that are metadata about a secret (kept even inside a secret object). */
export function isMetadataName(name: string): boolean {
  const words = nameWords(name);
  return words.length > 0 && METADATA_LAST_WORDS.has(words[words.length - 1]!) && !SECRET_NAMES.has(normalizeName(name));
}

/** Names whose numeric values are secrets too (`"pin": 1234`). */
export function isNumericSecretName(name: string): boolean {
  return /^(password|passwd|pwd|pass|passcode|pin|otp|totp|cvv|cvc|code|mfacode)$/.test(normalizeName(name));
}

/** Personal data dropped at the strict level (OIDC standard claims, Entra/ADFS claims, common form fields). */
const PERSONAL_NAMES = new Set([
  'email', 'emails', 'mail', 'emailaddress', 'name', 'givenname', 'familyname', 'middlename', 'nickname',
  'preferredusername', 'username', 'login', 'loginhint', 'upn', 'uniquename', 'phone', 'phonenumber', 'mobile',
  'mobilephone', 'address', 'streetaddress', 'postalcode', 'zip', 'birthdate', 'birthday', 'dateofbirth', 'dob',
  'picture', 'gender', 'firstname', 'lastname', 'fullname', 'displayname', 'ipaddr', 'ssn', 'user', 'userid',
  'verifiedprimaryemail', 'verifiedsecondaryemail', 'signinnames', 'emailverified', 'phonenumberverified',
]);

export function isPersonalName(name: string): boolean {
  const norm = normalizeName(name);
  if (norm === 'emailverified' || norm === 'phonenumberverified') return false; // booleans, not data
  return PERSONAL_NAMES.has(norm);
}

/**
 * Headers whose names say nothing of a secret but carry one: Honeycomb's API key, AWS ALB's
 * signed OIDC claims, Firebase App Check tokens, the bare `X-Key` some APIs use.
 */
const VENDOR_SECRET_HEADERS = new Set(['x-honeycomb-team', 'x-amzn-oidc-data', 'x-firebase-appcheck', 'x-key']);

export type HeaderClass = 'authorization' | 'cookie' | 'set-cookie' | 'dpop' | 'challenge' | 'url' | 'api-key' | 'secret' | 'plain';

/** How a header's value is redacted, from its name. */
export function classifyHeader(name: string): HeaderClass {
  const n = name.trim().toLowerCase();
  if (n === 'www-authenticate' || n === 'proxy-authenticate' || n === 'authentication-info' || n === 'proxy-authentication-info') {
    return 'challenge';
  }
  if (n.includes('authorization')) return 'authorization';
  if (n === 'cookie' || n === 'cookie2') return 'cookie';
  if (n === 'set-cookie' || n === 'set-cookie2') return 'set-cookie';
  if (n === 'dpop') return 'dpop';
  if (n === 'location' || n === 'content-location' || n === 'referer' || n === ':path' || n === 'refresh') return 'url';
  if (n.startsWith('access-control-') || n.startsWith('sec-') || n === 'vary') return 'plain';
  if (VENDOR_SECRET_HEADERS.has(n)) return 'secret';
  const words = nameWords(n);
  if (words.includes('apikey') || (words.includes('key') && words.some((w) => KEY_QUALIFIERS.has(w)))) return 'api-key';
  if (isSecretName(n)) return 'secret';
  // `X-Auth`, `X-Supabase-Auth`, `X-Sentry-Auth`, `Authentication`: a header named for auth carries
  // a credential (in a body, `auth` alone names objects too, so this holds for headers only).
  const last = words[words.length - 1]!;
  if ((words.includes('auth') || words.includes('authentication')) && !METADATA_LAST_WORDS.has(last) && last !== 'redirect') return 'secret';
  return 'plain';
}
