import { describe, expect, it } from 'vitest';
import { markServedHtml, SERVER_MARKER } from '../../../src/core/common/server-marker.ts';

describe('the atlas server mark in index.html', () => {
  it('adds one meta tag to the head, once', () => {
    const html =
      '<!doctype html><html lang="zh"><head><meta charset="utf-8" /></head><body></body></html>';
    const marked = markServedHtml(html);
    expect(marked).toContain(`<head>\n    <meta name="${SERVER_MARKER}" content="api" />`);
    expect(markServedHtml(marked)).toBe(marked);
    expect(markServedHtml('<head lang="x">')).toMatch(
      /^<head lang="x">\n {4}<meta name="atlas-server"/,
    );
  });
});
