import type { Row } from '../store/create-store.js';

/** Redirect chain, preflight and earlier attempts of the same request. */
export function RelatedTab({ row, rows, select }: { row: Row; rows: readonly Row[]; select: (id: number) => void }) {
  const base = row.url.split(/[?#]/)[0];
  const related = rows.filter((r) => {
    if (r.id === row.id) return false;
    if (r.url.split(/[?#]/)[0] === base) return true;
    return redirectTarget(r) === row.url || redirectTarget(row) === r.url;
  });
  if (!related.length) return <p class="empty">No redirect, preflight or other attempt of this request was captured.</p>;
  const here = originOf(row.url);
  return (
    <ul class="related">
      {related.map((r) => {
        const origin = originOf(r.url);
        return (
          <li key={r.id}>
            <button type="button" class="link" onClick={() => select(r.id)}>
              {kind(r, row)}: {r.method} {origin === here ? r.path : `${origin}${r.path} (another origin)`} → {r.status || 'failed'}
              {r.findings[0] ? ` · ${r.findings[0].title}` : ''}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A redirect to another origin is where browsers drop the Authorization header (Fetch Standard,
 * HTTP-redirect fetch): the origin is shown whenever it differs from this request's.
 */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

function redirectTarget(r: Row): string {
  if (!r.ex.redirectURL) return '';
  try {
    return new URL(r.ex.redirectURL, r.url).href;
  } catch {
    return r.ex.redirectURL;
  }
}

function kind(r: Row, current: Row): string {
  if (r.method === 'OPTIONS') return 'Preflight';
  if (redirectTarget(r) === current.url) return 'Redirected here from';
  if (redirectTarget(current) === r.url) return 'Redirects to';
  return r.id < current.id ? 'Earlier attempt' : 'Later attempt';
}
