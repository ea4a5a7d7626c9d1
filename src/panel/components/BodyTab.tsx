import type { Exchange } from '../../core/index.js';

const CAP = 100 * 1024;

/** The failure's response body: JSON pretty-printed, capped. */
export function BodyTab({ ex }: { ex: Exchange }) {
  const text = ex.responseBody?.text;
  if (text === null || text === undefined || text === '') return <p class="empty">No body was captured for this response (the browser may not keep it, e.g. for cached or service-worker responses).</p>;
  let shown = text.slice(0, CAP);
  try {
    shown = JSON.stringify(JSON.parse(text), null, 2).slice(0, CAP);
  } catch {
    // not JSON: show as is
  }
  return (
    <div>
      <pre class="body">{shown}</pre>
      {text.length > CAP && <p class="empty">Showing the first {CAP / 1024} KB of {Math.round(text.length / 1024)} KB.</p>}
    </div>
  );
}
