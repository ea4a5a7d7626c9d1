import { mountPanel } from '../panel/index.js';
import { createFileSource } from './file-source.js';

mountPanel(document.getElementById('app')!, createFileSource());
