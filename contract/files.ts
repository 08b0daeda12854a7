/**
 * Stored files: the kinds the server accepts (detected from the content, never from the name or the
 * Content-Type), the header an upload must carry, and the shape of evidence attached to an initiative.
 */
import { Type } from 'typebox';

/** The kinds of file the system knows how to recognise from their bytes. */
export const FILE_KINDS = ['pdf', 'jpeg', 'png', 'webp', 'docx', 'xlsx', 'doc', 'xls'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface FileKindInfo {
  /** the Content-Type a download is served with */
  mime: string;
  /** file-name extensions that mean this kind (lower case, without the dot); the first is the usual one */
  extensions: readonly string[];
  label: string;
}

export const FILE_KIND_INFO: Record<FileKind, FileKindInfo> = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], label: 'JPEG' },
  png: { mime: 'image/png', extensions: ['png'], label: 'PNG' },
  webp: { mime: 'image/webp', extensions: ['webp'], label: 'WebP' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word (DOCX)',
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel (XLSX)',
  },
  doc: { mime: 'application/msword', extensions: ['doc'], label: 'Word 97–2003 (DOC)' },
  xls: { mime: 'application/vnd.ms-excel', extensions: ['xls'], label: 'Excel 97–2003 (XLS)' },
};

export function isFileKind(value: string): value is FileKind {
  return (FILE_KINDS as readonly string[]).includes(value);
}

/** The `accept` attribute of a file input for the given kinds (".pdf,.jpg,…"). */
export function acceptAttribute(kinds: readonly FileKind[] = FILE_KINDS): string {
  return kinds.flatMap((k) => FILE_KIND_INFO[k].extensions.map((e) => `.${e}`)).join(',');
}

/**
 * A cross-site HTML form can send multipart/form-data but cannot set a custom header: every upload must
 * carry this one (the browser then needs a CORS preflight, which the server never grants).
 */
export const UPLOAD_HEADER = { name: 'x-requested-with', value: 'vinhdanh' } as const;

export const EvidenceFile = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  size: Type.Integer(),
  mime: Type.String(),
  kind: Type.Enum([...FILE_KINDS]),
  sha256: Type.String(),
  uploadedBy: Type.Object({ id: Type.String(), username: Type.String(), fullName: Type.String() }),
  uploadedAt: Type.String({ format: 'date-time' }),
});

export const EvidenceList = Type.Object({
  items: Type.Array(EvidenceFile),
  /** what an upload may be, so the page can say it before the server refuses */
  limits: Type.Object({ maxBytes: Type.Integer(), kinds: Type.Array(Type.Enum([...FILE_KINDS])) }),
});

export const EvidenceUploadResult = Type.Object({
  items: Type.Array(
    Type.Object({
      ...EvidenceFile.properties,
      /** the same content was already attached to this initiative: nothing new was stored */
      alreadyAttached: Type.Boolean(),
    }),
  ),
});
