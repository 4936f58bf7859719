import { describe, expect, it } from 'vitest';
import { coverageTargetOf, gapPopulationOf, plannerGroupOf } from './gapSettings';

describe('a session’s gap settings as the planner names them', () => {
  it('maps the 65+ group both ways and keeps everyone as everyone', () => {
    expect(plannerGroupOf('age65plus')).toBe('65plus');
    expect(plannerGroupOf('all')).toBe('all');
    expect(gapPopulationOf(plannerGroupOf('age65plus'))).toBe('age65plus');
    expect(gapPopulationOf('all')).toBe('all');
  });

  it('takes the stored kind of place as a coverage target, and anything unreadable as any place', () => {
    expect(coverageTargetOf('category:ontmoetingsplek')).toBe('category:ontmoetingsplek');
    expect(coverageTargetOf('dimension:meedoen')).toBe('dimension:meedoen');
    expect(coverageTargetOf('any')).toBe('any');
    expect(coverageTargetOf('')).toBe('any');
  });
});
