import { thematicLabel } from '../i18n/thematic-strings.ts';
import { useAtlas } from '../state/store.ts';
import { useThematic } from '../state/thematic-store.ts';
import './thematic.css';

/**
 * The thematic map's legend over the map: what a colour means, each class's colour and limits,
 * "no data", notes on what the sums leave out, the colours' source (thematic-legend.ts).
 */
export function ThematicLegend() {
  const lang = useAtlas((s) => s.lang);
  const legend = useThematic((s) => s.legend);
  const busy = useThematic((s) => s.status === 'busy');
  if (!legend) return null;
  return (
    <section
      className="thematic-legend"
      aria-label={thematicLabel('legendAria', lang)}
      data-testid="thematic-legend"
      data-kind={legend.kind}
      data-busy={busy}
    >
      <h3 data-testid="thematic-legend-title">{legend.title}</h3>
      <p className="thematic-sub">{legend.subtitle}</p>
      {legend.ramp && (
        <div className="thematic-ramp">
          <span>{thematicLabel('heatLow', lang)}</span>
          <span
            className="thematic-ramp-bar"
            style={{ background: `linear-gradient(to right, ${legend.ramp.join(', ')})` }}
          />
          <span>{thematicLabel('heatHigh', lang)}</span>
        </div>
      )}
      <ul className="thematic-classes">
        {legend.classes.map((c, i) => (
          <li
            key={`${c.lower}-${c.upper}`}
            data-testid="thematic-class"
            data-lower={c.lower}
            data-upper={c.upper}
            data-open={c.lowerOpen}
            data-index={i}
          >
            <span className="thematic-swatch" style={{ background: c.color }} />
            <span className="thematic-limits">{c.label}</span>
            <span className="thematic-count">({c.count})</span>
          </li>
        ))}
        {legend.noData && (
          <li data-testid="thematic-no-data">
            <span
              className="thematic-swatch no-data"
              style={{ background: legend.noData.color, borderColor: legend.noData.outline }}
            />
            <span className="thematic-limits">{legend.noData.label}</span>
            <span className="thematic-count">({legend.noData.count})</span>
          </li>
        )}
      </ul>
      {legend.notes.map((n) => (
        <p key={n} className="thematic-note">
          {n}
        </p>
      ))}
      <p className="thematic-source">{legend.source}</p>
    </section>
  );
}
