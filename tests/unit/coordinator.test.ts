import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { Connector } from '../../src/db/connector.ts';
import { Coordinator } from '../../src/db/coordinator.ts';

function countingConnector(fail = new Set<string>()) {
  const sent: string[] = [];
  const db: Connector = {
    async query(sql) {
      sent.push(sql);
      if (fail.has(sql)) throw new Error(`boom: ${sql}`);
      return { numRows: sent.length } as unknown as Table;
    },
    async registerFile() {},
    async dropFile() {},
    async insertArrowIPC() {},
  };
  return { db, sent };
}

describe('Coordinator', () => {
  it('sends a query once and shares it while under way and afterwards', async () => {
    const { db, sent } = countingConnector();
    const c = new Coordinator(db);
    const [a, b] = await Promise.all([c.query('SELECT 1'), c.query('SELECT 1')]);
    expect(a).toBe(b);
    await c.query('SELECT 1');
    expect(sent).toEqual(['SELECT 1']);
  });

  it('evicts the least recently used result', async () => {
    const { db, sent } = countingConnector();
    const c = new Coordinator(db, 2);
    await c.query('a');
    await c.query('b');
    await c.query('a'); // a is now most recent
    await c.query('c'); // evicts b
    await c.query('a');
    await c.query('b');
    expect(sent).toEqual(['a', 'b', 'c', 'b']);
  });

  it('does not cache failures, and clear() forgets everything', async () => {
    const fail = new Set(['bad']);
    const { db, sent } = countingConnector(fail);
    const c = new Coordinator(db);
    await expect(c.query('bad')).rejects.toThrow('boom');
    fail.clear();
    await c.query('bad');
    await c.query('ok');
    c.clear();
    await c.query('ok');
    expect(sent).toEqual(['bad', 'bad', 'ok', 'ok']);
  });

  it('prefetches queries into the cache, after their data files for a partitioned package', async () => {
    const { db, sent } = countingConnector();
    const c = new Coordinator(db);
    c.prefetch([{ sql: 'next year', partitions: [] }]);
    await new Promise((r) => setTimeout(r, 0));
    await c.query('next year');
    expect(sent).toEqual(['next year']);

    const loaded: string[] = [];
    c.setPartitions({
      ensure: async () => {},
      prefetch: (paths, onLoaded) => {
        for (const p of paths) {
          loaded.push(p);
          onLoaded?.(p);
        }
      },
    });
    c.prefetch([
      { sql: 'next year', partitions: ['ip/a/2024'] },
      { sql: 'next indicator', partitions: ['ip/b/2025'] },
    ]);
    await new Promise((r) => setTimeout(r, 0));
    // Already cached: neither fetched nor sent again.
    expect(loaded).toEqual(['ip/b/2025']);
    expect(sent).toEqual(['next year', 'next indicator']);
  });
});
