import { describe, expect, it } from 'vitest';
import { migrationsFromFiles } from './migrations';

describe('migrationsFromFiles', () => {
  it('orders migrations by their timestamp, whatever order the files come in', () => {
    const migrations = migrationsFromFiles({
      '/supabase/migrations/20261201000000_later.sql': 'select 2',
      '/supabase/migrations/20261123120000_schema.sql': 'select 1',
    });
    expect(migrations.map((migration) => [migration.version, migration.name])).toEqual([
      ['20261123120000', 'schema'],
      ['20261201000000', 'later'],
    ]);
  });

  it('refuses a file name without a timestamp, which would apply out of order', () => {
    expect(() => migrationsFromFiles({ 'migrations/schema.sql': '' })).toThrow(/20261123120000_name\.sql/);
  });
});
