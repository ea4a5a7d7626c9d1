/**
 * The HAR viewer: a file picker / drop zone and a progress bar above the same panel UI the
 * DevTools panel uses. Everything stays in this page: the file is read locally, nothing is sent.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { mountPanel } from '../panel/index.js';
import { createFileSource, type LoadProgress } from './file-source.js';
import './viewer.css';

const source = createFileSource();

const PHASE_LABEL: Record<LoadProgress['phase'], string> = {
  reading: 'Reading',
  parsing: 'Parsing',
  loading: 'Analyzing',
  done: 'Loaded',
  error: 'Error',
};

function ViewerShell() {
  const panelRoot = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const [loaded, setLoaded] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => (panelRoot.current ? mountPanel(panelRoot.current, source) : undefined), []);

  async function open(file: File | undefined) {
    if (!file) return;
    setLoaded(null);
    setProgress({ phase: 'reading', fraction: 0 });
    const result = await source.loadFile(file, setProgress);
    if (result) {
      const size = file.size > 1024 * 1024 ? `${(file.size / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(file.size / 1024)} KB`;
      setLoaded(`${file.name} · ${size} · ${result.entries} requests${result.creator ? ` · from ${result.creator}` : ''}${result.sanitized ? ' · exported sanitized (no credentials or cookies)' : ''}`);
    }
  }

  return (
    <div
      class={`viewer${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void open(e.dataTransfer?.files[0]);
      }}
    >
      <header class="viewer-bar">
        <strong>AuthLens</strong>
        <button type="button" onClick={() => input.current?.click()}>
          Open HAR…
        </button>
        <input ref={input} type="file" accept=".har,application/json" hidden onChange={(e) => void open((e.currentTarget as HTMLInputElement).files?.[0])} />
        {progress && progress.phase !== 'done' && progress.phase !== 'error' && (
          <span class="viewer-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress.fraction * 100)}>
            {PHASE_LABEL[progress.phase]}… <progress max={1} value={progress.phase === 'parsing' ? undefined : progress.fraction} />
          </span>
        )}
        {progress?.phase === 'error' && (
          <span class="viewer-error" role="alert">
            {progress.message}
          </span>
        )}
        {loaded && <span class="viewer-file">{loaded}</span>}
        <span class="viewer-privacy">Files are read on this computer only.</span>
      </header>
      {!loaded && progress?.phase !== 'reading' && progress?.phase !== 'parsing' && progress?.phase !== 'loading' && (
        <p class="viewer-drop">Drop a .har file here, or use “Open HAR…”. Chrome and Firefox: Network panel → Export HAR.</p>
      )}
      <div class="viewer-panel" ref={panelRoot} />
    </div>
  );
}

render(<ViewerShell />, document.getElementById('app')!);
