import { describe, expect, expectTypeOf, it } from 'vitest';
import { healthDimensions, type AreaLevel, type AssetKind, type AssetStatus, type HealthDimension, type MemberRole } from '../domain/types';
import { sqlEnums, type SqlFunctions } from './sqlApi.generated';
import type { SqlResults } from './wireTypes';

type SqlEnum<Name extends keyof typeof sqlEnums> = (typeof sqlEnums)[Name][number];

// The domain names these in its own words; they must stay the values SQL accepts.
describe("the domain's vocabulary and the SQL enum types", () => {
  it('names the same kinds, statuses, area levels and roles', () => {
    expectTypeOf<AssetKind>().toEqualTypeOf<SqlEnum<'asset_kind'>>();
    expectTypeOf<AssetStatus>().toEqualTypeOf<SqlEnum<'asset_status'>>();
    expectTypeOf<AreaLevel>().toEqualTypeOf<SqlEnum<'area_level'>>();
    expectTypeOf<HealthDimension>().toEqualTypeOf<SqlEnum<'health_dimension'>>();
    expectTypeOf<MemberRole>().toEqualTypeOf<SqlEnum<'member_role'>>();
  });

  it("lists Huber's six dimensions in SQL's order", () => {
    expect(healthDimensions).toEqual(sqlEnums.health_dimension);
  });
});

describe('the seam', () => {
  it('declares a result shape for exactly the SQL API functions there are', () => {
    // A new SQL function without a result shape, or a shape left for a dropped one, fails the type check.
    expectTypeOf<keyof SqlResults>().toEqualTypeOf<keyof SqlFunctions>();
  });
});
