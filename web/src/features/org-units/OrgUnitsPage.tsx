import { SearchOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Input, Row, Skeleton, Switch, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { useT } from '../../app/language';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Highlight } from '../../components/Highlight';
import { PageHeader } from '../../components/PageHeader';
import { buildTree, filterTree, isHistorical, pathTo, type UnitNode } from '../../lib/org-tree';
import { OrgUnitDetailPanel } from './OrgUnitDetailPanel';
import { forgetOrgUnits, useOrgUnits } from './use-org-units';

export default function OrgUnitsPage() {
  const t = useT();
  const { me } = useAuth();
  const units = useOrgUnits();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState('');
  const [showHistorical, setShowHistorical] = useState(true);
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const all = useMemo(() => units.data ?? [], [units.data]);
  const listed = useMemo(() => new Set(all.map((u) => u.id)), [all]);
  const selectedId = params.get('unit') ?? me?.orgUnitId ?? null;

  const fullTree = useMemo(() => buildTree(all, showHistorical), [all, showHistorical]);
  const filtered = useMemo(() => filterTree(fullTree, query), [fullTree, query]);

  // Until the user opens or closes a node: the roots and the way down to the selected unit are open.
  const initialExpanded = useMemo(() => {
    const roots = buildTree(all).map((n) => n.unit.id);
    return [...new Set([...roots, ...(selectedId ? pathTo(all, selectedId) : [])])];
  }, [all, selectedId]);

  const treeData = useMemo(() => {
    const toNode = (node: UnitNode): TreeDataNode => {
      const historical = isHistorical(node.unit);
      return {
        key: node.unit.id,
        title: (
          <span className={historical ? 'vd-tree-node vd-tree-node-historical' : 'vd-tree-node'}>
            <span className="vd-tree-name">
              <Highlight text={node.unit.name} query={query} />
            </span>
            {historical && (
              <Tag color="default" style={{ marginInlineEnd: 0, textDecoration: 'none' }}>
                {t.orgUnits.merged}
              </Tag>
            )}
          </span>
        ),
        children: node.children.map(toNode),
      };
    };
    return filtered.roots.map(toNode);
  }, [filtered, query, t]);

  const searching = query.trim() !== '';
  const expandedKeys = searching ? filtered.expand : (expanded ?? initialExpanded);
  const visibleCount = useMemo(
    () => (showHistorical ? all.length : all.filter((u) => !isHistorical(u)).length),
    [all, showHistorical],
  );

  const select = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('unit', id);
    setParams(next);
    if (!searching) setExpanded((keys) => [...new Set([...(keys ?? initialExpanded), ...pathTo(all, id)])]);
  };

  return (
    <>
      <PageHeader title={t.orgUnits.title} description={t.orgUnits.description} />
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} lg={10} xl={9}>
          <Card className="vd-tree-card">
            <Flex vertical gap={10}>
              <Input
                allowClear
                prefix={<SearchOutlined style={{ color: '#9ca3af' }} />}
                placeholder={t.orgUnits.searchPlaceholder}
                aria-label={t.orgUnits.searchPlaceholder}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              <Flex justify="space-between" align="center" wrap gap={8}>
                <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', cursor: 'pointer' }}>
                  <Switch size="small" checked={showHistorical} onChange={setShowHistorical} />
                  <Typography.Text>{t.orgUnits.showHistorical}</Typography.Text>
                </label>
                <Typography.Text type="secondary">
                  {t.orgUnits.count(searching ? filtered.matches : visibleCount)}
                </Typography.Text>
              </Flex>
              {units.error ? (
                <ErrorAlert error={units.error} onRetry={units.reload} />
              ) : units.loading && !units.data ? (
                <Skeleton active paragraph={{ rows: 8 }} />
              ) : treeData.length === 0 ? (
                <EmptyState compact title={searching ? t.orgUnits.noMatch : t.orgUnits.empty} />
              ) : (
                <Tree
                  blockNode
                  showLine
                  height={620}
                  treeData={treeData}
                  expandedKeys={expandedKeys}
                  onExpand={(keys) => {
                    if (!searching) setExpanded(keys.map(String));
                  }}
                  selectedKeys={selectedId ? [selectedId] : []}
                  onSelect={(keys) => {
                    const key = keys[0];
                    if (key !== undefined) select(String(key));
                  }}
                />
              )}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={15}>
          {selectedId ? (
            <OrgUnitDetailPanel
              unitId={selectedId}
              onSelect={select}
              inScope={(id) => listed.has(id)}
              units={all}
              onChanged={(next) => {
                forgetOrgUnits();
                units.reload();
                if (next) {
                  // a new sub-unit appears under the unit shown now: keep that one open
                  const open = selectedId;
                  setExpanded((keys) => [...new Set([...(keys ?? initialExpanded), open])]);
                  select(next);
                }
              }}
            />
          ) : (
            <Card>
              <EmptyState title={t.orgUnits.selectHint} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
