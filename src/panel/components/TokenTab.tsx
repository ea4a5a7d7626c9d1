import { useEffect, useState } from 'preact/hooks';
import { parseChallenges } from '../../core/challenge/index.js';
import { findCredentials } from '../../core/credentials/index.js';
import { headerValues, type Exchange } from '../../core/har/index.js';
import { formatRelative, inspectToken } from '../../core/token/index.js';

const TIME_CLAIMS = ['exp', 'nbf', 'iat', 'auth_time'] as const;

/** Header and claims of the bearer token, times absolute and relative, scopes as chips. */
export function TokenTab({ ex, copy }: { ex: Exchange; copy: (text: string) => void }) {
  const creds = findCredentials(ex.requestHeaders, ex.requestCookies, ex.url);
  const auth = creds.authorization;
  let token = auth && (auth.kind === 'bearer' || auth.kind === 'dpop') ? auth.token : null;
  if (!token && creds.urlParams.includes('access_token')) {
    try {
      token = new URL(ex.url).searchParams.get('access_token');
    } catch {
      token = null;
    }
  }
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  if (!token) return <p class="empty">{auth ? `The request sent ${auth.scheme} credentials${auth.user ? ` for user "${auth.user}"` : ''}, not a bearer token.` : 'The request carried no bearer token.'}</p>;
  const date = ex.responseHeaders.find((h) => h.name.toLowerCase() === 'date')?.value;
  const ref = date && !ex.fromCache ? new Date(date) : Number.isFinite(ex.startedMs) ? new Date(ex.startedMs) : undefined;
  const report = inspectToken(token, ref && !Number.isNaN(ref.getTime()) ? { now: ref } : {});
  const required = parseChallenges(headerValues(ex.responseHeaders, 'WWW-Authenticate'), { lenient: true }).challenges.flatMap((c) => (c.params.scope ? c.params.scope.split(/\s+/).filter(Boolean) : []));
  const granted = report.scopes;
  return (
    <div class="token">
      <p>
        <strong>{report.kind.toUpperCase()}</strong>
        {report.kind === 'jwe' && ' — encrypted: only the header can be read, which is expected.'}
        {report.kind === 'opaque' && (report.vendor ? ` — ${report.vendor.vendor} ${report.vendor.product} token (not decodable; this is expected)` : ' — not decodable; this is expected for opaque tokens.')}{' '}
        <button type="button" onClick={() => copy(JSON.stringify({ header: report.header, claims: report.claims }, null, 2))}>
          Copy as JSON
        </button>
      </p>
      {report.problems.length > 0 && (
        <ul class="problems">
          {report.problems.map((p, i) => (
            <li key={i} class={p.severity}>
              <strong>{p.code}</strong>: {p.message}
            </li>
          ))}
        </ul>
      )}
      {(required.length > 0 || granted.length > 0) && (
        <div class="scopes" aria-label="Scopes">
          {required.map((s) => (
            <span key={`r${s}`} class={`chip ${granted.includes(s) ? 'granted' : 'missing'}`} title={granted.includes(s) ? 'required and granted' : 'required but missing'}>
              {s}
            </span>
          ))}
          {granted.filter((s) => !required.includes(s)).map((s) => (
            <span key={`g${s}`} class="chip granted" title="granted">
              {s}
            </span>
          ))}
        </div>
      )}
      {report.claims && (
        <table class="kv">
          <caption>Claims</caption>
          <tbody>
            {Object.entries(report.claims).map(([k, v]) => {
              const isTime = (TIME_CLAIMS as readonly string[]).includes(k) && typeof v === 'number';
              const ms = isTime ? (v as number) * 1000 : 0;
              return (
                <tr key={k}>
                  <th>{k}</th>
                  <td>
                    {typeof v === 'string' ? v : JSON.stringify(v)}
                    {isTime && (
                      <span class="time">
                        {' '}
                        {new Date(ms).toLocaleString()} · {report.relative[k as (typeof TIME_CLAIMS)[number]] ?? ''}
                        {k === 'exp' && ` · now: ${ms > now ? `expires in ${formatRelative(ms - now)}` : `expired ${formatRelative(now - ms)} ago`}`}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {report.header && (
        <table class="kv">
          <caption>Header</caption>
          <tbody>
            {Object.entries(report.header).map(([k, v]) => (
              <tr key={k}>
                <th>{k}</th>
                <td>{typeof v === 'string' ? v : JSON.stringify(v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
