import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Metrics } from './metrics.js';
import { type Harness, startHarness } from './testing/harness.js';

describe('Metrics', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness('sqlite');
  });
  afterAll(async () => harness.close());

  it('exports the Engine API counters the platform hands it', async () => {
    const { platform, queue } = harness.cairn;
    const stats = { sessions: () => 2, appsInMemory: () => 1, residentBytes: () => 4096 };
    const text = await new Metrics(platform, queue, () => stats).registry.metrics();
    expect(text).toContain('cairn_engine_sessions 2');
    expect(text).toContain('cairn_engine_apps_in_memory 1');
  });

  it('reads the live Engine API of the instance: no sessions before any socket opens', async () => {
    const { platform, queue, engineStats } = harness.cairn;
    expect(engineStats()).not.toBeNull();
    const text = await new Metrics(platform, queue, engineStats).registry.metrics();
    expect(text).toContain('cairn_engine_sessions 0');
  });
});
