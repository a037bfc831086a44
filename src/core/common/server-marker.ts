/**
 * How the app knows it is served by the atlas server (npm start / npm run dev) rather than by a
 * static host: the server marks the HTML it sends with a meta tag. The app then talks to /api;
 * without the mark it never asks (a static host would answer 404, a console error on every visit).
 */
export const SERVER_MARKER = 'atlas-server';

/** The app's index.html with the mark added to its head. */
export function markServedHtml(html: string): string {
  if (html.includes(`name="${SERVER_MARKER}"`)) return html;
  return html.replace(
    /<head([^>]*)>/i,
    `<head$1>\n    <meta name="${SERVER_MARKER}" content="api" />`,
  );
}
