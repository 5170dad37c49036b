// A time-series chart of one datastream's interval aggregates (GET .../Aggregates): the mean as a
// line over the min-max band, drawn with uPlot (a small canvas chart library, see build.mjs), and
// for water levels the gauge's threshold levels as dashed lines in their stage colours.
import uPlot from "./uplot.esm.js";

const HEIGHT = 170;

export class SeriesChart {
  constructor(container) {
    this.container = container;
    this.plot = null;
  }

  /**
   * rows: [{start, count, min, max, mean}] of consecutive intervals of `intervalMs` from `from`
   * (Dates from..to); intervals without rows are gaps. colour: the mean line's. levels: [{value,
   * colour, label}] drawn as horizontal lines.
   */
  show({ rows, from, to, intervalMs, colour, levels = [] }) {
    const byStart = new Map(rows.map((row) => [Date.parse(row.start), row]));
    const x = [];
    const min = [];
    const max = [];
    const mean = [];
    for (let t = from.getTime(); t < to.getTime(); t += intervalMs) {
      const row = byStart.get(t);
      x.push(t / 1000);
      min.push(row ? row.min : null);
      max.push(row ? row.max : null);
      mean.push(row ? row.mean : null);
    }
    this.destroy();
    const width = Math.max(200, this.container.clientWidth || 300);
    const data = [x, min, max, mean];
    this.plot = new uPlot(this.options(width, colour, levels), data, this.container);
    this.container.dataset.points = String(rows.length);
  }

  destroy() {
    this.plot?.destroy();
    this.plot = null;
    delete this.container.dataset.points;
  }

  options(width, colour, levels) {
    return {
      width,
      height: HEIGHT,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true } },
      axes: [
        { size: 30, font: "11px system-ui, sans-serif" },
        { size: 42, font: "11px system-ui, sans-serif" },
      ],
      series: [
        {},
        { label: "min", stroke: "transparent", points: { show: false } },
        { label: "max", stroke: "transparent", points: { show: false } },
        { label: "mean", stroke: colour, width: 2, spanGaps: false, points: { size: 4 } },
      ],
      bands: [{ series: [2, 1], fill: "rgba(59, 125, 216, 0.18)" }],
      hooks: { draw: [(plot) => drawLevels(plot, levels)] },
    };
  }
}

/** Horizontal dashed lines at the levels that fall inside the plotted range. */
function drawLevels(plot, levels) {
  const { ctx } = plot;
  const { left, width, top } = plot.bbox;
  const [lowest, highest] = [plot.scales.y.min, plot.scales.y.max];
  ctx.save();
  ctx.setLineDash([6, 4]);
  ctx.lineWidth = 1.5 * uPlot.pxRatio;
  ctx.font = `${10 * uPlot.pxRatio}px system-ui, sans-serif`;
  ctx.textAlign = "left";
  ctx.textBaseline = "bottom";
  for (const level of levels) {
    if (level.value < lowest || level.value > highest) {
      continue;
    }
    const y = Math.round(plot.valToPos(level.value, "y", true));
    ctx.strokeStyle = level.colour;
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.stroke();
    ctx.fillStyle = "#56636b";
    ctx.fillText(level.label, left + 4 * uPlot.pxRatio, Math.max(top + 12 * uPlot.pxRatio, y - 2));
  }
  ctx.restore();
}
