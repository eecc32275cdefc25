import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** One bar of a chart: a shown count (never a suppressed one) under a label and a series. */
export interface Bar {
  readonly x: string;
  readonly series: string;
  readonly value: number;
}

/**
 * A stacked bar chart drawn on the server: Vega-Lite compiled to Vega and rendered to SVG
 * with no renderer in the page (renderer 'none'), so the page needs no script, no canvas
 * and no external asset, and the SVG carries no inline style (the console's CSP allows
 * none). `xs` fixes the order of the bars (months in time order).
 */
export async function barChart(o: {
  readonly bars: readonly Bar[];
  readonly xs: readonly string[];
  readonly xTitle: string;
  readonly yTitle: string;
  readonly seriesTitle: string;
}): Promise<string> {
  const spec: TopLevelSpec = {
    data: { values: o.bars.map((b) => ({ ...b })) },
    mark: 'bar',
    width: Math.max(240, 60 * o.xs.length),
    height: 220,
    encoding: {
      x: { field: 'x', type: 'ordinal', sort: [...o.xs], title: o.xTitle, axis: { labelAngle: 0 } },
      y: { field: 'value', type: 'quantitative', title: o.yTitle, stack: 'zero' },
      color: { field: 'series', type: 'nominal', title: o.seriesTitle },
    },
    config: { font: 'sans-serif', background: 'white' },
  };
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
