/**
 * Content-Security-Policy of every answer. The built web app needs nothing else than its own origin:
 * scripts and styles are files under /assets (no inline script; React's `style={…}` goes through the
 * CSSOM, which style-src does not govern), Bootstrap Italia's icons are React components and its CSS
 * draws with `data:` SVGs and embeds one `data:` font. No frame of ours may be framed by anyone.
 */
export function contentSecurityPolicy(secure: boolean) {
  return {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'base-uri': ["'self'"],
      'connect-src': ["'self'"],
      'font-src': ["'self'", 'data:'],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      'img-src': ["'self'", 'data:'],
      'object-src': ["'none'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'"],
      // Only behind HTTPS: on a plain-HTTP intranet address it would send the browser to a port nobody serves.
      'upgrade-insecure-requests': secure ? [] : null,
    },
  };
}

/**
 * The API documentation (Swagger UI, /api/docs only) sets style attributes through markup: it gets
 * 'unsafe-inline' for styles and nothing more; scripts stay on 'self'.
 */
export function relaxForApiDocs(header: unknown): string {
  return String(header).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
}
