import { badInput } from '../errors/domain-errors.js';
import { OPERATION_LIMITS } from '../graphql/limits.js';
import { csvToImportDocument } from './csv-format.js';
import type { ImportDocument } from './import-format.js';

/** The largest file accepted: the demo territory is 0.2 MB; a region's diagnostic stays far below this. */
export const MAX_IMPORT_BYTES = OPERATION_LIMITS.maxImportFileBytes;

/**
 * Reads an uploaded or local file as an import document, by its extension. The document is checked by
 * ImportService.importDocument; only what prevents reading it at all is reported here.
 */
export function parseImportFile(fileName: string, content: string): ImportDocument {
  if (Buffer.byteLength(content, 'utf8') > MAX_IMPORT_BYTES) {
    throw badInput(`The file is too large: at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  }
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (extension === 'csv') return csvToImportDocument(content);
  if (extension === 'json') return parseJson(content);
  throw badInput(`Cannot tell the format of "${fileName}": the file name must end with .json or .csv.`, [
    { field: 'fileName', message: 'must end with .json or .csv' },
  ]);
}

function parseJson(content: string): ImportDocument {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  try {
    return JSON.parse(text) as ImportDocument;
  } catch (error) {
    // V8's message names the offending token and its position ("… in JSON at position 120 (line 7 column 3)").
    const detail = error instanceof SyntaxError ? error.message : 'unreadable';
    throw badInput(`The file is not valid JSON: ${withLine(detail, text)}`, [{ field: 'file', message: withLine(detail, text) }]);
  }
}

/** Node 20 gives only a character position: add the line and column a text editor shows. */
function withLine(message: string, text: string): string {
  const position = /at position (\d+)/.exec(message);
  if (!position || /line \d+/.test(message)) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}
