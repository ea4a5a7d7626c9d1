import { formatRelative } from '../../token/index.js';
import { parseHttpDate } from '../facts.js';
import type { Rule } from '../rule.js';

/**
 * The server's Date (RFC 9110 §6.6.1, one-second resolution) against the browser's clock for the
 * same exchange. Cached responses carry their original Date, so they are not judged.
 */
export const clockSkew: Rule = {
  code: 'clock-skew',
  check({ f }) {
    const ex = f.ex;
    if (ex.fromCache || !Number.isFinite(ex.startedMs)) return null;
    const date = f.responseHeader('date');
    if (!date) return null;
    const serverMs = parseHttpDate(date);
    if (!Number.isFinite(serverMs)) return null;
    const slack = f.tolerance * 1000 + 1000;
    const earliest = ex.startedMs - slack;
    const latest = ex.startedMs + Math.max(0, ex.time) + slack;
    if (serverMs >= earliest && serverMs <= latest) return null;
    const skewMs = serverMs < earliest ? serverMs - ex.startedMs : serverMs - (ex.startedMs + Math.max(0, ex.time));
    const ahead = skewMs > 0;
    return {
      severity: f.status >= 400 ? 'warning' : 'info',
      title: `The server clock is ${formatRelative(Math.abs(skewMs))} ${ahead ? 'ahead of' : 'behind'} the browser's`,
      evidence: { serverDate: new Date(serverMs).toISOString(), clientTime: new Date(ex.startedMs).toISOString(), skewSec: Math.round(skewMs / 1000), clockToleranceSec: f.tolerance },
    };
  },
};
