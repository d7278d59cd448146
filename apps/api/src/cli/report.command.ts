import { writeFileSync } from 'node:fs';
import { JobName, ReportPayload, ReportStatus } from '@lbi/contracts';
import {
  IntelligenceReport,
  ReportJobs,
  renderReportCsv,
  renderReportPdf,
  requireKnownCategory,
} from '@lbi/features';
import { TenantContext, TenantDb } from '@lbi/server';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';

interface ReportOptions {
  geography: string;
  category: string;
  format: 'json' | 'csv' | 'pdf';
  out: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `npm run cli -- report --geography <id|name> --category roofing --format csv|json|pdf --out FILE`:
 * generates a report with the same job the API queues (stored like any other report) and writes
 * the export to FILE (`-` for standard output).
 */
@Command({ name: 'report', description: 'Generate an intelligence report and export it to a file' })
export class ReportCommand extends CommandRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tenantDb: TenantDb,
    private readonly jobs: ReportJobs,
  ) {
    super();
  }

  async run(_params: string[], options: ReportOptions): Promise<void> {
    requireKnownCategory(options.category);
    // The operator acts across tenants: find the geography on the owner connection, then work
    // inside its tenant like the API would.
    const matches: { id: string; client_id: string; name: string }[] = await this.dataSource.query(
      UUID.test(options.geography)
        ? 'SELECT id, client_id, name FROM geographies WHERE id = $1'
        : 'SELECT id, client_id, name FROM geographies WHERE name = $1 ORDER BY created_at',
      [options.geography],
    );
    if (matches.length === 0) throw new Error(`No geography with id or name "${options.geography}"`);
    if (matches.length > 1) {
      throw new Error(
        `${matches.length} geographies are named "${options.geography}": pass --geography <id> instead`,
      );
    }
    const [geography] = matches;
    const report = await this.tenantDb.run(geography.client_id, (db) => {
      const reports = db.repository(IntelligenceReport);
      return reports.save(
        reports.create({
          geographyId: geography.id,
          category: options.category,
          status: ReportStatus.Queued,
        }),
      );
    });
    await TenantContext.run({ clientId: geography.client_id }, () =>
      this.jobs.generateReport(
        { client_id: geography.client_id, report_id: report.id },
        { jobId: `cli:${JobName.GenerateReport}`, attempt: 1, maxAttempts: 1, isFinalAttempt: true },
      ),
    );
    const done = await this.tenantDb.run(geography.client_id, (db) =>
      db.repository(IntelligenceReport).findOneBy({ id: report.id }),
    );
    if (!done || done.status !== ReportStatus.Success || !done.payload) {
      throw new Error(`The report could not be generated: ${done?.errorMessage ?? 'unknown reason'}`);
    }
    const payload = done.payload as unknown as ReportPayload;
    const content =
      options.format === 'csv'
        ? renderReportCsv(payload)
        : options.format === 'pdf'
          ? await renderReportPdf(payload)
          : `${JSON.stringify(payload, null, 2)}\n`;
    if (options.out === '-') {
      process.stdout.write(content);
    } else {
      writeFileSync(options.out, content);
      process.stderr.write(
        `Report ${done.id} (${options.category}, "${geography.name}", ${payload.top_zips.length} top ZIPs) written to ${options.out}\n`,
      );
    }
  }

  @Option({
    flags: '--geography <id|name>',
    description: 'the geography, by id or by its name',
    required: true,
  })
  parseGeography(value: string): string {
    return value.trim();
  }

  @Option({
    flags: '--category <id>',
    description: 'a category id (GET /api/v1/categories), e.g. roofing',
    required: true,
  })
  parseCategory(value: string): string {
    return value.trim();
  }

  @Option({ flags: '--format <format>', description: 'json, csv or pdf', defaultValue: 'json' })
  parseFormat(value: string): string {
    if (!['json', 'csv', 'pdf'].includes(value)) throw new Error('--format must be json, csv or pdf');
    return value;
  }

  @Option({
    flags: '--out <file>',
    description: 'where to write the export (- for standard output)',
    required: true,
  })
  parseOut(value: string): string {
    return value;
  }
}
