import type { Dictionary } from '../../app/language';

interface EvidenceMessages {
  title: string;
  none: string;
  upload: string;
  hint: (kinds: string, maxSize: string) => string;
  uploaded: (name: string) => string;
  alreadyAttached: (name: string) => string;
  refused: (name: string) => string;
  download: string;
  remove: string;
  confirmRemove: string;
  confirmRemoveHint: string;
  removed: string;
  uploadedBy: (who: string, when: string) => string;
  loadFailed: string;
  retry: string;
  cancel: string;
  yes: string;
  no: string;
}

export const evidenceMessages = {
  vi: {
    title: 'Tệp minh chứng',
    none: 'Chưa có tệp minh chứng.',
    upload: 'Tải lên tệp minh chứng',
    hint: (kinds, maxSize) => `Nhận ${kinds}; mỗi tệp tối đa ${maxSize}.`,
    uploaded: (name) => `Đã tải lên "${name}".`,
    alreadyAttached: (name) => `"${name}" đã có trong minh chứng của sáng kiến này.`,
    refused: (name) => `Không tải lên được "${name}"`,
    download: 'Tải về',
    remove: 'Gỡ tệp',
    confirmRemove: 'Gỡ tệp minh chứng này?',
    confirmRemoveHint: 'Tệp sẽ không còn gắn với sáng kiến; thao tác được ghi vào nhật ký.',
    removed: 'Đã gỡ tệp minh chứng.',
    uploadedBy: (who, when) => `${who} tải lên lúc ${when}`,
    loadFailed: 'Không tải được danh sách tệp minh chứng.',
    retry: 'Thử lại',
    cancel: 'Hủy',
    yes: 'Gỡ',
    no: 'Không',
  },
  en: {
    title: 'Evidence files',
    none: 'No evidence files yet.',
    upload: 'Upload evidence',
    hint: (kinds, maxSize) => `Accepted: ${kinds}; at most ${maxSize} per file.`,
    uploaded: (name) => `Uploaded "${name}".`,
    alreadyAttached: (name) => `"${name}" is already attached to this initiative.`,
    refused: (name) => `"${name}" was not uploaded`,
    download: 'Download',
    remove: 'Remove file',
    confirmRemove: 'Remove this evidence file?',
    confirmRemoveHint: 'It will no longer be attached to the initiative; the change is logged.',
    removed: 'Evidence file removed.',
    uploadedBy: (who, when) => `uploaded by ${who} at ${when}`,
    loadFailed: 'Could not load the evidence files.',
    retry: 'Retry',
    cancel: 'Cancel',
    yes: 'Remove',
    no: 'No',
  },
} satisfies Dictionary<EvidenceMessages>;
