import {
  DeleteOutlined,
  FileExcelOutlined,
  FileImageOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Skeleton, Tooltip, Typography, Upload } from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { acceptAttribute, FILE_KIND_INFO, type FileKind } from '../../../../contract/files';
import { useLanguage, useMessages } from '../../app/language';
import { api, ApiError, evidenceFileUrl, type EvidenceFile } from '../../lib/api';
import { useAsync } from '../../lib/use-async';
import { evidenceMessages } from './messages';

const ICONS: Record<FileKind, ReactNode> = {
  pdf: <FilePdfOutlined style={{ color: '#c8102e' }} />,
  jpeg: <FileImageOutlined style={{ color: '#1677ff' }} />,
  png: <FileImageOutlined style={{ color: '#1677ff' }} />,
  webp: <FileImageOutlined style={{ color: '#1677ff' }} />,
  docx: <FileWordOutlined style={{ color: '#2b579a' }} />,
  doc: <FileWordOutlined style={{ color: '#2b579a' }} />,
  xlsx: <FileExcelOutlined style={{ color: '#217346' }} />,
  xls: <FileExcelOutlined style={{ color: '#217346' }} />,
};

/** "1,2 MB", "850 KB", "312 B" in the reader's language. */
export function formatSize(bytes: number, lang: 'vi' | 'en'): string {
  const nf = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${nf.format(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${nf.format(bytes / 1024)} KB`;
  return `${bytes} B`;
}

interface Props {
  personId: string;
  initiativeId: string;
  canEdit: boolean;
}

/**
 * The evidence files of one initiative: name, size and a download link for everyone who may read the
 * person; an upload (with progress, and the server's own message when it refuses a file) and removal for
 * those who may write the record.
 */
export function InitiativeEvidence({ personId, initiativeId, canEdit }: Props) {
  const m = useMessages(evidenceMessages);
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useAsync(
    (signal) => api.evidence(personId, initiativeId, signal),
    [personId, initiativeId],
  );
  const [uploads, setUploads] = useState<UploadFile[]>([]);
  const [refusals, setRefusals] = useState<{ uid: string; name: string; message: string }[]>([]);
  const [removing, setRemoving] = useState<string | null>(null);

  const customRequest: UploadProps['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    const blob = file as File & { uid: string };
    const controller = new AbortController();
    api
      .uploadEvidence(personId, initiativeId, blob, {
        signal: controller.signal,
        onProgress: (percent) => onProgress?.({ percent }),
      })
      .then(
        (result) => {
          onSuccess?.(result);
          const item = result.items[0];
          if (item?.alreadyAttached) void message.info(m.alreadyAttached(blob.name));
          else void message.success(m.uploaded(item?.name ?? blob.name));
          reload();
        },
        (e: unknown) => {
          if (e instanceof DOMException && e.name === 'AbortError') return;
          const text = e instanceof ApiError ? e.message : String(e);
          onError?.(e instanceof Error ? e : new Error(text), text);
          setRefusals((r) => [...r, { uid: blob.uid, name: blob.name, message: text }]);
        },
      );
    return { abort: () => controller.abort() };
  };

  const remove = async (file: EvidenceFile) => {
    setRemoving(file.id);
    try {
      await api.deleteEvidence(personId, initiativeId, file.id);
      void message.success(m.removed);
      reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setRemoving(null);
    }
  };

  const kinds = data?.limits.kinds ?? [];
  const items = data?.items ?? [];

  return (
    <Flex vertical gap={8} style={{ paddingInlineStart: 4 }} data-testid={`evidence-${initiativeId}`}>
      <Typography.Text strong>
        <PaperClipOutlined /> {m.title}
        {data && <Typography.Text type="secondary">{` (${items.length})`}</Typography.Text>}
      </Typography.Text>
      {error && (
        <Alert
          type="error"
          showIcon
          title={m.loadFailed}
          description={error.message}
          action={
            <Button size="small" onClick={reload}>
              {m.retry}
            </Button>
          }
        />
      )}
      {!data && loading ? (
        <Skeleton active title={false} paragraph={{ rows: 1 }} />
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">{m.none}</Typography.Text>
      ) : (
        <Flex vertical gap={4} role="list">
          {items.map((f) => (
            <Flex key={f.id} role="listitem" align="center" gap={8} wrap>
              {ICONS[f.kind]}
              <Typography.Link
                href={evidenceFileUrl(personId, initiativeId, f.id)}
                download={f.name}
                style={{ overflowWrap: 'anywhere' }}
                title={m.download}
              >
                {f.name}
              </Typography.Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatSize(f.size, lang)} ·{' '}
                {m.uploadedBy(f.uploadedBy.fullName, dayjs(f.uploadedAt).format('DD/MM/YYYY HH:mm'))}
              </Typography.Text>
              {canEdit && (
                <Popconfirm
                  title={m.confirmRemove}
                  description={m.confirmRemoveHint}
                  okText={m.yes}
                  cancelText={m.no}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove(f)}
                >
                  <Tooltip title={m.remove}>
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`${m.remove}: ${f.name}`}
                      loading={removing === f.id}
                    />
                  </Tooltip>
                </Popconfirm>
              )}
            </Flex>
          ))}
        </Flex>
      )}
      {refusals.map((r) => (
        <Alert
          key={r.uid}
          type="error"
          showIcon
          closable
          title={m.refused(r.name)}
          description={r.message}
          onClose={() => setRefusals((list) => list.filter((x) => x.uid !== r.uid))}
        />
      ))}
      {canEdit && data && (
        <Flex vertical gap={4}>
          <Upload
            multiple
            accept={acceptAttribute(kinds)}
            fileList={uploads}
            customRequest={customRequest}
            // The list shows files on their way (with progress); a refused one is told in its own alert.
            onChange={({ fileList }) => setUploads(fileList.filter((f) => f.status === 'uploading'))}
          >
            <Button icon={<UploadOutlined />}>{m.upload}</Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.hint(
              kinds.map((k) => FILE_KIND_INFO[k].label).join(', '),
              formatSize(data.limits.maxBytes, lang),
            )}
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}
