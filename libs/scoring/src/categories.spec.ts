import { CHANNEL_TYPES } from '@lbi/contracts';

import { CATEGORIES, requireCategory } from './categories';
import { featureById } from './features';

const AGE_FEATURES = new Set(['median_year_built', 'older_stock_share', 'replacement_age_share']);

describe('category registry', () => {
  it('has at least 14 complete profiles with valid channel types and months', () => {
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(14);
    for (const id of [
      'roofing',
      'hvac',
      'solar',
      'lawn_landscaping',
      'pest_control',
      'pool_spa',
      'remodeling',
      'plumbing',
      'windows_doors',
      'exterior_painting',
      'gutters',
      'moving',
      'home_security',
      'senior_in_home_care',
    ]) {
      expect(requireCategory(id).id).toBe(id);
    }
    for (const c of CATEGORIES) {
      expect(c.features.reduce((s, f) => s + f.weight, 0)).toBeCloseTo(1, 6);
      expect(c.peak_months.every((m) => m >= 1 && m <= 12)).toBe(true);
      expect(c.lead_time_weeks).toBeGreaterThan(0);
      for (const ch of c.channels) {
        expect(CHANNEL_TYPES).toContain(ch.channel_type);
        expect(ch.relevance).toBeGreaterThan(0);
        expect(ch.relevance).toBeLessThanOrEqual(1);
      }
      expect(c.rationale.length).toBeGreaterThan(20);
      for (const f of c.features) {
        expect(() => featureById(f.feature)).not.toThrow();
        if (f.fallback) expect(() => featureById(f.fallback!.feature)).not.toThrow();
      }
    }
    expect(() => requireCategory('nope')).toThrow(/unknown category/);
  });

  it('names its sources and weighs at most one age feature (no collinear pair sharing the weight)', () => {
    for (const c of CATEGORIES) {
      expect(c.sources.length).toBeGreaterThan(0);
      const ages = c.features.filter((f) => AGE_FEATURES.has(f.feature));
      expect({ id: c.id, ages: ages.length <= 1 }).toEqual({ id: c.id, ages: true });
      expect(ages.reduce((s, f) => s + f.weight, 0)).toBeLessThanOrEqual(0.35);
    }
  });

  it('matches 2026 facts: no December solar rush, summer home security, no population in moving', () => {
    expect(requireCategory('solar').peak_months).not.toContain(12);
    expect(requireCategory('solar').sources.join(' ')).toMatch(/119-21/);
    expect(requireCategory('home_security').peak_months).toEqual([6, 7, 8]);
    expect(requireCategory('home_security').sources.join(' ')).toMatch(/NCJ 245959/);
    const moving = requireCategory('moving').features.map((f) => f.feature);
    expect(moving).not.toContain('population');
    expect(moving).toEqual(expect.arrayContaining(['recent_mover_share', 'market_vacancy_share']));
    expect(moving).not.toContain('vacancy_share');
  });
});
