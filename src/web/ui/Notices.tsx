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
      {notices.map((n) => {
        // A raw error text is a detail in Chinese only (rawDetail): empty ones are left out.
        const details = n.details.map((d) => localText(d, lang)).filter((d) => d !== '');
        return (
          <div key={n.id} className={`notice ${n.level}`} data-testid="notice">
            <div className="notice-text">{localText(n.text, lang)}</div>
            {details.length > 0 && (
              <details>
                <summary>{formatNumber(details.length, lang)}</summary>
                <ul>
                  {details.slice(0, 50).map((d, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: details by position
                    <li key={i}>{d}</li>
                  ))}
                </ul>
              </details>
            )}
            <button type="button" className="link" onClick={() => dismiss(n.id)}>
              {t('dismiss')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
