import { Tag, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useT } from '../app/language';
import type { OrgUnit } from '../lib/api';
import { buildTree, isHistorical, unitMatches, type UnitNode } from '../lib/org-tree';
import { fold } from '../lib/text';

interface TreeOption {
  value: string;
  title: React.ReactNode;
  label: string;
  disabled?: boolean;
  children: TreeOption[];
}

/** Picks one unit from the tree of the user's scope; typing searches without diacritics. */
export function OrgUnitPicker({
  units,
  value,
  onChange,
  placeholder,
  allowClear,
  loading,
  includeHistorical = false,
  style,
  id,
  isDisabled,
}: {
  units: readonly OrgUnit[];
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  loading?: boolean;
  includeHistorical?: boolean;
  style?: React.CSSProperties;
  id?: string;
  /** units shown in the tree but not selectable (e.g. the unit a person already belongs to) */
  isDisabled?: (unit: OrgUnit) => boolean;
}) {
  const t = useT();
  const treeData = useMemo(() => {
    const toOption = (node: UnitNode): TreeOption => ({
      value: node.unit.id,
      label: node.unit.name,
      title: isHistorical(node.unit) ? (
        <span style={{ color: '#9ca3af' }}>
          {node.unit.name} <Tag style={{ marginInlineStart: 4 }}>{t.orgUnits.merged}</Tag>
        </span>
      ) : (
        node.unit.name
      ),
      disabled: isDisabled?.(node.unit) || undefined,
      children: node.children.map(toOption),
    });
    return buildTree(units, includeHistorical).map(toOption);
  }, [units, includeHistorical, t, isDisabled]);
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);

  return (
    <TreeSelect<string>
      id={id}
      style={style}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      treeNodeLabelProp="label"
      placeholder={placeholder}
      allowClear={allowClear}
      loading={loading}
      showSearch={{
        filterTreeNode: (input, node) => {
          const unit = byId.get(String(node.value));
          return unit ? unitMatches(unit, fold(input.trim())) : false;
        },
      }}
      treeDefaultExpandedKeys={treeData.map((n) => n.value)}
      listHeight={360}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 520 } } }}
    />
  );
}
