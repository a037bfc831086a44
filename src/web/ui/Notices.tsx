import { formatNumber, useT } from '../i18n/useT.ts';
import { localText, useAtlas } from '../state/store.ts';

/** Non-blocking messages: a layer that failed, rows that were skipped. */
export function Notices() {
  const t = useT();
  const notices = useAtlas((s) => s.notices);
  const dismiss = useAtlas((s) => s.dismissNotice);
  const lang = useAtlas((s) => s.lang);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.level}`} data-testid="notice">
          <div className="notice-text">{localText(n.text, lang)}</div>
          {n.details.length > 0 && (
            <details>
              <summary>{formatNumber(n.details.length, lang)}</summary>
              <ul>
                {n.details.slice(0, 50).map((d, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: details by position
                  <li key={i}>{localText(d, lang)}</li>
                ))}
              </ul>
            </details>
          )}
          <button type="button" className="link" onClick={() => dismiss(n.id)}>
            {t('dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
