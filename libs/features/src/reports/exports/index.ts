export * from './report-csv';
export * from './report-file-name';
export { pdfText, PDF_FOOTER_NOTE, renderReportPdf, reportDocument } from './report-pdf';
