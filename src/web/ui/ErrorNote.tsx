/**
 * An error whose text comes from a library, the worker or the browser (English): in English the
 * block shows what it always showed (`children`); in Chinese it says what failed in Chinese and
 * keeps the raw text as a folded detail, so no English sentence stands in the Chinese UI.
 */
import type { ReactNode } from 'react';
import { type ErrorKey, errorLabel } from '../i18n/error-strings.ts';
import { useAtlas } from '../state/store.ts';

export function ErrorNote({
  what,
  raw,
  className = 'error',
  testid,
  tag = 'p',
  children,
}: {
  what: ErrorKey;
  raw: string;
  className?: string;
  testid?: string;
  /** The English block's element, as the component had it (a paragraph or a div). */
  tag?: 'p' | 'div';
  children: ReactNode;
}) {
  const lang = useAtlas((s) => s.lang);
  if (lang !== 'zh') {
    const Tag = tag;
    return (
      <Tag className={className} role="alert" data-testid={testid}>
        {children}
      </Tag>
    );
  }
  return (
    <div className={className} role="alert" data-testid={testid}>
      {errorLabel(what, lang)}
      <details className="error-detail">
        <summary>{errorLabel('details', lang)}</summary>
        <span lang="en">{raw}</span>
      </details>
    </div>
  );
}
