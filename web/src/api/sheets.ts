// Spreadsheets in and out: the formats of exports and templates, and the steps of an import (a dry
// run first, then all rows or only the valid ones). Shared by every import (nominations,
// agreements, diplomatic missions); downloads are plain links (see ExportMenu).
import { buildQuery } from '@/api/client'

export type SheetFormat = 'xlsx' | 'csv'
export const kSheetFormats: readonly SheetFormat[] = ['xlsx', 'csv']
const kXlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The media type the server expects for a chosen file (browsers give CSV files various types). */
export function sheetTypeOf(file: File): string {
  return /\.xlsx$/i.test(file.name) ? kXlsxType : 'text/csv'
}

export type ImportStep = { dryRun: true } | { dryRun: false; mode: 'all' | 'valid_only' }

/** The query of an import's step: ?dry_run=true, or ?mode=all|valid_only. */
export function importQuery(step: ImportStep): { dry_run: 'true' } | { mode: 'all' | 'valid_only' } {
  return step.dryRun ? { dry_run: 'true' } : { mode: step.mode }
}

/** A template's address (GET …/import-template?format=…). */
export function sheetUrl(path: string, format: SheetFormat): string {
  return path + buildQuery({ format })
}
