import { useState } from 'preact/hooks';
import { API_KEY_HEADERS } from '../../core/credentials/index.js';
import type { Exchange, Header } from '../../core/index.js';

const SECRET = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'dpop', ...API_KEY_HEADERS]);
const AUTH_RELEVANT = new Set([...SECRET, 'www-authenticate', 'proxy-authenticate', 'dpop-nonce', 'origin', 'access-control-allow-origin', 'access-control-expose-headers', 'access-control-allow-credentials', 'cache-control', 'date', 'location']);

function mask(h: Header): string {
  const name = h.name.toLowerCase();
  if (name === 'authorization' || name === 'proxy-authorization') {
    const sp = h.value.indexOf(' ');
    return sp > 0 ? `${h.value.slice(0, sp)} •••••• (${h.value.length - sp - 1} chars)` : `•••••• (${h.value.length} chars)`;
  }
  if (name === 'cookie') return h.value.split(';').map((p) => `${p.split('=')[0]!.trim()}=••••`).join('; ');
  if (name === 'set-cookie') {
    const [first, ...attrs] = h.value.split(';');
    return [`${first!.split('=')[0]!.trim()}=••••`, ...attrs].join(';');
  }
  return `•••••• (${h.value.length} chars)`;
}

/** Request and response headers; secrets masked until the user reveals them (shoulder-surfing). */
export function HeadersTab({ ex }: { ex: Exchange }) {
  const [reveal, setReveal] = useState(false);
  const section = (title: string, headers: Header[]) => (
    <table class="kv headers">
      <caption>{title}</caption>
      <tbody>
        {headers.map((h, i) => {
          const name = h.name.toLowerCase();
          return (
            <tr key={i} class={AUTH_RELEVANT.has(name) ? 'auth' : ''}>
              <th>{h.name}</th>
              <td>{SECRET.has(name) && !reveal ? mask(h) : h.value}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  return (
    <div>
      <label class="reveal">
        <input type="checkbox" checked={reveal} onChange={(e) => setReveal((e.currentTarget as HTMLInputElement).checked)} /> Reveal secrets
      </label>
      {section(`Request · ${ex.method} ${ex.url}`, ex.requestHeaders)}
      {section(`Response · ${ex.status} ${ex.statusText}`, ex.responseHeaders)}
    </div>
  );
}
