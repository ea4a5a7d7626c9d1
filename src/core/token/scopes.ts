import { problem, type Problem } from '../problem.js';
import type { ScopeClaim, ScopeSource } from './types.js';

/**
 * Claims that grant permissions, merged into `TokenReport.scopes`, in this order:
 * - `scope`: space-separated string (RFC 8693 §4.2, RFC 9068 §2.2.3; Auth0, Keycloak, Cognito).
 *   IdentityServer emits a JSON array; accepted with a warning.
 * - `scp`: Entra ID (space-separated string) and Okta (array) — apollographql/apollo-mcp-server#808.
 * - `scopes`: some custom issuers (array or string).
 * - `permissions`: Auth0 RBAC ("Add Permissions in the Access Token").
 * - `roles`: Entra ID app roles (application permissions in app-only tokens), Auth0 custom claims.
 */
const MERGED: readonly ScopeClaim[] = ['scope', 'scp', 'scopes', 'permissions', 'roles'];

export interface ScopeExtraction {
  scopes: string[];
  sources: ScopeSource[];
  problems: Problem[];
}

export function extractScopes(claims: Record<string, unknown> | null): ScopeExtraction {
  const sources: ScopeSource[] = [];
  const problems: Problem[] = [];
  if (!claims) return { scopes: [], sources, problems };

  // Index loops: this runs once per failing request's token, mostly before V8 optimizes it.
  for (let i = 0; i < MERGED.length; i++) {
    const claim = MERGED[i]!;
    if (!Object.hasOwn(claims, claim)) continue;
    const values = readList(claims[claim]);
    if (values === null) {
      problems.push(problem(`invalid-${claim}-claim`, 'warning', `"${claim}" should be a string or an array of strings; it was ignored.`));
      continue;
    }
    if (claim === 'scope' && Array.isArray(claims[claim])) {
      problems.push(problem('scope-claim-is-array', 'warning', '"scope" is an array; RFC 9068 §2.2.3 and RFC 8693 §4.2 define it as one space-separated string.'));
    }
    sources.push({ claim, values });
  }

  // Role and group claims that are not scopes but explain a 403 ("show roles/scopes", DESIGN §4).
  const realm = objectAt(claims, 'realm_access');
  if (realm && Object.hasOwn(realm, 'roles')) {
    const values = readList(realm['roles']);
    if (values) sources.push({ claim: 'realm_access.roles', values }); // Keycloak realm roles
  }
  const resources = objectAt(claims, 'resource_access');
  if (resources) {
    for (const client of Object.keys(resources)) {
      const entry = objectAt(resources, client);
      const values = entry && Object.hasOwn(entry, 'roles') ? readList(entry['roles']) : null;
      if (values) sources.push({ claim: `resource_access.${client}.roles`, values }); // Keycloak client roles
    }
  }
  for (const claim of ['cognito:groups', 'groups'] as const) {
    if (!Object.hasOwn(claims, claim)) continue;
    const values = readList(claims[claim]);
    if (values) sources.push({ claim, values });
  }

  const seen = new Set<string>();
  const scopes: string[] = [];
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]!;
    if (!(MERGED as readonly string[]).includes(source.claim)) continue;
    for (let k = 0; k < source.values.length; k++) {
      const v = source.values[k]!;
      if (!seen.has(v)) {
        seen.add(v);
        scopes.push(v);
      }
    }
  }
  return { scopes, sources, problems };
}

/** A space-separated string or an array of strings (each array item may itself hold spaces). */
function readList(value: unknown): string[] | null {
  if (typeof value === 'string') return splitScopes(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.flatMap((v: string) => splitScopes(v));
  return null;
}

/** RFC 6749 §3.3: scope tokens are separated by spaces; tolerate runs of whitespace. */
export function splitScopes(value: string): string[] {
  return value.split(/[ \t\r\n]+/).filter((s) => s.length > 0);
}

function objectAt(obj: Record<string, unknown>, key: string): Record<string, unknown> | null {
  if (!Object.hasOwn(obj, key)) return null;
  const v = obj[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}
