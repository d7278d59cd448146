import { resolveGeographyZctas } from './geography-zctas';

describe('resolveGeographyZctas (real crosswalk)', () => {
  it('resolves ZIPs missing from the stored resolution, maps PO-box ZIPs to their containing ZCTA and reports ZIPs without one', async () => {
    const out = await resolveGeographyZctas({
      zipCodes: ['19002', '19087', '19397', '96939'],
      zctaResolution: [{ zip: '19002', zcta: '19002', join_type: 'zip_matches_zcta', note: 'stored' }],
    });
    expect(out.zctas).toEqual(['19002', '19087']);
    expect(out.zipsByZcta.get('19087')).toEqual(['19087', '19397']);
    expect(out.resolutions[0].note).toBe('stored');
    expect(out.borrowedZcta).toEqual([
      { zip: '19397', zcta: '19087', note: expect.stringContaining('PO-box') },
    ]);
    expect(out.zipsWithoutZcta).toEqual([{ zip: '96939', note: expect.stringContaining('no ZCTA') }]);
  });

  it('uses the stored resolution when it covers every ZIP', async () => {
    const out = await resolveGeographyZctas(
      {
        zipCodes: ['12345'],
        zctaResolution: [{ zip: '12345', zcta: '54321', join_type: 'spatial_join', note: 'from the save' }],
      },
      new Map(),
    );
    expect(out.zctas).toEqual(['54321']);
    expect(out.borrowedZcta[0].note).toBe('from the save');
  });
});
