/**
 * Reads and parses a HAR file off the main thread, then hands entries over in batches so the page
 * never freezes: a 100 MB HAR is one JSON.parse here and many small messages there.
 */
export type WorkerRequest = { type: 'load'; file: File };
export type WorkerReply =
  | { type: 'progress'; phase: 'reading' | 'parsing' | 'loading'; fraction: number }
  | { type: 'meta'; creator: string | null; total: number; sanitized: boolean }
  | { type: 'entries'; entries: Record<string, unknown>[] }
  | { type: 'done'; total: number }
  | { type: 'error'; message: string };

// Each batch is one task on the page (clone + normalize + diagnosis, ≈ 0.15 ms an entry once the
// code is optimized, about twice that before): batches start small and grow to 200, so no task
// comes near 100 ms (a first batch of 500 took up to 140 ms).
const FIRST_BATCH = 50;
const BATCH = 200;
// Bodies are what makes HARs huge. Failures keep theirs (capped); other bodies are dropped here.
const BODY_CAP = 256 * 1024;

const post = (reply: WorkerReply) => (self as unknown as Worker).postMessage(reply);

async function readText(file: File): Promise<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    post({ type: 'progress', phase: 'reading', fraction: file.size ? read / file.size : 1 });
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** Line and column of a character offset, for "broken at line 1234, column 56" messages. */
function position(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return `line ${line}, column ${offset - last}`;
}

function slim(entry: unknown): Record<string, unknown> {
  if (!entry || typeof entry !== 'object') return {};
  const e = entry as Record<string, unknown>;
  const response = e.response as Record<string, unknown> | undefined;
  const status = typeof response?.status === 'number' ? response.status : 0;
  const content = response?.content as Record<string, unknown> | undefined;
  if (content && typeof content.text === 'string') {
    const keep = status >= 400 || status === 0 || /token|oauth|login|auth/i.test(String((e.request as { url?: unknown })?.url ?? ''));
    if (!keep) content.text = undefined;
    else if (content.text.length > BODY_CAP) {
      content.text = content.text.slice(0, BODY_CAP);
      content._authlensTruncated = true;
    }
  }
  return e;
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  if (event.data?.type !== 'load') return;
  const file = event.data.file;
  try {
    const text = await readText(file);
    post({ type: 'progress', phase: 'parsing', fraction: 0 });
    let har: unknown;
    try {
      har = JSON.parse(text);
    } catch (err) {
      const message = (err as Error).message;
      const at = /position (\d+)/.exec(message);
      const where = at ? ` at ${position(text, Number(at[1]))}` : text.trim() === '' ? ' (the file is empty)' : '';
      post({ type: 'error', message: `${file.name} is not valid JSON${where}: ${message}` });
      return;
    }
    const log = (har as { log?: unknown })?.log as Record<string, unknown> | undefined;
    if (!log || typeof log !== 'object') {
      post({ type: 'error', message: `${file.name} has no "log" object, so it is not a HAR file.` });
      return;
    }
    const entries = Array.isArray(log.entries) ? log.entries : log.entries == null ? [] : null;
    if (!entries) {
      post({ type: 'error', message: `${file.name}: log.entries is not a list.` });
      return;
    }
    const creator = typeof (log.creator as { name?: unknown })?.name === 'string' ? ((log.creator as { name: string }).name) : null;
    const sanitized = !entries.some(carriesCredentials);
    post({ type: 'meta', creator, total: entries.length, sanitized });
    for (let i = 0, size = FIRST_BATCH; i < entries.length; i += size, size = Math.min(BATCH, size * 2)) {
      post({ type: 'entries', entries: entries.slice(i, i + size).map(slim) });
      post({ type: 'progress', phase: 'loading', fraction: Math.min(1, (i + size) / Math.max(1, entries.length)) });
    }
    post({ type: 'done', total: entries.length });
  } catch (err) {
    post({ type: 'error', message: `Could not read ${file.name}: ${(err as Error).message}` });
  }
};

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
function carriesCredentials(entry: unknown): boolean {
  const e = entry as { request?: { headers?: unknown; cookies?: unknown }; response?: { headers?: unknown; cookies?: unknown } };
  for (const part of [e?.request, e?.response]) {
    if (Array.isArray(part?.cookies) && part.cookies.length) return true;
    if (Array.isArray(part?.headers) && part.headers.some((h) => CREDENTIAL_HEADERS.has(String((h as { name?: unknown })?.name).toLowerCase()))) return true;
  }
  return false;
}
