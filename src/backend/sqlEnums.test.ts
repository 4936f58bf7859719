import { describe, expect, expectTypeOf, it } from 'vitest';
import { healthDimensions, type AreaLevel, type AssetKind, type AssetStatus, type HealthDimension } from '../domain/types';
import { sqlEnums } from './sqlApi.generated';

type SqlEnum<Name extends keyof typeof sqlEnums> = (typeof sqlEnums)[Name][number];

// The domain names these in its own words; they must stay the values SQL accepts.
describe("the domain's vocabulary and the SQL enum types", () => {
  it('names the same kinds, statuses and area levels', () => {
    expectTypeOf<AssetKind>().toEqualTypeOf<SqlEnum<'asset_kind'>>();
    expectTypeOf<AssetStatus>().toEqualTypeOf<SqlEnum<'asset_status'>>();
    expectTypeOf<AreaLevel>().toEqualTypeOf<SqlEnum<'area_level'>>();
    expectTypeOf<HealthDimension>().toEqualTypeOf<SqlEnum<'health_dimension'>>();
  });

  it("lists Huber's six dimensions in SQL's order", () => {
    expect(healthDimensions).toEqual(sqlEnums.health_dimension);
  });
});
