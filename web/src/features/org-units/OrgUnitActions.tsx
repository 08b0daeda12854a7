import { EditOutlined, MergeCellsOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useT } from '../../app/language';
import { OrgUnitPicker } from '../../components/OrgUnitPicker';
import { api, type OrgUnit, type OrgUnitDetail } from '../../lib/api';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { applyServerErrors } from '../../lib/form-errors';

type Dialog = 'create' | 'edit' | 'close' | 'merge';

/**
 * What the board (and administrators) do to a unit: add a sub-unit, edit it, close it, merge it into
 * another. Each dialog says what will happen before it happens.
 */
export function OrgUnitActions({
  unit,
  units,
  isOwnRoot,
  onChanged,
}: {
  unit: OrgUnitDetail;
  units: readonly OrgUnit[];
  /** the unit the user is bound to: it can be edited and given sub-units, never closed or merged */
  isOwnRoot: boolean;
  /** after a change: `select` is the unit to show next (the new sub-unit, the merge target) */
  onChanged: (select?: string) => void;
}) {
  const t = useT();
  const a = t.orgUnits.actions;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const done = (select?: string) => {
    setDialog(null);
    onChanged(select);
  };
  return (
    <>
      <Flex gap={8} wrap className="vd-unit-actions">
        {unit.childKinds.length > 0 && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
            {a.addChild}
          </Button>
        )}
        <Button size="small" icon={<EditOutlined />} onClick={() => setDialog('edit')}>
          {a.edit}
        </Button>
        {!isOwnRoot && (
          <>
            <Button size="small" icon={<StopOutlined />} onClick={() => setDialog('close')}>
              {a.close}
            </Button>
            <Button size="small" icon={<MergeCellsOutlined />} onClick={() => setDialog('merge')}>
              {a.merge}
            </Button>
          </>
        )}
      </Flex>
      {dialog === 'create' && <CreateModal parent={unit} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'edit' && <EditModal unit={unit} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'close' && (
        <CloseModal
          unit={unit}
          onClose={() => setDialog(null)}
          onDone={done}
          onMergeInstead={() => setDialog('merge')}
        />
      )}
      {dialog === 'merge' && (
        <MergeModal unit={unit} units={units} onClose={() => setDialog(null)} onDone={done} />
      )}
    </>
  );
}

interface DialogProps {
  onClose: () => void;
  onDone: (select?: string) => void;
}

function useSaving() {
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  return { saving, setSaving, formError, setFormError };
}

function FormError({ error }: { error: string | null }) {
  return error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null;
}

function CreateModal({ parent, onClose, onDone }: DialogProps & { parent: OrgUnitDetail }) {
  const t = useT();
  const f = t.orgUnits.form;
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    code: string;
    name: string;
    shortName?: string;
    kind: OrgUnit['kind'];
    validFrom: Dayjs;
  }>();
  const s = useSaving();
  const fields = ['code', 'name', 'shortName', 'kind', 'validFrom'];
  return (
    <Modal
      open
      width={600}
      title={f.createTitle(parent.name)}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={s.saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormError error={s.formError} />
      <Form
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{
          kind: parent.childKinds.length === 1 ? parent.childKinds[0] : undefined,
          validFrom: dayjs().startOf('day'),
        }}
        onFinish={async (v) => {
          s.setSaving(true);
          s.setFormError(null);
          try {
            const created = await api.createOrgUnit({
              parentId: parent.id,
              code: v.code.trim(),
              name: v.name.trim().normalize('NFC'),
              shortName: v.shortName?.trim() ? v.shortName.trim().normalize('NFC') : null,
              kind: v.kind,
              validFrom: toIsoDate(v.validFrom)!,
            });
            void message.success(f.created);
            onDone(created.id);
          } catch (error) {
            s.setFormError(applyServerErrors(form, error, fields, 'code'));
          } finally {
            s.setSaving(false);
          }
        }}
      >
        <Form.Item label={f.parent}>
          <Typography.Text strong>{parent.name}</Typography.Text>
        </Form.Item>
        <Form.Item
          name="name"
          label={f.name}
          rules={[{ required: true, whitespace: true, message: t.common.required }, { max: 200 }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="shortName" label={f.shortName} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={f.kind}
          extra={f.kindHint}
          rules={[{ required: true, message: t.common.required }]}
        >
          <Select options={parent.childKinds.map((k) => ({ value: k, label: t.kinds[k] }))} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="code"
            label={f.code}
            extra={f.codeHint}
            style={{ flex: '1 1 240px' }}
            rules={[
              { required: true, whitespace: true, message: t.common.required },
              { pattern: /^[A-Za-z0-9_.-]+$/, message: f.codePattern },
              { max: 50 },
            ]}
          >
            <Input maxLength={50} placeholder={`${parent.code}.`} />
          </Form.Item>
          <Form.Item
            name="validFrom"
            label={f.validFrom}
            rules={[{ required: true, message: t.common.required }]}
          >
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 180 }} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

/** Someone of the unit itself, found by name as the user types (the server searches without diacritics). */
function HeadPicker({
  unitId,
  value,
  onChange,
  id,
}: {
  unitId: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .people({ orgUnitId: unitId, q: q.trim() || undefined, limit: 50 }, controller.signal)
        .then((r) =>
          setOptions(
            r.items.filter((p) => p.orgUnitId === unitId).map((p) => ({ value: p.id, label: p.fullName })),
          ),
        )
        .catch(() => undefined)
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [unitId, q]);
  // the current head's name, when not among the options found
  const [current, setCurrent] = useState<{ value: string; label: string } | null>(null);
  useEffect(() => {
    if (!value || options.some((o) => o.value === value)) return;
    const controller = new AbortController();
    api
      .person(value, controller.signal)
      .then((p) => setCurrent({ value: p.id, label: p.fullName }))
      .catch(() => undefined);
    return () => controller.abort();
  }, [value, options]);
  const all = current && !options.some((o) => o.value === current.value) ? [current, ...options] : options;
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={all}
      allowClear
      loading={loading}
      placeholder={t.orgUnits.form.headPlaceholder}
      showSearch={{ filterOption: false, onSearch: setQ }}
    />
  );
}

function EditModal({ unit, onClose, onDone }: DialogProps & { unit: OrgUnitDetail }) {
  const t = useT();
  const f = t.orgUnits.form;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; shortName?: string; headPersonId?: string | null }>();
  const s = useSaving();
  return (
    <Modal
      open
      width={560}
      title={f.editTitle}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={s.saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormError error={s.formError} />
      <Form
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{ name: unit.name, shortName: unit.shortName ?? '', headPersonId: unit.headPersonId }}
        onFinish={async (v) => {
          s.setSaving(true);
          s.setFormError(null);
          try {
            await api.updateOrgUnit(unit.id, {
              version: unit.version,
              name: v.name.trim().normalize('NFC'),
              shortName: v.shortName?.trim() ? v.shortName.trim().normalize('NFC') : null,
              headPersonId: v.headPersonId ?? null,
            });
            void message.success(f.saved);
            onDone();
          } catch (error) {
            s.setFormError(applyServerErrors(form, error, ['name', 'shortName', 'headPersonId']));
          } finally {
            s.setSaving(false);
          }
        }}
      >
        <Form.Item
          name="name"
          label={f.name}
          rules={[{ required: true, whitespace: true, message: t.common.required }, { max: 200 }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="shortName" label={f.shortName} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="headPersonId" label={f.headPerson} extra={f.headHint}>
          <HeadPicker unitId={unit.id} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CloseModal({
  unit,
  onClose,
  onDone,
  onMergeInstead,
}: DialogProps & { unit: OrgUnitDetail; onMergeInstead: () => void }) {
  const t = useT();
  const c = t.orgUnits.close;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ validTo: Dayjs }>();
  const day = Form.useWatch('validTo', form);
  const s = useSaving();
  const blocked = unit.ownPeopleCount > 0 || unit.activeChildCount > 0;
  const today = dayjs().startOf('day');
  const from = fromIsoDate(unit.validFrom);
  return (
    <Modal
      open
      width={520}
      title={c.title(unit.name)}
      okText={c.ok}
      okButtonProps={{ danger: true, disabled: blocked }}
      cancelText={t.common.cancel}
      confirmLoading={s.saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormError error={s.formError} />
      {blocked ? (
        <Alert
          type="warning"
          showIcon
          className="vd-close-blocked"
          title={c.blocked(unit.ownPeopleCount, unit.activeChildCount)}
          description={
            <Flex vertical gap={8} align="flex-start">
              <span>{c.blockedHint}</span>
              <Button size="small" icon={<MergeCellsOutlined />} onClick={onMergeInstead}>
                {t.orgUnits.actions.merge}
              </Button>
            </Flex>
          }
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ validTo: today }}
          onFinish={async (v) => {
            s.setSaving(true);
            s.setFormError(null);
            try {
              await api.closeOrgUnit(unit.id, { version: unit.version, validTo: toIsoDate(v.validTo)! });
              void message.success(c.done);
              onDone();
            } catch (error) {
              s.setFormError(applyServerErrors(form, error, ['validTo']));
            } finally {
              s.setSaving(false);
            }
          }}
        >
          <Form.Item name="validTo" label={c.date} rules={[{ required: true, message: t.common.required }]}>
            <DatePicker
              format={DATE_FORMAT}
              placeholder="dd/mm/yyyy"
              allowClear={false}
              style={{ width: 200 }}
              disabledDate={(d) => d.isAfter(today, 'day') || (!!from && d.isBefore(from, 'day'))}
            />
          </Form.Item>
          {day && <Alert type="info" showIcon title={c.explain(day.format(DATE_FORMAT))} />}
        </Form>
      )}
    </Modal>
  );
}

function MergeModal({
  unit,
  units,
  onClose,
  onDone,
}: DialogProps & { unit: OrgUnitDetail; units: readonly OrgUnit[] }) {
  const t = useT();
  const m = t.orgUnits.merge;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ targetId?: string; effectiveDate: Dayjs }>();
  const targetId = Form.useWatch('targetId', form);
  const day = Form.useWatch('effectiveDate', form);
  const s = useSaving();
  const today = dayjs().startOf('day');
  // the unit itself and its own subtree cannot receive it
  const own = useMemo(() => {
    const inside = new Set([unit.id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const u of units)
        if (u.parentId && inside.has(u.parentId) && !inside.has(u.id)) {
          inside.add(u.id);
          grew = true;
        }
    }
    return inside;
  }, [unit.id, units]);
  const isDisabled = useCallback((u: OrgUnit) => own.has(u.id), [own]);
  const target = units.find((u) => u.id === targetId);
  const dayText = day ? day.format(DATE_FORMAT) : '';
  const lastDay = day ? day.subtract(1, 'day').format(DATE_FORMAT) : '';
  return (
    <Modal
      open
      width={600}
      title={m.title(unit.name)}
      okText={m.ok}
      okButtonProps={{ danger: true, disabled: !target }}
      cancelText={t.common.cancel}
      confirmLoading={s.saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormError error={s.formError} />
      <Form
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{ effectiveDate: today }}
        onFinish={async (v) => {
          s.setSaving(true);
          s.setFormError(null);
          try {
            const result = await api.mergeOrgUnit(unit.id, {
              version: unit.version,
              targetId: v.targetId!,
              effectiveDate: toIsoDate(v.effectiveDate)!,
            });
            void message.success(m.done(result.peopleMoved, target?.name ?? ''));
            onDone(result.targetId);
          } catch (error) {
            s.setFormError(applyServerErrors(form, error, ['targetId', 'effectiveDate']));
          } finally {
            s.setSaving(false);
          }
        }}
      >
        <Form.Item name="targetId" label={m.target} rules={[{ required: true, message: t.common.required }]}>
          <OrgUnitPicker units={units} placeholder={m.targetPlaceholder} isDisabled={isDisabled} />
        </Form.Item>
        <Form.Item
          name="effectiveDate"
          label={m.date}
          rules={[{ required: true, message: t.common.required }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder="dd/mm/yyyy"
            allowClear={false}
            style={{ width: 200 }}
            disabledDate={(d) => d.isAfter(today, 'day')}
          />
        </Form.Item>
      </Form>
      {target && day && (
        <Alert
          type="warning"
          showIcon
          className="vd-merge-summary"
          title={m.willHappen}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              <li>{m.people(unit.ownPeopleCount, target.name, dayText)}</li>
              <li>{m.units(unit.activeChildCount, target.name)}</li>
              <li>{m.ends(unit.name, lastDay, target.name)}</li>
              <li>{m.irreversible}</li>
            </ul>
          }
        />
      )}
    </Modal>
  );
}
