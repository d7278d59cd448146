import {
  ACS_VARIABLES,
  DEFAULT_ACS_METRICS,
  DEFAULT_ACS_VARIABLE_IDS,
  acsVariableById,
  acsVariableByMetric,
  isAcsVariableId,
  variableIdsForMetrics,
} from './acs-variables';

describe('ACS variable catalogue', () => {
  it('has the required metrics with their estimate and MOE ids', () => {
    const expected: Record<string, string> = {
      population: 'B01003_001',
      households: 'B11001_001',
      occupied_units: 'B25003_001',
      owner_occupied: 'B25003_002',
      renter_occupied: 'B25003_003',
      median_household_income: 'B19013_001',
      median_year_built: 'B25035_001',
      median_home_value: 'B25077_001',
      median_gross_rent: 'B25064_001',
      housing_units: 'B25001_001',
      vacant_units: 'B25002_003',
      units_in_structure_total: 'B25024_001',
      units_1_detached: 'B25024_002',
      median_age: 'B01002_001',
      avg_household_size: 'B25010_001',
      households_with_children: 'B11005_002',
      households_children_universe: 'B11005_001',
      year_built_2020_or_later: 'B25034_002',
      year_built_1939_or_earlier: 'B25034_011',
      heating_fuel_utility_gas: 'B25040_002',
      heating_fuel_none: 'B25040_010',
    };
    for (const [metric, base] of Object.entries(expected)) {
      const v = acsVariableByMetric(metric);
      expect(v).toMatchObject({ metric, estimate: `${base}E`, moe: `${base}M`, table: base.slice(0, 6) });
    }
  });

  it('uses unique snake_case metric names and unique variable ids', () => {
    const metrics = ACS_VARIABLES.map((v) => v.metric);
    expect(new Set(metrics).size).toBe(metrics.length);
    metrics.forEach((m) => expect(m).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/));
    const ids = ACS_VARIABLES.flatMap((v) => [v.estimate, v.moe]);
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id) => expect(isAcsVariableId(id)).toBe(true));
  });

  it('gives each metric a unit, a kind and a universe that exists', () => {
    for (const v of ACS_VARIABLES) {
      expect(['count', 'dollars', 'year', 'years', 'persons', 'ratio']).toContain(v.unit);
      expect(['count', 'median', 'average']).toContain(v.kind);
      if (v.of !== undefined) expect(acsVariableByMetric(v.of)?.kind).toBe('count');
    }
    expect(acsVariableByMetric('median_household_income')).toMatchObject({ unit: 'dollars', kind: 'median' });
    expect(acsVariableByMetric('median_year_built')).toMatchObject({ unit: 'year', kind: 'median' });
    expect(acsVariableByMetric('median_age')).toMatchObject({ unit: 'years', kind: 'median' });
    expect(acsVariableByMetric('avg_household_size')).toMatchObject({ unit: 'persons', kind: 'average' });
    expect(acsVariableByMetric('owner_occupied')?.of).toBe('occupied_units');
    expect(acsVariableByMetric('households_with_children')?.of).toBe('households_children_universe');
  });

  it('labels year built by the 2023 vintage and lists the whole distribution and all heating fuels', () => {
    const yearBuilt = ACS_VARIABLES.filter((v) => v.table === 'B25034');
    expect(yearBuilt.map((v) => v.estimate)).toEqual(
      Array.from({ length: 11 }, (_, i) => `B25034_${String(i + 1).padStart(3, '0')}E`),
    );
    expect(acsVariableById('B25034_002E')?.label).toMatch(/2020 or later/);
    expect(acsVariableById('B25034_003E')?.label).toMatch(/2010 to 2019/);
    expect(acsVariableById('B25034_011E')?.label).toMatch(/1939 or earlier/);
    const fuels = ACS_VARIABLES.filter((v) => v.table === 'B25040');
    expect(fuels).toHaveLength(10);
    expect(acsVariableById('B25040_003M')?.label).toMatch(/bottled, tank or LP gas/);
    expect(acsVariableById('B25040_008E')?.metric).toBe('heating_fuel_solar');
  });

  it('fetches the tenure cross-tabulations, vacancy status and the value and rent distributions', () => {
    const tables = new Set(ACS_VARIABLES.map((v) => v.table));
    for (const table of ['B25032', 'B25036', 'B25075', 'B25063', 'B25038', 'B25004', 'B25117', 'B25007']) {
      expect(tables).toContain(table);
    }
    expect(acsVariableByMetric('owner_1_detached')).toMatchObject({
      estimate: 'B25032_003E',
      of: 'tenure_units_total',
    });
    expect(acsVariableByMetric('owner_built_1939_or_earlier')).toMatchObject({ estimate: 'B25036_012E' });
    expect(acsVariableByMetric('renter_moved_in_recent')?.label).toMatch(/2021 or later/);
    expect(acsVariableByMetric('home_value_2m_plus')).toMatchObject({ estimate: 'B25075_027E' });
    expect(acsVariableByMetric('rent_cash_rent_units')).toMatchObject({ estimate: 'B25063_002E' });
    expect(acsVariableByMetric('rent_3500_plus')).toMatchObject({ estimate: 'B25063_026E' });
    expect(acsVariableByMetric('owner_heat_electricity')).toMatchObject({ estimate: 'B25117_005E' });
    expect(acsVariableByMetric('renter_householder_85_plus')).toMatchObject({ estimate: 'B25007_021E' });
    expect(acsVariableByMetric('vacant_for_sale_only')).toMatchObject({ estimate: 'B25004_004E' });
  });

  it('defaults to fetching every metric, estimate and MOE', () => {
    expect(DEFAULT_ACS_METRICS).toHaveLength(ACS_VARIABLES.length);
    expect(DEFAULT_ACS_VARIABLE_IDS).toHaveLength(ACS_VARIABLES.length * 2);
    expect(DEFAULT_ACS_VARIABLE_IDS.slice(0, 2)).toEqual(['B01003_001E', 'B01003_001M']);
    expect(variableIdsForMetrics(['population', 'owner_occupied'])).toEqual([
      'B01003_001E',
      'B01003_001M',
      'B25003_002E',
      'B25003_002M',
    ]);
    expect(() => variableIdsForMetrics(['nope'])).toThrow(/unknown ACS metric 'nope'/);
  });

  it('recognises ACS variable ids and refuses typos', () => {
    expect(isAcsVariableId('B01003_001E')).toBe(true);
    expect(isAcsVariableId('B01003_001MA')).toBe(true);
    expect(isAcsVariableId('B19013A_001E')).toBe(true);
    expect(isAcsVariableId('NAME')).toBe(false);
    expect(isAcsVariableId('B01003_001')).toBe(false);
    expect(isAcsVariableId('b01003_001e')).toBe(false);
  });
});
