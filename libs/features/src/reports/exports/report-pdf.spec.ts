import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Content } from 'pdfmake/interfaces';
import { engineReport } from './engine-report.fixture';
import { pdfText, renderReportPdf, reportDocument } from './report-pdf';
import { sampleReport } from './sample-report.fixture';

/** Every string of a pdfmake document, in order, joined by spaces: what the brief prints. */
function documentText(node: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (typeof n === 'string') out.push(n);
    else if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      for (const key of ['text', 'stack', 'ul', 'columns', 'table', 'body', 'content'])
        if (key in o) walk(o[key]);
    }
  };
  walk(node);
  return out.join(' ').replace(/\s+/g, ' ');
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page(?!s)/g) ?? []).length;
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const withPoppler = hasPoppler ? it : it.skip;

/** Runs a poppler tool on the PDF in a scratch directory, removed afterwards. */
function withPdfFile<T>(pdf: Buffer, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'lbi-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pdfToText(pdf: Buffer): string {
  return withPdfFile(pdf, (file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
}

describe('renderReportPdf', () => {
  it('renders the sample report as a complete PDF of one to two pages', async () => {
    const pdf = await renderReportPdf(sampleReport());

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(pageCount(pdf)).toBeLessThanOrEqual(2);
    expect(pdf.toString('latin1')).toMatch(/\(D:20261126000000Z\)/);
  });

  it('gives the same bytes for the same payload', async () => {
    const [a, b] = await Promise.all([renderReportPdf(sampleReport()), renderReportPdf(sampleReport())]);
    expect(a.equals(b)).toBe(true);
  });

  withPoppler('prints every section, the page numbers and the ACS footer', async () => {
    const pdf = await renderReportPdf(sampleReport());
    // It rasterises: poppler draws every page without error.
    const pages = withPdfFile(pdf, (file, dir) => {
      execFileSync('pdftoppm', ['-png', '-r', '50', file, join(dir, 'page')]);
      return [1, 2, 3].filter((page) => existsSync(join(dir, `page-${page}.png`))).length;
    });
    expect(pages).toBe(pageCount(pdf));
    const text = pdfToText(pdf).replace(/\s+/g, ' ');

    for (const expected of [
      'Roofing buyers in Philadelphia suburbs',
      'as of 26 Nov 2026',
      'Where the buyers are: top ZIP codes',
      '19083',
      '74,310 ± 1,240',
      '80% ± 1.1 pts',
      '$88,400 – $214,300',
      'Haverford Township Civic',
      '1 Feb 2027 – 15 May 2027',
      'Radnor Spring Home Show',
      'Data sources and freshness',
      'No calendar imported yet (stale)',
      'Events CSV',
      'Caveats',
      'ACS) 5-year estimates; ± values are 90% margins of error',
      `Page 1 of ${pageCount(pdf)}`,
    ]) {
      expect(text).toContain(expected);
    }
  });

  withPoppler('is never silently empty: no ZIPs and no channels are said so', async () => {
    const payload = sampleReport();
    payload.top_zips = [];
    payload.recommended_channels = [];
    payload.channel_types_to_add = [
      { channel_type: 'civic_association', why: 'Owner-heavy ZIPs read township newsletters.' },
    ];
    payload.timing_window.events = [];
    payload.caveats = [];
    const pdf = await renderReportPdf(payload);
    const text = pdfToText(pdf).replace(/\s+/g, ' ');

    expect(pageCount(pdf)).toBe(1);
    expect(text).toContain('No ZIP code could be scored; see the caveats.');
    expect(text).toContain('No channels on file yet. Channel types to add:');
    expect(text).toContain('Civic association: Owner-heavy ZIPs read township newsletters.');
    expect(text).toContain('No upcoming events on file.');
  });
});

describe('reportDocument of a real engine report', () => {
  const text = documentText(reportDocument(engineReport('roofing')).content as Content);

  it('prints tiers, tested comparisons, censored medians and the one vintage', () => {
    expect(text).toContain('ACS 2019-2023 5-year estimates');
    expect(text).toContain('Tier');
    expect(text).toMatch(
      /Tiers group ZIP areas whose scores are not significantly different at 90% \(tier 1: rank 1; tier 2: ranks 2-5/,
    );
    expect(text).toContain('higher than 71% ± 0.6 pts across the geography (significant at 90%)');
    expect(text).toContain('$250,000+');
    expect(text).not.toMatch(/250,001|\b1938\b/);
    expect(text).toContain('1939 or earlier');
  });

  it('gives every number its unit and margin and writes channel types as people do', () => {
    expect(text).toMatch(/\d+\.\d ± \d+\.\d/); // a score with its margin
    expect(text).toMatch(/[\d,]+ ± [\d,]+ addressable households/);
    expect(text).toContain('4,200 people');
    expect(text).toContain('HOA');
    expect(text).not.toMatch(/\bHoa\b/);
    expect(text).toContain('refreshed today');
    expect(text).not.toMatch(/day\(s\)/);
  });
});

describe('renderReportPdf of real engine reports', () => {
  withPoppler('keeps roofing, moving and solar to two pages and prints their tiers', async () => {
    for (const category of ['roofing', 'moving', 'solar']) {
      const pdf = await renderReportPdf(engineReport(category));
      expect({ category, pages: pageCount(pdf) <= 2 }).toEqual({ category, pages: true });
      const text = pdfToText(pdf).replace(/\s+/g, ' ');
      expect(text).toContain('Tiers group ZIP areas whose scores are not significantly different at 90%');
      expect(text).toContain('ACS 2019-2023 5-year estimates');
    }
  });
});

describe('pdfText', () => {
  it('keeps WinAnsi text and replaces what the standard fonts cannot draw', () => {
    expect(pdfText('Café – “quoted” ± 5% … €')).toBe('Café – “quoted” ± 5% … €');
    expect(pdfText('≥ 30%\tCV → flag 🏠')).toBe('>= 30% CV -> flag ?');
  });
});
