import { ApiError, upload } from '../../platform/api/api-client.ts';
import type { ImportResult } from './catalogue-api.ts';

export type RowError = { line: number; message: string; messageEn: string };

/** Reads a file in the browser, reporting progress, and counts its data lines (the header excluded). */
export function readCsvFile(file: File, onProgress: (fraction: number) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    reader.onload = () => {
      onProgress(1);
      const text = typeof reader.result === 'string' ? reader.result : '';
      const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
      resolve(Math.max(0, lines.length - 1));
    };
    reader.onerror = () => { reject(reader.error ?? new Error('read failed')); };
    reader.readAsText(file, 'utf-8');
  });
}

/** Sends the file as text/csv; `onProgress` follows the upload. */
export function sendCsvFile(file: File, dryRun: boolean, onProgress: (fraction: number) => void): Promise<ImportResult> {
  return upload<ImportResult>(`/services/import${dryRun ? '?dryRun=true' : ''}`, new Blob([file], { type: 'text/csv' }), onProgress);
}

/** The bad lines a 400 from the import carries, or null for any other failure. */
export function rowErrorsOf(error: unknown): RowError[] | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const data = error.body?.data as { errors?: RowError[] } | undefined;
  return Array.isArray(data?.errors) ? data.errors : null;
}
