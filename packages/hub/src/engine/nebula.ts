import { embed } from '@nebula.js/stardust';
import type { Doc } from './qix.js';

type EmbedConfig = NonNullable<Parameters<typeof embed>[1]>;
type TypeInfo = NonNullable<EmbedConfig['types']>[number];
type Visualization = Awaited<ReturnType<TypeInfo['load']>>;
export type Nebbie = ReturnType<typeof embed>;
export type Viz = Awaited<ReturnType<Nebbie['render']>>;

// Each chart package is a large self-contained bundle; loading it on first use keeps the hub
// and sheets with few chart types fast.
const loaders: Record<string, () => Promise<{ default: unknown }>> = {
  barchart: () => import('@nebula.js/sn-bar-chart'),
  linechart: () => import('@nebula.js/sn-line-chart'),
  combochart: () => import('@nebula.js/sn-combo-chart'),
  piechart: () => import('@nebula.js/sn-pie-chart'),
  table: () => import('@nebula.js/sn-table'),
  kpi: () => import('@nebula.js/sn-kpi'),
  filterpane: () => import('@nebula.js/sn-filter-pane'),
};

const types: TypeInfo[] = Object.entries(loaders).map(([name, load]) => ({
  name,
  load: async () => (await load()).default as Visualization,
}));

/** A stardust instance bound to one open app, knowing every chart type the hub offers. */
export function createNebbie(doc: Doc): Nebbie {
  // enigma's generated Doc is what stardust expects; our `Doc` interface is a typed slice of it.
  const app = doc as unknown as Parameters<typeof embed>[0];
  return embed(app, { context: { theme: 'light', language: 'en-US' }, types });
}
