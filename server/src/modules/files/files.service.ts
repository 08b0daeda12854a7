/**
 * File storage, the kernel piece features build on: receive uploads into temporary files (hashed, size
 * limited, type detected from the bytes), then, inside the feature's unit of work, place each blob and
 * record it. Features keep their own links to `files` rows (e.g. evidence of an initiative).
 */
import type { Readable } from 'node:stream';
import { FILE_KIND_INFO, type FileKind } from '../../../../contract/files';
import type { Deps } from '../../deps';
import { cleanFileName, nameForContent } from '../../domain/files/file-name';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { UnitOfWork } from '../audit/unit-of-work';
import { detectFileKind, isKnownExtension } from './files.detect';
import * as repo from './files.repository';
import type { FileRow } from './files.repository';
import {
  blobPath,
  discardTemp,
  FileTooLargeError,
  openBlob,
  placeBlob,
  receiveToTemp,
  removeBlob,
  type Received,
} from './files.store';

export type { FileRow };

/** At most this many files in one upload request. */
export const MAX_FILES_PER_UPLOAD = 10;

export interface IncomingFile {
  /** the name as the client sent it */
  fileName: string;
  stream: Readable;
}

/** An upload received and checked, waiting in a temporary file to be stored. */
export interface StagedFile extends Received {
  name: string;
  kind: FileKind;
  mime: string;
}

export interface Staged {
  files: StagedFile[];
  /** remove the temporary files (always call it, stored or not) */
  discard(): Promise<void>;
}

export function kindOfMime(mime: string): FileKind {
  const entry = Object.entries(FILE_KIND_INFO).find(([, info]) => info.mime === mime);
  if (!entry) throw new Error(`a stored file has an unknown type: ${mime}`);
  return entry[0] as FileKind;
}

const megabytes = (bytes: number) =>
  `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

/**
 * Receive every file of an upload into temporary files and check each one: its name, its size, and its
 * type found in its bytes (it must be allowed and agree with the name's extension). All or nothing: the
 * first refused file removes what was received and answers with a message that names it.
 */
export interface StageOptions {
  /** the kinds this feature takes (default: those the configuration allows) */
  kinds?: readonly FileKind[];
  /** the feature's own refusal of a file of another kind (`detected`: what it is, when known) */
  refuseKind?: (name: string, detected: string | null) => AppError;
  /** at most this many files (default MAX_FILES_PER_UPLOAD) */
  maxFiles?: number;
}

export async function stageUploads(
  deps: Deps,
  incoming: AsyncIterable<IncomingFile>,
  o: StageOptions = {},
): Promise<Staged> {
  const staged: StagedFile[] = [];
  const discard = async () => {
    await Promise.all(staged.map((s) => discardTemp(s.tmpPath)));
  };
  try {
    for await (const file of incoming) {
      if (staged.length >= (o.maxFiles ?? MAX_FILES_PER_UPLOAD)) throw tooMany(o.maxFiles);
      staged.push(await stageOne(deps, file, o));
    }
  } catch (e) {
    await discard();
    throw e;
  }
  if (staged.length === 0) throw new AppError('no_file', 400);
  return { files: staged, discard };
}

export const tooMany = (max = MAX_FILES_PER_UPLOAD) =>
  new AppError('too_many_files', 413, `Mỗi lần chỉ được tải lên tối đa ${max} tệp.`);

async function stageOne(deps: Deps, file: IncomingFile, o: StageOptions = {}): Promise<StagedFile> {
  const cleaned = cleanFileName(file.fileName);
  if (!cleaned.ok) throw new AppError('invalid_file_name', 400, cleaned.message);
  const name = cleaned.name;
  const { filesDir, filesMaxBytes, filesAllowedTypes } = deps.config;
  let received: Received;
  try {
    received = await receiveToTemp(filesDir, file.stream, filesMaxBytes);
  } catch (e) {
    if (e instanceof FileTooLargeError) {
      throw new AppError(
        'file_too_large',
        413,
        `Tệp "${name}" vượt quá dung lượng cho phép (tối đa ${megabytes(filesMaxBytes)}).`,
      );
    }
    throw e;
  }
  try {
    if (received.size === 0) {
      throw new AppError('empty_file', 400, `Tệp "${name}" rỗng (0 byte), không có nội dung để lưu.`);
    }
    const detected = await detectFileKind(received.tmpPath, received.size);
    const kinds = o.kinds ?? filesAllowedTypes;
    const allowed = kinds.map((k) => FILE_KIND_INFO[k].label).join(', ');
    if (detected.kind === null || !kinds.includes(detected.kind)) {
      const what = detected.kind ?? detected.what;
      if (o.refuseKind) throw o.refuseKind(name, what);
      throw new AppError(
        'unsupported_file_type',
        415,
        `Tệp "${name}" không thuộc loại được chấp nhận${what ? ` (nội dung là tệp ${what.toUpperCase()})` : ''}. ` +
          `Chỉ nhận: ${allowed}.`,
      );
    }
    const info = FILE_KIND_INFO[detected.kind];
    const named = nameForContent(name, info.extensions, isKnownExtension);
    if (!named.ok) {
      if (o.refuseKind) throw o.refuseKind(name, detected.kind);
      throw new AppError(
        'unsupported_file_type',
        415,
        `Tệp "${name}" có nội dung là ${info.label}, không khớp với phần mở rộng ".${named.claimedExtension}". ` +
          `Hãy kiểm tra lại tệp hoặc đổi tên cho đúng loại.`,
      );
    }
    return { ...received, name: named.name, kind: detected.kind, mime: info.mime };
  } catch (e) {
    await discardTemp(received.tmpPath);
    throw e;
  }
}

/** Inside a unit of work: take the content's lock (before looking for the same content elsewhere). */
export async function lockContent(uow: UnitOfWork, sha256: string): Promise<void> {
  await repo.lockContent(uow.tx, sha256);
}

/** Inside a unit of work: put the blob in place (once per content) and record the upload. */
export async function storeStaged(uow: UnitOfWork, file: StagedFile, orgUnitId: string): Promise<FileRow> {
  await repo.lockContent(uow.tx, file.sha256);
  await placeBlob(uow.deps.config.filesDir, file);
  return repo.insertFile(uow.tx, {
    id: newId(),
    sha256: file.sha256,
    size: file.size,
    mime: file.mime,
    name: file.name,
    uploadedBy: uow.actor.userId,
    orgUnitId,
    createdAt: uow.now,
  });
}

/** Inside a unit of work: forget a stored upload. Its blob goes later, with collectBlob, if unused. */
export async function forgetFile(uow: UnitOfWork, fileId: string): Promise<void> {
  await repo.deleteFile(uow.tx, fileId);
}

/**
 * After a commit (or a rollback): remove the blob when no stored upload refers to it any more. Runs under
 * the content's lock, so an upload of the same bytes either sees the blob removed and places it again,
 * or commits its row first and the blob stays. Changes no row, so it needs no audit.
 */
export async function collectBlob(deps: Deps, sha256: string): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    await repo.lockContent(tx, sha256);
    if ((await repo.countWithContent(tx, sha256)) > 0) return false;
    await removeBlob(deps.config.filesDir, sha256);
    return true;
  });
}

export async function findFile(deps: Deps, id: string): Promise<FileRow | undefined> {
  return repo.findFile(deps.db, id);
}

export interface Download {
  name: string;
  mime: string;
  size: number;
  sha256: string;
  stream: Readable;
}

/** The bytes of a stored upload; a missing blob is a server fault (500), logged with its path. */
export async function openFile(deps: Deps, row: FileRow): Promise<Download> {
  try {
    const { stream, size } = await openBlob(deps.config.filesDir, row.sha256);
    return { name: row.name, mime: row.mime, size, sha256: row.sha256, stream };
  } catch (e) {
    throw new Error(`blob of file ${row.id} is unreadable at ${blobPath(deps.config.filesDir, row.sha256)}`, {
      cause: e,
    });
  }
}
