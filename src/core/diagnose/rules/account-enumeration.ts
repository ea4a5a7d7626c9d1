import type { Rule } from '../rule.js';

/** Phrases that tell an unknown account from a wrong password (OWASP Authentication Cheat Sheet). */
const PHRASES = [
  'user not found',
  'user does not exist',
  "user doesn't exist",
  'no such user',
  'unknown user',
  'account not found',
  'account does not exist',
  "account doesn't exist",
  'no account found',
  'email not found',
  'email is not registered',
  'email not registered',
  'username not found',
  'username does not exist',
  'user is not registered',
  'incorrect password',
  'wrong password',
  'invalid password',
];

export const accountEnumeration: Rule = {
  code: 'account-enumeration',
  scope: 'failure',
  check({ f }) {
    if (f.status !== 400 && f.status !== 401 && f.status !== 403 && f.status !== 404) return null;
    const text = f.body.slice(0, 16 * 1024).toLowerCase();
    if (!text) return null;
    const phrase = PHRASES.find((p) => text.includes(p));
    // "invalid username or password" is the right, generic answer.
    if (!phrase || /(user ?name|email|account) or password/.test(text)) return null;
    return { severity: 'warning', title: `The failure says "${phrase}"`, evidence: { phrase } };
  },
};
