import type { Environment, OpaqueVendor } from './types.js';

/**
 * Well-known opaque credential formats, recognized by prefix. Data, not code: add a row to support
 * a new format. Every row names where the format is described; "observed" means the vendor does
 * not document the format and the prefix comes from tokens seen in the wild (secret scanners key on
 * the same prefixes), so treat those as a strong hint rather than a guarantee.
 *
 * Matching is case-sensitive, longest prefix first; `rest` (when given) must match what follows the
 * prefix, which keeps short prefixes such as `sk-` or `pk.` from matching unrelated values.
 */
export interface OpaqueFormat {
  id: string;
  vendor: string;
  product: string;
  prefix: string;
  rest?: RegExp;
  source: string;
  secret?: boolean;
  environment?: Environment;
  /** When the format carries its own expiry, returns it in ms since the epoch. */
  expiry?: (token: string) => number | null;
}

const GITHUB_FORMATS =
  'GitHub blog, "Behind GitHub\'s new authentication token formats" (2021-04-05); docs.github.com "About authentication to GitHub" § GitHub\'s token formats';
const GITHUB_FINE =
  'GitHub blog, "Introducing fine-grained personal access tokens for GitHub" (2022-10-18)';
const GITLAB = 'GitLab docs, "GitLab token overview" § Token prefixes (docs.gitlab.com/security/tokens/)';
const SLACK = 'Slack API docs, "Token types" (api.slack.com/concepts/token-types)';
const STRIPE = 'Stripe docs, "API keys" (docs.stripe.com/keys)';
const AWS_IDS = 'AWS IAM User Guide, "IAM identifiers" § Unique identifiers (AKIA = access key, ASIA = temporary access key)';
const AWS_SESSION =
  'observed: AWS STS session tokens (AssumeRole/GetSessionToken) begin with these base64 bytes; AWS does not document the format';
const AZURE_STORAGE_SAS = 'Microsoft Learn, "Create a service SAS" (Azure Storage REST API): sv, se, sig parameters';
const AZURE_SB_SAS = 'Microsoft Learn, "Service Bus access control with Shared Access Signatures": SharedAccessSignature sr, sig, se, skn';

const tail = (min: number, chars = 'A-Za-z0-9_') => new RegExp(`^[${chars}]{${min},}$`);

export const OPAQUE_FORMATS: readonly OpaqueFormat[] = [
  // GitHub: 4-letter prefix + 36 base62 chars (30 random + 6 CRC32 checksum).
  { id: 'github-pat-classic', vendor: 'GitHub', product: 'personal access token (classic)', prefix: 'ghp_', rest: tail(20), source: GITHUB_FORMATS },
  { id: 'github-oauth', vendor: 'GitHub', product: 'OAuth app access token', prefix: 'gho_', rest: tail(20), source: GITHUB_FORMATS },
  { id: 'github-user-to-server', vendor: 'GitHub', product: 'GitHub App user access token', prefix: 'ghu_', rest: tail(20), source: GITHUB_FORMATS },
  { id: 'github-server-to-server', vendor: 'GitHub', product: 'GitHub App installation access token', prefix: 'ghs_', rest: tail(20), source: GITHUB_FORMATS },
  { id: 'github-refresh', vendor: 'GitHub', product: 'GitHub App refresh token (not an access token)', prefix: 'ghr_', rest: tail(20), source: GITHUB_FORMATS },
  { id: 'github-pat-fine-grained', vendor: 'GitHub', product: 'fine-grained personal access token', prefix: 'github_pat_', rest: tail(20), source: GITHUB_FINE },

  { id: 'gitlab-pat', vendor: 'GitLab', product: 'personal, project or group access token', prefix: 'glpat-', rest: tail(20, 'A-Za-z0-9_.\\-'), source: GITLAB },
  { id: 'gitlab-deploy', vendor: 'GitLab', product: 'deploy token', prefix: 'gldt-', rest: tail(20, 'A-Za-z0-9_\\-'), source: GITLAB },
  { id: 'gitlab-runner', vendor: 'GitLab', product: 'runner authentication token', prefix: 'glrt-', rest: tail(20, 'A-Za-z0-9_.\\-'), source: GITLAB },
  { id: 'gitlab-trigger', vendor: 'GitLab', product: 'pipeline trigger token', prefix: 'glptt-', rest: tail(20, 'A-Za-z0-9_\\-'), source: GITLAB },
  { id: 'gitlab-feed', vendor: 'GitLab', product: 'feed token', prefix: 'glft-', rest: tail(20, 'A-Za-z0-9_\\-'), source: GITLAB },
  { id: 'gitlab-ci-job', vendor: 'GitLab', product: 'CI/CD job token', prefix: 'glcbt-', rest: tail(20, 'A-Za-z0-9_.\\-'), source: GITLAB },
  { id: 'gitlab-oauth-secret', vendor: 'GitLab', product: 'OAuth application secret (not a bearer token)', prefix: 'gloas-', rest: tail(20, 'A-Za-z0-9_\\-'), source: GITLAB },

  { id: 'slack-bot', vendor: 'Slack', product: 'bot token', prefix: 'xoxb-', rest: tail(10, 'A-Za-z0-9\\-'), source: SLACK },
  { id: 'slack-user', vendor: 'Slack', product: 'user token', prefix: 'xoxp-', rest: tail(10, 'A-Za-z0-9\\-'), source: SLACK },
  { id: 'slack-workspace', vendor: 'Slack', product: 'workspace app token (legacy)', prefix: 'xoxa-', rest: tail(10, 'A-Za-z0-9\\-'), source: SLACK },
  { id: 'slack-refresh', vendor: 'Slack', product: 'refresh token (not an access token)', prefix: 'xoxr-', rest: tail(10, 'A-Za-z0-9\\-'), source: SLACK },
  { id: 'slack-rotating', vendor: 'Slack', product: 'rotating token (token rotation)', prefix: 'xoxe.', rest: tail(10, 'A-Za-z0-9.\\-'), source: SLACK },
  { id: 'slack-refresh-rotating', vendor: 'Slack', product: 'rotating refresh token (not an access token)', prefix: 'xoxe-', rest: tail(10, 'A-Za-z0-9\\-'), source: SLACK },
  { id: 'slack-app-level', vendor: 'Slack', product: 'app-level token', prefix: 'xapp-', rest: tail(10, 'A-Za-z0-9\\-'), source: SLACK },
  { id: 'slack-session', vendor: 'Slack', product: 'browser session token (xoxc/xoxd)', prefix: 'xoxc-', rest: tail(10, 'A-Za-z0-9\\-'), source: 'observed: Slack web client session tokens' },

  { id: 'stripe-secret-live', vendor: 'Stripe', product: 'secret key (live mode)', prefix: 'sk_live_', rest: tail(10), source: STRIPE, environment: 'prod' },
  { id: 'stripe-secret-test', vendor: 'Stripe', product: 'secret key (test mode)', prefix: 'sk_test_', rest: tail(10), source: STRIPE, environment: 'test' },
  { id: 'stripe-restricted-live', vendor: 'Stripe', product: 'restricted key (live mode)', prefix: 'rk_live_', rest: tail(10), source: STRIPE, environment: 'prod' },
  { id: 'stripe-restricted-test', vendor: 'Stripe', product: 'restricted key (test mode)', prefix: 'rk_test_', rest: tail(10), source: STRIPE, environment: 'test' },
  { id: 'stripe-publishable-live', vendor: 'Stripe', product: 'publishable key (live mode; public, cannot call secret APIs)', prefix: 'pk_live_', rest: tail(10), source: STRIPE, environment: 'prod', secret: false },
  { id: 'stripe-publishable-test', vendor: 'Stripe', product: 'publishable key (test mode; public, cannot call secret APIs)', prefix: 'pk_test_', rest: tail(10), source: STRIPE, environment: 'test', secret: false },

  { id: 'google-oauth-access', vendor: 'Google', product: 'OAuth 2.0 access token', prefix: 'ya29.', rest: tail(10, 'A-Za-z0-9_.\\-'), source: 'Google Cloud docs, "Token types" § Access tokens (ya29.… examples)' },
  { id: 'google-oauth-refresh', vendor: 'Google', product: 'OAuth 2.0 refresh token (not an access token)', prefix: '1//', rest: tail(10, 'A-Za-z0-9_\\-'), source: 'observed: Google OAuth 2.0 refresh tokens' },
  { id: 'google-api-key', vendor: 'Google', product: 'API key (send as key= or X-Goog-Api-Key, not Bearer)', prefix: 'AIza', rest: /^[A-Za-z0-9_-]{35}$/, source: 'Google Cloud docs, "Manage API keys" (AIza… examples)' },

  { id: 'aws-access-key-id', vendor: 'AWS', product: 'access key ID (sign with SigV4; not a bearer token)', prefix: 'AKIA', rest: /^[A-Z2-7]{16}$/, source: AWS_IDS },
  { id: 'aws-temporary-access-key-id', vendor: 'AWS', product: 'temporary access key ID (STS; sign with SigV4)', prefix: 'ASIA', rest: /^[A-Z2-7]{16}$/, source: AWS_IDS },
  { id: 'aws-session-token', vendor: 'AWS', product: 'STS session token (X-Amz-Security-Token)', prefix: 'IQoJb3JpZ2luX2Vj', rest: tail(40, 'A-Za-z0-9+/='), source: AWS_SESSION },
  { id: 'aws-session-token-legacy', vendor: 'AWS', product: 'STS session token (X-Amz-Security-Token)', prefix: 'FwoGZXIvYXdzE', rest: tail(40, 'A-Za-z0-9+/='), source: AWS_SESSION },

  { id: 'atlassian-api-token', vendor: 'Atlassian', product: 'API token (use with Basic auth: email + token)', prefix: 'ATATT', rest: tail(40, 'A-Za-z0-9_=\\-'), source: 'observed: Atlassian Cloud API tokens (support.atlassian.com "Manage API tokens for your Atlassian account" documents their use, not the prefix)' },
  { id: 'npm-access-token', vendor: 'npm', product: 'access token', prefix: 'npm_', rest: /^[A-Za-z0-9]{36}$/, source: 'GitHub changelog, "npm has a new access token format" (2021-09-23)' },
  { id: 'pypi-api-token', vendor: 'PyPI', product: 'API token (macaroon)', prefix: 'pypi-', rest: tail(20, 'A-Za-z0-9_\\-'), source: 'PyPI help, "How can I use API tokens to authenticate with PyPI?" (the pypi- prefix)' },
  { id: 'docker-hub-pat', vendor: 'Docker', product: 'Docker Hub personal access token', prefix: 'dckr_pat_', rest: tail(20, 'A-Za-z0-9_\\-'), source: 'Docker docs, "Personal access tokens" (dckr_pat_ examples)' },
  { id: 'digitalocean-pat', vendor: 'DigitalOcean', product: 'personal access token', prefix: 'dop_v1_', rest: /^[a-f0-9]{64}$/, source: 'DigitalOcean docs, "How to Create a Personal Access Token" (dop_v1_ prefix)' },
  { id: 'digitalocean-oauth', vendor: 'DigitalOcean', product: 'OAuth access token', prefix: 'doo_v1_', rest: /^[a-f0-9]{64}$/, source: 'DigitalOcean docs, OAuth API (doo_v1_ prefix)' },
  { id: 'shopify-admin', vendor: 'Shopify', product: 'Admin API access token', prefix: 'shpat_', rest: /^[a-fA-F0-9]{32}$/, source: 'Shopify developer changelog (2021): access tokens gained shpat_/shpca_/shppa_ prefixes' },
  { id: 'shopify-custom-app', vendor: 'Shopify', product: 'custom app access token', prefix: 'shpca_', rest: /^[a-fA-F0-9]{32}$/, source: 'Shopify developer changelog (2021): access tokens gained shpat_/shpca_/shppa_ prefixes' },
  { id: 'shopify-private-app', vendor: 'Shopify', product: 'private app access token', prefix: 'shppa_', rest: /^[a-fA-F0-9]{32}$/, source: 'Shopify developer changelog (2021): access tokens gained shpat_/shpca_/shppa_ prefixes' },
  { id: 'huggingface', vendor: 'Hugging Face', product: 'user access token', prefix: 'hf_', rest: /^[A-Za-z0-9]{30,}$/, source: 'Hugging Face Hub docs, "User access tokens" (hf_ prefix)' },
  { id: 'sendgrid-api-key', vendor: 'SendGrid (Twilio)', product: 'API key', prefix: 'SG.', rest: /^[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}$/, source: 'observed: SendGrid API keys are SG.<id>.<secret> (Twilio SendGrid docs, "API Keys")' },
  { id: 'databricks-pat', vendor: 'Databricks', product: 'personal access token', prefix: 'dapi', rest: /^[a-f0-9]{32}(-\d+)?$/, source: 'Databricks docs, "Authentication using Databricks personal access tokens" (dapi… examples)' },
  { id: 'heroku-api-key', vendor: 'Heroku', product: 'API key', prefix: 'HRKU-', rest: tail(20, 'A-Za-z0-9_\\-'), source: 'observed: Heroku API keys issued since 2024 (HRKU- prefix)' },
  { id: 'mapbox-public', vendor: 'Mapbox', product: 'public access token', prefix: 'pk.eyJ', rest: /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, source: 'Mapbox docs, "Access tokens" (pk./sk./tk. prefixes)', secret: false },
  { id: 'mapbox-secret', vendor: 'Mapbox', product: 'secret access token', prefix: 'sk.eyJ', rest: /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, source: 'Mapbox docs, "Access tokens" (pk./sk./tk. prefixes)' },
  { id: 'mapbox-temporary', vendor: 'Mapbox', product: 'temporary access token', prefix: 'tk.eyJ', rest: /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, source: 'Mapbox docs, "Access tokens" (pk./sk./tk. prefixes)' },

  // OpenAI keys use `sk-` (hyphen); Stripe uses `sk_` (underscore). Legacy OpenAI keys embed
  // "T3BlbkFJ" (base64 of "OpenAI"), which tells them from other `sk-` keys.
  { id: 'openai-project', vendor: 'OpenAI', product: 'project API key', prefix: 'sk-proj-', rest: tail(20, 'A-Za-z0-9_\\-'), source: 'OpenAI API reference, "Authentication" (project keys)' },
  { id: 'openai-service-account', vendor: 'OpenAI', product: 'service account API key', prefix: 'sk-svcacct-', rest: tail(20, 'A-Za-z0-9_\\-'), source: 'OpenAI platform docs, service accounts' },
  { id: 'openai-admin', vendor: 'OpenAI', product: 'admin API key', prefix: 'sk-admin-', rest: tail(20, 'A-Za-z0-9_\\-'), source: 'OpenAI API reference, "Administration" (admin keys)' },
  { id: 'anthropic-api-key', vendor: 'Anthropic', product: 'API key (send as x-api-key, not Bearer)', prefix: 'sk-ant-api', rest: tail(20, 'A-Za-z0-9_\\-'), source: 'Anthropic API docs, "Getting started" (x-api-key: sk-ant-api03-…)' },
  { id: 'openai-legacy', vendor: 'OpenAI', product: 'API key (legacy user key)', prefix: 'sk-', rest: /^[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}$/, source: 'observed: legacy OpenAI keys (T3BlbkFJ = base64 "OpenAI")' },

  // Token formats (not vendors) that an API may use as opaque bearer tokens.
  { id: 'paseto', vendor: 'PASETO', product: 'platform-agnostic security token', prefix: 'v', rest: /^[1-4]\.(local|public)\.[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)?$/, source: 'PASETO specification (github.com/paseto-standard/paseto-spec): version.purpose.payload[.footer]' },
  { id: 'fernet', vendor: 'Fernet', product: 'Fernet token (e.g. OpenStack Keystone)', prefix: 'gAAAAA', rest: tail(60, 'A-Za-z0-9_=\\-'), source: 'Fernet spec (github.com/fernet/spec): version byte 0x80 then a 64-bit timestamp → "gAAAAA…"' },

  { id: 'azure-service-bus-sas', vendor: 'Microsoft Azure', product: 'Service Bus / Event Hubs shared access signature', prefix: 'SharedAccessSignature ', rest: /(^|&)sig=/, source: AZURE_SB_SAS, expiry: (t) => sasExpiry(t.slice('SharedAccessSignature '.length)) },
];

/** Azure Storage SAS: a query string with `sv` (version) and `sig` (RFC 3986 query, no leading `?` needed). */
const AZURE_STORAGE: OpaqueFormat = { id: 'azure-storage-sas', vendor: 'Microsoft Azure', product: 'Storage shared access signature (a query string, not a bearer token)', prefix: '', source: AZURE_STORAGE_SAS, expiry: (t) => sasExpiry(t) };

/**
 * The formats by the first character of their prefix, longest prefix first: a token is compared
 * only with the few whose prefix can match. This runs for every failing request's token, mostly
 * before V8 optimizes it, where comparing with all of them one by one showed in HAR analysis.
 */
const BY_FIRST_CHAR = new Map<string, OpaqueFormat[]>();
for (const f of [...OPAQUE_FORMATS].sort((a, b) => b.prefix.length - a.prefix.length)) {
  const first = f.prefix.charAt(0);
  const list = BY_FIRST_CHAR.get(first);
  if (list) list.push(f);
  else BY_FIRST_CHAR.set(first, [f]);
}

/** The opaque format `token` matches, or null. */
export function matchOpaqueFormat(token: string): OpaqueFormat | null {
  const candidates = BY_FIRST_CHAR.get(token.charAt(0));
  if (candidates) {
    for (let i = 0; i < candidates.length; i++) {
      const f = candidates[i]!;
      if (token.startsWith(f.prefix) && (!f.rest || f.rest.test(token.slice(f.prefix.length)))) return f;
    }
  }
  if (isStorageSas(token)) return AZURE_STORAGE;
  return null;
}

export function toVendor(f: OpaqueFormat): OpaqueVendor {
  const v: OpaqueVendor = { id: f.id, vendor: f.vendor, product: f.product, prefix: f.prefix, source: f.source, secret: f.secret !== false };
  if (f.environment) v.environment = f.environment;
  return v;
}

function sasParams(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.replace(/^\?/, '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0) params.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return params;
}

function isStorageSas(token: string): boolean {
  // (`sig=` first: a JWT passes the character test, and splitting it into parameters was wasted.)
  if (!token.includes('sig=') || !/^\??[A-Za-z0-9%=&._~+/:-]+$/.test(token)) return false;
  const p = sasParams(token);
  return p.has('sig') && p.has('sv');
}

/**
 * `se` is the expiry: ISO 8601 UTC for Storage (`2024-01-01T00:00:00Z`, often percent-encoded),
 * Unix seconds for Service Bus / Event Hubs.
 */
function sasExpiry(query: string): number | null {
  const raw = sasParams(query).get('se');
  if (raw === undefined) return null;
  let se: string;
  try {
    se = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (/^\d{1,12}$/.test(se)) return Number(se) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?$/.test(se)) return null;
  const ms = Date.parse(se);
  return Number.isNaN(ms) ? null : ms;
}
