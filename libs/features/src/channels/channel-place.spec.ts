import { loadCrosswalk, type ZipCrosswalk } from '@lbi/census';
import { Geography } from '../geographies/geography.entity';
import { channelPlace, placeOfZip, zipNotInGeography } from './channel-place';

function geography(zipCodes: string[], resolution: Geography['zctaResolution'] = []): Geography {
  return Object.assign(new Geography(), { name: 'Main Line', zipCodes, zctaResolution: resolution });
}

describe('channel place rules', () => {
  let crosswalk: ZipCrosswalk;
  beforeAll(async () => {
    crosswalk = await loadCrosswalk();
  });

  it('accepts a ZIP of the geography and explains one outside it, quoting the geography’s ZIPs', () => {
    expect(zipNotInGeography('19002', geography(['19002', '19034']))).toBeNull();
    expect(zipNotInGeography('19422', geography(['19002', '19034']))).toBe(
      'zip_code 19422 is not one of the ZIP codes of geography "Main Line" (19002, 19034): add it to the geography first, or leave zip_code out',
    );
    const many = geography(Array.from({ length: 12 }, (_, i) => String(19000 + i)));
    expect(zipNotInGeography('19422', many)).toContain('19009, … (12 in all)');
  });

  it('takes city and state from the stored resolution, else from the crosswalk', () => {
    const stored = geography(
      ['19002'],
      [{ zip: '19002', zcta: '19002', join_type: 'x', po_name: 'Stored', state: 'ZZ' }],
    );
    expect(placeOfZip('19002', stored, crosswalk)).toEqual({ city: 'Stored', state: 'ZZ' });
    expect(placeOfZip('19002', geography(['19002']), crosswalk)).toEqual({ city: 'Ambler', state: 'PA' });
    expect(placeOfZip('99999', geography(['99999']), crosswalk)).toBeNull();
  });

  it('keeps what the caller sent and fills only what is missing', () => {
    const g = geography(['19002']);
    expect(channelPlace({ city: 'Lower Gwynedd', state: 'PA' }, '19002', g, crosswalk)).toEqual({
      city: 'Lower Gwynedd',
      state: 'PA',
    });
    expect(channelPlace({ city: 'Lower Gwynedd' }, '19002', g, crosswalk)).toEqual({
      city: 'Lower Gwynedd',
      state: 'PA',
    });
    expect(channelPlace({}, '19002', g, crosswalk)).toEqual({ city: 'Ambler', state: 'PA' });
  });

  it('needs city and state when there is no ZIP', () => {
    expect(channelPlace({ city: 'Ambler' }, null, geography(['19002']), crosswalk)).toEqual({
      error:
        'city and state are required when zip_code is not given (with a zip_code they are taken from the ZIP)',
    });
  });
});
