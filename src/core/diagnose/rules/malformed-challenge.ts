import type { Rule } from '../rule.js';

export const malformedChallenge: Rule = {
  code: 'malformed-challenge',
  scope: 'challenged',
  check({ f }) {
    if (f.challengeLines.length === 0) return null;
    const errors = f.strictChallenges.problems.filter((p) => p.severity === 'error');
    if (!errors.length) return null;
    return {
      severity: 'warning',
      title: `${f.challengeField} breaks the grammar: ${errors[0]!.message.replace(/\.$/, '')}`,
      evidence: { header: f.challengeLines.join(', '), problems: errors.map((p) => ({ code: p.code, offset: p.offset, message: p.message })), salvaged: f.challenges.challenges },
    };
  },
};
