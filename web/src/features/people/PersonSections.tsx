import { DatePicker, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  type AwardRecordType,
  type DisciplineForm,
  type InitiativeKind,
  type InitiativeScope,
  type Messages,
  type RatingLevel,
} from '../../app/i18n';
import { isAwardCode } from '../../../../contract/awards';
import { useT } from '../../app/language';
import { RatingTag } from '../../components/RatingTag';
import type { PersonDetail } from '../../lib/api';
import { currentYear, DATE_FORMAT, defaultYear, formatDate, fromIsoDate, toIsoDate } from '../../lib/dates';
import { InitiativeEvidence } from '../evidence/InitiativeEvidence';
import { AwardPicker } from './AwardPicker';
import { RatingStrip } from './RatingStrip';
import { RecordSection } from './RecordSection';

interface SectionProps {
  person: PersonDetail;
  canEdit: boolean;
  onChanged: () => void;
}

const LEVELS: RatingLevel[] = ['HTXS', 'HTT', 'HT', 'KHT'];
const SCOPES: InitiativeScope[] = ['CO_SO', 'BO_TINH', 'TOAN_QUOC'];
const INITIATIVE_KINDS: InitiativeKind[] = ['initiative', 'research'];
const FORMS: DisciplineForm[] = [
  'KHIEN_TRACH',
  'CANH_CAO',
  'HA_BAC_LUONG',
  'GIANG_CHUC',
  'CACH_CHUC',
  'BUOC_THOI_VIEC',
];
const AWARD_TYPES: AwardRecordType[] = [
  'regular',
  'sudden',
  'thematic',
  'dedication',
  'seniority',
  'foreign',
];

function yearItem(t: Messages) {
  return (
    <Form.Item
      name="year"
      label={t.common.year}
      rules={[
        { required: true, message: t.common.required },
        { type: 'integer', min: 1945, max: currentYear(), message: `1945–${currentYear()}` },
      ]}
    >
      <InputNumber min={1945} max={currentYear()} style={{ width: 160 }} />
    </Form.Item>
  );
}

export function RatingsSection({ person, canEdit, onChanged }: SectionProps) {
  const t = useT();
  return (
    <RecordSection<'ratings', { year: number; level: RatingLevel }>
      personId={person.id}
      kind="ratings"
      entries={person.ratings}
      canEdit={canEdit}
      onChanged={onChanged}
      header={<RatingStrip ratings={person.ratings} />}
      duplicateField="year"
      labels={t.person.ratings}
      columns={[
        { key: 'year', title: t.common.year, width: 100, render: (_, r) => <strong>{r.year}</strong> },
        { key: 'level', title: t.person.ratings.level, render: (_, r) => <RatingTag level={r.level} /> },
      ]}
      fieldNames={['year', 'level']}
      defaults={{ year: defaultYear() }}
      toValues={(r) => ({ year: r.year, level: r.level })}
      toBody={(v) => ({ year: v.year, level: v.level })}
      fields={
        <>
          {yearItem(t)}
          <Form.Item
            name="level"
            label={t.person.ratings.level}
            rules={[{ required: true, message: t.common.required }]}
          >
            <Select options={LEVELS.map((l) => ({ value: l, label: t.ratingLevels[l] }))} />
          </Form.Item>
        </>
      }
    />
  );
}

export function InitiativesSection({ person, canEdit, onChanged }: SectionProps) {
  const t = useT();
  type V = { year: number; title: string; kind: InitiativeKind; scope: InitiativeScope };
  // Every initiative shows its evidence files; a row the user closes stays closed.
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  return (
    <RecordSection<'initiatives', V>
      personId={person.id}
      kind="initiatives"
      entries={person.initiatives}
      canEdit={canEdit}
      onChanged={onChanged}
      expandable={{
        expandedRowKeys: person.initiatives.filter((i) => !closed.has(i.id)).map((i) => i.id),
        onExpand: (open, r) =>
          setClosed((c) => {
            const next = new Set(c);
            if (open) next.delete(r.id);
            else next.add(r.id);
            return next;
          }),
        expandedRowRender: (r) => (
          <InitiativeEvidence personId={person.id} initiativeId={r.id} canEdit={canEdit} />
        ),
      }}
      labels={t.person.initiatives}
      columns={[
        { key: 'year', title: t.common.year, width: 90, render: (_, r) => <strong>{r.year}</strong> },
        {
          key: 'title',
          title: t.person.initiatives.title,
          render: (_, r) => <span style={{ overflowWrap: 'anywhere' }}>{r.title}</span>,
        },
        {
          key: 'kind',
          title: t.person.initiatives.kind,
          width: 150,
          render: (_, r) => t.initiativeKinds[r.kind],
        },
        {
          key: 'scope',
          title: t.person.initiatives.scope,
          width: 190,
          render: (_, r) => (
            <Tag color={r.scope === 'TOAN_QUOC' ? 'red' : r.scope === 'BO_TINH' ? 'volcano' : 'default'}>
              {t.scopes[r.scope]}
            </Tag>
          ),
        },
      ]}
      fieldNames={['year', 'title', 'kind', 'scope']}
      defaults={{ year: defaultYear(), kind: 'initiative', scope: 'CO_SO' }}
      toValues={(r) => ({ year: r.year, title: r.title, kind: r.kind, scope: r.scope })}
      toBody={(v) => ({ year: v.year, title: v.title.trim().normalize('NFC'), kind: v.kind, scope: v.scope })}
      fields={
        <>
          {yearItem(t)}
          <Form.Item
            name="title"
            label={t.person.initiatives.title}
            rules={[{ required: true, whitespace: true, message: t.common.required }, { max: 500 }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
          </Form.Item>
          <Form.Item name="kind" label={t.person.initiatives.kind} rules={[{ required: true }]}>
            <Select options={INITIATIVE_KINDS.map((k) => ({ value: k, label: t.initiativeKinds[k] }))} />
          </Form.Item>
          <Form.Item name="scope" label={t.person.initiatives.scope} rules={[{ required: true }]}>
            <Select options={SCOPES.map((s) => ({ value: s, label: t.scopes[s] }))} />
          </Form.Item>
        </>
      }
    />
  );
}

export function DisciplineSection({ person, canEdit, onChanged }: SectionProps) {
  const t = useT();
  type V = { year: number; form: DisciplineForm; decidedOn?: Dayjs | null; reason?: string };
  return (
    <RecordSection<'discipline', V>
      personId={person.id}
      kind="discipline"
      entries={person.discipline}
      canEdit={canEdit}
      onChanged={onChanged}
      labels={t.person.discipline}
      columns={[
        { key: 'year', title: t.common.year, width: 90, render: (_, r) => <strong>{r.year}</strong> },
        {
          key: 'form',
          title: t.person.discipline.form,
          width: 170,
          render: (_, r) => <Tag color="volcano">{t.disciplineForms[r.form]}</Tag>,
        },
        {
          key: 'decidedOn',
          title: t.person.discipline.decidedOn,
          width: 140,
          render: (_, r) => formatDate(r.decidedOn),
        },
        {
          key: 'reason',
          title: t.person.discipline.reason,
          render: (_, r) => <span style={{ overflowWrap: 'anywhere' }}>{r.reason ?? t.common.none}</span>,
        },
      ]}
      fieldNames={['year', 'form', 'decidedOn', 'reason']}
      defaults={{ year: defaultYear() }}
      toValues={(r) => ({
        year: r.year,
        form: r.form,
        decidedOn: fromIsoDate(r.decidedOn),
        reason: r.reason ?? '',
      })}
      toBody={(v) => ({
        year: v.year,
        form: v.form,
        decidedOn: toIsoDate(v.decidedOn),
        reason: v.reason?.trim() ? v.reason.trim().normalize('NFC') : null,
      })}
      fields={
        <>
          {yearItem(t)}
          <Form.Item
            name="form"
            label={t.person.discipline.form}
            rules={[{ required: true, message: t.common.required }]}
          >
            <Select options={FORMS.map((f) => ({ value: f, label: t.disciplineForms[f] }))} />
          </Form.Item>
          <Form.Item name="decidedOn" label={t.person.discipline.decidedOn}>
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="reason" label={t.person.discipline.reason} rules={[{ max: 1000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        </>
      }
    />
  );
}

export function AwardsSection({ person, canEdit, onChanged }: SectionProps) {
  const t = useT();
  type V = {
    awardCode: string;
    year: number;
    type: AwardRecordType;
    decisionNo?: string;
    decisionDate?: Dayjs | null;
    issuer?: string;
  };
  /** The award's name in the chosen language (a code outside the catalogue keeps the name on record). */
  const awardLabel = (code: string, recorded: string) => (isAwardCode(code) ? t.awardNames[code] : recorded);
  const blank = (s: string | undefined) => (s?.trim() ? s.trim().normalize('NFC') : null);

  return (
    <RecordSection<'awards', V>
      personId={person.id}
      kind="awards"
      entries={person.awards}
      canEdit={canEdit}
      onChanged={onChanged}
      labels={t.person.awards}
      columns={[
        { key: 'year', title: t.common.year, width: 80, render: (_, r) => <strong>{r.year}</strong> },
        {
          key: 'name',
          title: t.person.awards.name,
          render: (_, r) => (
            <div style={{ overflowWrap: 'anywhere' }}>
              <div style={{ fontWeight: 500 }}>{awardLabel(r.awardCode, r.awardName)}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t.awardTypes[r.type]}
              </Typography.Text>
            </div>
          ),
        },
        {
          key: 'decision',
          title: t.person.awards.decision,
          width: 210,
          render: (_, r) =>
            r.decisionNo || r.decisionDate ? (
              <span>
                {r.decisionNo ?? t.common.none}
                {r.decisionDate && (
                  <Typography.Text type="secondary"> · {formatDate(r.decisionDate)}</Typography.Text>
                )}
              </span>
            ) : (
              t.common.none
            ),
        },
        {
          key: 'issuer',
          title: t.person.awards.issuer,
          width: 200,
          render: (_, r) => <span style={{ overflowWrap: 'anywhere' }}>{r.issuer ?? t.common.none}</span>,
        },
      ]}
      fieldNames={['awardCode', 'year', 'type', 'decisionNo', 'decisionDate', 'issuer']}
      defaults={{ year: defaultYear(), type: 'regular' }}
      toValues={(r) => ({
        awardCode: r.awardCode,
        year: r.year,
        type: r.type,
        decisionNo: r.decisionNo ?? '',
        decisionDate: fromIsoDate(r.decisionDate),
        issuer: r.issuer ?? '',
      })}
      toBody={(v) => ({
        awardCode: v.awardCode,
        year: v.year,
        type: v.type,
        decisionNo: blank(v.decisionNo),
        decisionDate: toIsoDate(v.decisionDate),
        issuer: blank(v.issuer),
      })}
      fields={
        <>
          <Form.Item
            name="awardCode"
            label={t.person.awards.code}
            extra={t.person.awards.codeHint}
            rules={[{ required: true, message: t.common.required }]}
          >
            <AwardPicker />
          </Form.Item>
          {yearItem(t)}
          <Form.Item name="type" label={t.person.awards.type} rules={[{ required: true }]}>
            <Select options={AWARD_TYPES.map((k) => ({ value: k, label: t.awardTypes[k] }))} />
          </Form.Item>
          <Form.Item name="decisionNo" label={t.person.awards.decisionNo} rules={[{ max: 100 }]}>
            <Input maxLength={100} placeholder="123/QĐ-UBND" />
          </Form.Item>
          <Form.Item name="decisionDate" label={t.person.awards.decisionDate}>
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="issuer" label={t.person.awards.issuer} rules={[{ max: 300 }]}>
            <Input maxLength={300} />
          </Form.Item>
        </>
      }
    />
  );
}
