import type { Rule } from '../rule.js';

const LOGIN_PATH = /\/(login|log-in|signin|sign-in|sign_in|auth|sso|saml|oauth2?|authorize|account\/login|users\/sign_in|idp)(\/|\?|$|\.)/i;
const PASSWORD_FORM = /<input[^>]{0,200}type\s*=\s*["']?password/i;

/** A "soft 401": an API call answered with a redirect to, or the HTML of, a login page. */
export const loginRedirect: Rule = {
  code: 'login-redirect',
  check({ f, session }) {
    const ex = f.ex;
    if (ex.status >= 300 && ex.status < 400 && ex.redirectURL && (f.isApiCall || session.redirects.get(ex.url)?.apiCall)) {
      let target = ex.redirectURL;
      try {
        target = new URL(ex.redirectURL, ex.url).href;
      } catch {
        // keep as given
      }
      if (!LOGIN_PATH.test(new URL(target, 'http://x').pathname + '/')) return null;
      return { severity: 'warning', title: 'The API call was redirected to a login page', evidence: { location: target, status: ex.status } };
    }
    if (ex.status === 200 && /html/i.test(ex.responseBody?.mimeType ?? f.responseHeader('content-type') ?? '')) {
      const via = session.redirects.get(ex.url);
      if (!via?.apiCall && !(f.isApiCall && ex.resourceType !== null)) return null;
      const looksLikeLogin = LOGIN_PATH.test((f.url?.pathname ?? '') + '/') || PASSWORD_FORM.test(f.body.slice(0, 64 * 1024));
      if (!looksLikeLogin) return null;
      return { severity: 'warning', title: 'The API call got a login page instead of data', evidence: { url: ex.url, redirectedFrom: via?.fromUrl ?? null, contentType: ex.responseBody?.mimeType ?? null } };
    }
    return null;
  },
};
