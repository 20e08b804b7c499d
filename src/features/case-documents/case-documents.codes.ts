/** What a case document is: the list the upload form offers. */
export const DOCUMENT_CATEGORIES = ['identity_document', 'medical_certificate', 'isee', 'court_order', 'correspondence', 'other'] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

/** The file types a case document may be, as detected from its content; the upload form's `accept` list. */
export const DOCUMENT_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'docx', 'xlsx', 'odt', 'ods', 'doc', 'xls', 'txt'] as const;

/** The default size limit (TRAMA_DOCUMENT_MAX_BYTES). */
export const DEFAULT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
