import { mountPanel } from '../panel/index.js';
import { createDevtoolsSource } from './network-source.js';

mountPanel(document.getElementById('app')!, createDevtoolsSource());
