import { useT } from '../i18n/useT.ts';
import { useAtlas } from '../state/store.ts';

/** Non-blocking messages: a layer that failed, rows that were skipped. */
export function Notices() {
  const t = useT();
  const notices = useAtlas((s) => s.notices);
  const dismiss = useAtlas((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.level}`} data-testid="notice">
          <div className="notice-text">{n.text}</div>
          {n.details.length > 0 && (
            <details>
              <summary>{n.details.length}</summary>
              <ul>
                {n.details.slice(0, 50).map((d) => (
                  <li key={d}>{d}</li>
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
