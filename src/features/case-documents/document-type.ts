
/** A type Trama accepts: the media type it is served with and the extension of its download name. */
export interface DocumentType {
  mediaType: string;
  extension: string;
}

/** Detected media type → what is accepted: PDF, images, office documents (OOXML and OpenDocument). */
const ACCEPTED: Record<string, DocumentType> = {
  'application/pdf': { mediaType: 'application/pdf', extension: 'pdf' },
  'image/jpeg': { mediaType: 'image/jpeg', extension: 'jpg' },
  'image/png': { mediaType: 'image/png', extension: 'png' },
  'image/tiff': { mediaType: 'image/tiff', extension: 'tif' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  'application/vnd.oasis.opendocument.text': { mediaType: 'application/vnd.oasis.opendocument.text', extension: 'odt' },
  'application/vnd.oasis.opendocument.spreadsheet': { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods' },
};

/** Old binary Office files share one container format (CFB): the name tells Word from Excel. */
const LEGACY_OFFICE: Record<string, DocumentType> = {
  doc: { mediaType: 'application/msword', extension: 'doc' },
  xls: { mediaType: 'application/vnd.ms-excel', extension: 'xls' },
};

const extensionOf = (filename: string) => /\.([a-z0-9]{1,8})$/iu.exec(filename)?.[1]?.toLowerCase() ?? '';

/** Plain text: valid UTF-8 with no control characters other than tab, line feed, carriage return, form feed. */
function isPlainText(bytes: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/u.test(text);
}

/**
 * The type of an uploaded file read from its bytes (its "magic number"), never from its name or the
 * browser's claim: an executable renamed .pdf is refused. Text files (.txt) have no magic number: they
 * are accepted when the bytes are clean UTF-8 text. Returns undefined for anything else.
 */
export async function detectDocumentType(bytes: Buffer, filename: string): Promise<DocumentType | undefined> {
  // Loaded on the first upload, not at start-up (a few MB resident).
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    if (detected.ext === 'cfb') return LEGACY_OFFICE[extensionOf(filename)];
    return ACCEPTED[detected.mime];
  }
  if (extensionOf(filename) === 'txt' && isPlainText(bytes)) return { mediaType: 'text/plain; charset=utf-8', extension: 'txt' };
  return undefined;
}
