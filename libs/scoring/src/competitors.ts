// Which establishments compete with each category: 2017 NAICS codes as ZIP Code Business Patterns
// publishes them. Rationale and limits per category in docs/CATEGORIES.md.

export interface NaicsIndustry {
  code: string;
  label: string;
}

export interface CategoryCompetitors {
  naics: readonly NaicsIndustry[];
  /** What the codes count that the category is not, or miss: said in the report's competition caveats. */
  note: string;
}

const ROOFING = { code: '238160', label: 'Roofing contractors' };
const PLUMBING_HVAC = { code: '238220', label: 'Plumbing, heating and air-conditioning contractors' };
const ELECTRICAL = { code: '238210', label: 'Electrical contractors and other wiring installation' };
const GLASS = { code: '238150', label: 'Glass and glazing contractors' };
const FINISH_CARPENTRY = { code: '238350', label: 'Finish carpentry contractors' };
const SIDING = { code: '238170', label: 'Siding contractors' };
const PAINTING = { code: '238320', label: 'Painting and wall covering contractors' };
const OTHER_TRADES = { code: '238990', label: 'All other specialty trade contractors' };
const REMODELERS = { code: '236118', label: 'Residential remodelers' };
const LANDSCAPING = { code: '561730', label: 'Landscaping services' };
const EXTERMINATING = { code: '561710', label: 'Exterminating and pest control services' };
const JANITORIAL = { code: '561720', label: 'Janitorial services' };
const OTHER_BUILDING_SERVICES = { code: '561790', label: 'Other services to buildings and dwellings' };
const SECURITY_SYSTEMS = { code: '561621', label: 'Security systems services (except locksmiths)' };
const MOVERS = { code: '484210', label: 'Used household and office goods moving' };
const HOME_HEALTH = { code: '621610', label: 'Home health care services' };

export const CATEGORY_COMPETITORS: Readonly<Record<string, CategoryCompetitors>> = {
  roofing: { naics: [ROOFING], note: 'Roofing contractors of every kind, commercial roofers included.' },
  hvac: {
    naics: [PLUMBING_HVAC],
    note: 'NAICS puts plumbers and HVAC contractors in one industry (238220): the count includes plumbers.',
  },
  solar: {
    naics: [ELECTRICAL, PLUMBING_HVAC],
    note: 'Solar installers are classified with electrical (238210) or plumbing/heating (238220) contractors: the count includes every electrician and plumber, so it is an upper bound on solar competitors.',
  },
  lawn_landscaping: { naics: [LANDSCAPING], note: 'Landscaping services, lawn care included.' },
  pest_control: { naics: [EXTERMINATING], note: 'Exterminating and pest control services.' },
  pool_spa: {
    naics: [OTHER_BUILDING_SERVICES, OTHER_TRADES],
    note: 'Pool cleaning falls under other services to buildings (561790) and pool construction under other specialty trades (238990); both industries hold many businesses that are not pool companies.',
  },
  remodeling: { naics: [REMODELERS], note: 'Residential remodelers.' },
  plumbing: {
    naics: [PLUMBING_HVAC],
    note: 'NAICS puts plumbers and HVAC contractors in one industry (238220): the count includes HVAC contractors.',
  },
  windows_doors: {
    naics: [GLASS, FINISH_CARPENTRY],
    note: 'Window and door installers are classified with glass and glazing (238150) or finish carpentry (238350) contractors.',
  },
  exterior_painting: { naics: [PAINTING], note: 'Painting contractors, interior painters included.' },
  gutters: {
    naics: [SIDING],
    note: 'Gutter and downspout installation is classified with siding contractors (238170).',
  },
  moving: { naics: [MOVERS], note: 'Household and office movers.' },
  home_security: { naics: [SECURITY_SYSTEMS], note: 'Security system installers and monitoring companies.' },
  senior_in_home_care: {
    naics: [HOME_HEALTH],
    note: 'Home health care agencies; non-medical home-care agencies classified elsewhere (624120) are not counted.',
  },
  window_cleaning: {
    naics: [JANITORIAL],
    note: 'Window cleaning is part of janitorial services (561720): most of the count are cleaning companies that do no windows, so it overstates competitors.',
  },
};

export function competitorsOf(category: string): CategoryCompetitors | undefined {
  return CATEGORY_COMPETITORS[category];
}

/** Every NAICS code some category counts competitors by, sorted: what a business refresh fetches. */
export const COMPETITOR_NAICS: readonly string[] = [
  ...new Set(Object.values(CATEGORY_COMPETITORS).flatMap((c) => c.naics.map((n) => n.code))),
].sort();

/** The metric a ZIP's establishment count of one NAICS code is stored under. */
export function establishmentsMetric(naics: string): string {
  return `establishments_${naics}`;
}
