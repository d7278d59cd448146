import { ACS_MEDIANS, censoredLabel, censoringOf, medianDefinition } from './acs-medians';
import { acsVariableByMetric } from './acs-variables';

describe('ACS medians: universes, brackets and top/bottom codes', () => {
  it('names each median by its own universe, not by households', () => {
    expect(medianDefinition('median_home_value')?.universe[0]).toBe('owner_occupied');
    expect(medianDefinition('median_gross_rent')?.universe).toEqual([
      'rent_cash_rent_units',
      'renter_occupied',
    ]);
    expect(medianDefinition('median_year_built')?.universe[0]).toBe('housing_units');
    expect(medianDefinition('median_age')?.universe).toEqual(['population']);
    expect(medianDefinition('median_household_income')?.universe[0]).toBe('households');
  });

  it('lists brackets that exist in the catalogue, contiguous and lowest first', () => {
    for (const def of ACS_MEDIANS) {
      if (!def.distribution) continue;
      expect(acsVariableByMetric(def.distribution.total)).toBeDefined();
      const list = def.distribution.brackets;
      list.forEach((b, i) => {
        expect(acsVariableByMetric(b.metric)?.of).toBe(def.distribution!.total);
        if (i > 0) expect(b.lower).toBe(list[i - 1].upper);
      });
      expect(list.at(-1)!.upper).toBeNull();
    }
    expect(medianDefinition('median_home_value')!.distribution!.brackets).toHaveLength(26);
    expect(medianDefinition('median_gross_rent')!.distribution!.brackets).toHaveLength(24);
  });

  it('reads the coded values of the real 2023 figures as censored', () => {
    // data/census/acs5_2023_zcta_philadelphia_suburbs.csv: 19085 income 250001, 18912 value 2000001,
    // two ZCTAs rent 3501, 19066 year built 1938.
    expect(censoringOf('median_household_income', 250001)).toBe('top');
    expect(censoringOf('median_household_income', 243500)).toBeNull();
    expect(censoringOf('median_home_value', 2000001)).toBe('top');
    expect(censoringOf('median_gross_rent', 3501)).toBe('top');
    expect(censoringOf('median_year_built', 1938)).toBe('bottom');
    expect(censoringOf('median_year_built', 1942)).toBeNull();
    expect(censoredLabel('median_household_income', 'top')).toBe('$250,000+');
    expect(censoredLabel('median_year_built', 'bottom')).toBe('1939 or earlier');
  });

  it('reads the open-interval MOE code -333333333 as censored on the side the value sits', () => {
    expect(censoringOf('median_household_income', 201000, '-333333333')).toBe('top');
    expect(censoringOf('median_household_income', 201000)).toBeNull();
    expect(censoringOf('population', 5, '-333333333')).toBeNull();
  });
});
