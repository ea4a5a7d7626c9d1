import { render } from 'preact';
import { App } from './components/App.js';
import { createStore } from './store/create-store.js';
import type { NetworkSource } from './source.js';
import './panel.css';

export type { NetworkSource } from './source.js';
export { createStore } from './store/create-store.js';

/** Renders the AuthLens UI into `root`, fed by `source`. Returns a function that unmounts it. */
export function mountPanel(root: HTMLElement, source: NetworkSource): () => void {
  const store = createStore(source);
  (root.ownerDocument.defaultView as (Window & { __authlensStore?: unknown }) | null)!.__authlensStore = store;
  render(<App store={store} />, root);
  return () => {
    store.dispose();
    render(null, root);
  };
}
