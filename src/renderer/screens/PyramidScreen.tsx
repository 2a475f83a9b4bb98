import { LAYERS, type LayerId } from '../../core/domain/layers';
import { readinessOfLayer, readyUpTo, type LayerReadiness } from '../../core/domain/readiness';
import { layerById } from '../../core/domain/layers';
import { formatPercent, LAYERS_TOP_DOWN } from '../../core/format';
import { readinessTone } from '../format';
import { useSnapshot } from '../workspace/WorkspaceProvider';
import { maturityName } from '../components/maturity';

interface Props {
  readonly onOpenLayer: (layer: LayerId) => void;
}

/** Bottom band width, top band width at its top edge: a truncated pyramid, in % of the drawing. */
const BOTTOM_WIDTH = 100;
const TOP_WIDTH = 30;
const STEP = (BOTTOM_WIDTH - TOP_WIDTH) / LAYERS.length;

function bandGeometry(level: number) {
  const bottom = BOTTOM_WIDTH - STEP * level;
  const top = bottom - STEP;
  const inset = ((bottom - top) / 2 / bottom) * 100;
  return {
    width: `${bottom}%`,
    clipPath: `polygon(${inset}% 0, ${100 - inset}% 0, 100% 100%, 0 100%)`,
  };
}

/** The gate the pyramid view uses for "ready up to": the layer is mostly in place. */
const VIEW_GATE = 0.75;

export function PyramidScreen({ onOpenLayer }: Props) {
  const snapshot = useSnapshot();
  const { readiness, capabilities } = snapshot;
  const names = new Map(capabilities.map((c) => [c.id, c]));
  const byLayer = new Map(readiness.layers.map((l) => [l.layer, l]));
  const upTo = readyUpTo(readiness, VIEW_GATE);

  const weakestText = (l: LayerReadiness) => {
    if (l.readiness === null) return 'No capabilities tracked in this layer yet.';
    if (l.weakest.length === 0) return 'Every capability has reached its target.';
    return l.weakest
      .map((id) => {
        const c = names.get(id);
        return c ? `${c.name} (${maturityName(c.currentMaturity)} → ${maturityName(c.targetMaturity)})` : id;
      })
      .join(', ');
  };

  return (
    <div className="screen screen-pyramid">
      <header className="screen-header">
        <div>
          <h1 tabIndex={-1}>Readiness pyramid</h1>
          <p className="screen-lede">How ready each layer of the data pyramid of needs is, from the foundations up. Select a layer to see its capabilities.</p>
        </div>
      </header>

      <div className="pyramid-layout">
        <ol className="pyramid" aria-label="Pyramid layers, top to bottom">
          {LAYERS_TOP_DOWN.map((layer) => {
            const l = byLayer.get(layer.id) ?? readinessOfLayer(readiness, layer.id);
            const tone = readinessTone(l.readiness);
            return (
              <li key={layer.id} className="pyramid-row">
                <button
                  type="button"
                  className={`pyramid-layer tone-${tone}`}
                  data-testid={`layer-${layer.id}`}
                  title={`Open ${layer.name} in the inventory`}
                  onClick={() => onOpenLayer(layer.id)}
                >
                  <span className="pyramid-band-wrap" aria-hidden="true">
                    <span className="pyramid-band" style={bandGeometry(layer.level)}>
                      <span className="pyramid-band-name">{layer.name}</span>
                      <span className="pyramid-band-value">{l.readiness === null ? '—' : formatPercent(l.readiness)}</span>
                    </span>
                  </span>
                  <span className="pyramid-detail">
                    <span className="pyramid-detail-head">
                      <span className="pyramid-detail-name">{layer.name}</span>
                      <span className="pyramid-detail-value" data-testid={`readiness-${layer.id}`}>
                        {l.readiness === null ? 'Not tracked' : formatPercent(l.readiness)}
                      </span>
                    </span>
                    <span className="meter meter-layer" aria-hidden="true">
                      {l.mean !== null && <span className="meter-fill meter-mean" style={{ width: formatPercent(l.mean) }} />}
                      <span className={`meter-fill tone-${tone}`} style={{ width: l.readiness === null ? '0%' : formatPercent(l.readiness) }} />
                    </span>
                    {l.readiness !== null && (
                      <span className="pyramid-detail-progress" data-testid={`progress-${layer.id}`}>
                        Mean {formatPercent(l.mean)} · {l.stepsReached} of {l.stepsTargeted} maturity steps · {l.capabilityCount} {l.capabilityCount === 1 ? 'capability' : 'capabilities'}
                      </span>
                    )}
                    <span className="pyramid-detail-meta" title={weakestText(l)}>
                      {l.readiness !== null && l.weakest.length > 0 && <span className="weakest-label">Weakest: </span>}
                      {weakestText(l)}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ol>

        <aside className="pyramid-summary" aria-labelledby="overall-heading">
          <h2 id="overall-heading" className="summary-title">
            Overall readiness
          </h2>
          <p className="summary-value" data-testid="readiness-overall">
            {readiness.overall === null ? 'Not tracked' : formatPercent(readiness.overall)}
          </p>
          <span className="meter meter-large" aria-hidden="true">
            <span className={`meter-fill tone-${readinessTone(readiness.overall)}`} style={{ width: readiness.overall === null ? '0%' : formatPercent(readiness.overall) }} />
          </span>
          <p className="summary-note">
            {upTo === null
              ? `No layer has reached ${formatPercent(VIEW_GATE)} from the bottom up yet.`
              : `Ready up to ${layerById(upTo).name}: it and every layer below it are at least ${formatPercent(VIEW_GATE)} ready.`}
          </p>
          <h3 className="summary-subtitle">How it is computed</h3>
          <ul className="formula">
            <li>
              <strong>Capability:</strong> current maturity ÷ target maturity, capped at 100% (a target of 0 counts as met).
            </li>
            <li>
              <strong>Layer:</strong> as ready as its weakest capability — the minimum, not the average, as the ML Test Score (Breck et al., 2017) scores a system by its weakest section.
            </li>
            <li>
              <strong>Overall:</strong> the mean of the tracked layers. A layer with no capabilities is left out and shown as not tracked.
            </li>
          </ul>
        </aside>
      </div>
    </div>
  );
}
