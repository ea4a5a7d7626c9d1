import { parseChallengesDetailed } from '../../core/challenge/index.js';
import { headerValues, type Exchange } from '../../core/har/index.js';

/** Parsed challenges as tables, and the raw header with each problem's position marked. */
export function ChallengeTab({ ex }: { ex: Exchange }) {
  const field = ex.status === 407 ? 'Proxy-Authenticate' : 'WWW-Authenticate';
  const lines = headerValues(ex.responseHeaders, field);
  if (!lines.length) return <p class="empty">The response has no {field} header.</p>;
  const strict = parseChallengesDetailed(lines, { field });
  const result = strict.problems.some((p) => p.severity === 'error') ? parseChallengesDetailed(lines, { field, lenient: true }) : strict;
  const marks = new Map<number, string>();
  for (const p of result.problems) if (p.offset !== undefined && !marks.has(p.offset)) marks.set(p.offset, `${p.code}: ${p.message}`);
  const value = result.value;
  const pieces: preact.JSX.Element[] = [];
  let from = 0;
  [...marks.keys()].sort((a, b) => a - b).forEach((offset, i) => {
    const at = Math.min(offset, value.length);
    if (at > from) pieces.push(<span key={`t${i}`}>{value.slice(from, at)}</span>);
    pieces.push(
      <mark key={`m${i}`} title={marks.get(offset)}>
        {value.slice(at, at + 1) || ' '}
      </mark>,
    );
    from = at + 1;
  });
  if (from < value.length) pieces.push(<span key="tail">{value.slice(from)}</span>);
  return (
    <div class="challenge">
      <pre class="raw" aria-label={`Raw ${field}`}>
        {pieces}
      </pre>
      {result.problems.length > 0 && (
        <ul class="problems">
          {result.problems.map((p, i) => (
            <li key={i} class={p.severity}>
              <strong>{p.code}</strong>
              {p.offset !== undefined ? ` at ${p.offset}` : ''}: {p.message}
            </li>
          ))}
        </ul>
      )}
      {result.challenges.map((c, i) => (
        <table key={i} class="kv">
          <caption>
            {c.scheme}
            {c.token68 !== null ? ` ${c.token68}` : ''}
          </caption>
          <tbody>
            {Object.entries(c.params).map(([k, v]) => (
              <tr key={k}>
                <th>{k}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
