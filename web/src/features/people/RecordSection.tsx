import { ResponsiveTable } from '../../components/ResponsiveTable';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Modal, Popconfirm, Tooltip } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useT } from '../../app/language';
import { EmptyState } from '../../components/EmptyState';
import { api, type RecordKind, type RecordKinds } from '../../lib/api';
import { applyServerErrors } from '../../lib/form-errors';

type Entry<K extends RecordKind> = RecordKinds[K]['entry'];

export interface RecordSectionProps<K extends RecordKind, V extends object> {
  personId: string;
  kind: K;
  entries: Entry<K>[];
  columns: TableColumnsType<Entry<K>>;
  canEdit: boolean;
  labels: { empty: string; add: string; addTitle: string; editTitle: string };
  /** The form's fields (Form.Item elements named like the API's fields). */
  fields: ReactNode;
  fieldNames: readonly string[];
  defaults: Partial<V>;
  toValues: (entry: Entry<K>) => V;
  toBody: (values: V) => RecordKinds[K]['create'];
  /** Called after a change was saved, to load the person again. */
  onChanged: () => void;
  /** Shown above the table (e.g. the rating strip). */
  header?: ReactNode;
  /** The field a "duplicate" answer points at (one rating a year: the year). */
  duplicateField?: string;
  /** What an entry shows when its row is opened (e.g. an initiative's evidence files). */
  expandable?: TableProps<Entry<K>>['expandable'];
}

type Editing<K extends RecordKind> = { mode: 'create' } | { mode: 'edit'; entry: Entry<K> };

/**
 * One part of a person's yearly record: a table by year, newest first, and (for officers and
 * administrators) forms to add, edit and delete entries. Updates carry the entry's version.
 */
export function RecordSection<K extends RecordKind, V extends object>(props: RecordSectionProps<K, V>) {
  const { personId, kind, entries, columns, canEdit, labels, onChanged } = props;
  const t = useT();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing<K> | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  const sorted = [...entries].sort((a, b) => b.year - a.year);

  const remove = async (entry: Entry<K>) => {
    setDeleting(entry.id);
    try {
      await api.deleteEntry(personId, kind, entry.id);
      void message.success(t.common.deleted);
      onChanged();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t.common.unexpectedError);
    } finally {
      setDeleting(null);
    }
  };

  const allColumns: TableColumnsType<Entry<K>> = canEdit
    ? [
        ...columns,
        {
          key: 'actions',
          title: t.common.actions,
          width: 104,
          align: 'right',
          render: (_, entry) => (
            <Flex gap={4} justify="flex-end">
              <Tooltip title={t.common.edit}>
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t.common.edit}
                  onClick={() => setEditing({ mode: 'edit', entry })}
                />
              </Tooltip>
              <Popconfirm
                title={t.common.confirmDelete}
                description={t.common.confirmDeleteHint}
                okText={t.common.yes}
                cancelText={t.common.no}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove(entry)}
              >
                <Tooltip title={t.common.delete}>
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t.common.delete}
                    loading={deleting === entry.id}
                  />
                </Tooltip>
              </Popconfirm>
            </Flex>
          ),
        },
      ]
    : columns;

  return (
    <Flex vertical gap={16}>
      {props.header}
      {canEdit && (
        <Flex justify="flex-end">
          <Button icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
            {labels.add}
          </Button>
        </Flex>
      )}
      <ResponsiveTable<Entry<K>>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        scroll={{ x: 640 }}
        pagination={sorted.length > 20 ? { pageSize: 20, hideOnSinglePage: true } : false}
        columns={allColumns}
        dataSource={sorted}
        expandable={props.expandable}
        locale={{ emptyText: <EmptyState compact title={labels.empty} /> }}
      />
      {editing && (
        <EntryModal<K, V>
          {...props}
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </Flex>
  );
}

function EntryModal<K extends RecordKind, V extends object>({
  personId,
  kind,
  labels,
  fields,
  fieldNames,
  defaults,
  toValues,
  toBody,
  duplicateField,
  editing,
  onClose,
  onSaved,
}: RecordSectionProps<K, V> & { editing: Editing<K>; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (values: V) => {
    setSaving(true);
    setFormError(null);
    try {
      const body = toBody(values);
      if (editing.mode === 'create') {
        await api.createEntry(personId, kind, body);
      } else {
        const update = { ...body, version: editing.entry.version } as RecordKinds[K]['update'];
        await api.updateEntry(personId, kind, editing.entry.id, update);
      }
      void message.success(t.common.saved);
      onSaved();
    } catch (error) {
      setFormError(applyServerErrors(form, error, fieldNames, duplicateField));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={editing.mode === 'create' ? labels.addTitle : labels.editTitle}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={editing.mode === 'edit' ? toValues(editing.entry) : defaults}
        onFinish={(values) => void submit(values)}
      >
        {fields}
      </Form>
    </Modal>
  );
}
