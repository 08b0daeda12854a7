/** Builds and searches the organisation tree from the flat list of units in scope. */
import type { OrgUnit } from './api';
import { fold, viCollator } from './text';

export interface UnitNode {
  unit: OrgUnit;
  children: UnitNode[];
}

/** A unit whose validity has ended (merged into another during a reorganisation). */
export function isHistorical(unit: Pick<OrgUnit, 'validTo'>): boolean {
  return unit.validTo !== null;
}

/** Siblings are grouped by kind in this order (departments before wards and communes, and so on). */
const KIND_ORDER: Record<OrgUnit['kind'], number> = {
  city: 0,
  department: 1,
  mass_org: 2,
  public_service: 3,
  enterprise: 4,
  ward: 5,
  commune: 6,
  district: 7,
};

/** Active units first, then by kind, then by Vietnamese collation of the name. */
export function compareUnits(a: OrgUnit, b: OrgUnit): number {
  return (
    Number(isHistorical(a)) - Number(isHistorical(b)) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    viCollator.compare(a.name, b.name)
  );
}

/**
 * Roots are units whose parent is not in the list (the user's own unit is the root of their scope).
 * Historical units are left out unless `includeHistorical`.
 */
export function buildTree(units: readonly OrgUnit[], includeHistorical = true): UnitNode[] {
  const visible = includeHistorical ? units : units.filter((u) => !isHistorical(u));
  const nodes = new Map<string, UnitNode>(visible.map((u) => [u.id, { unit: u, children: [] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => compareUnits(a.unit, b.unit));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Whether a unit's name, short name or code matches an accent-insensitive query. */
export function unitMatches(unit: OrgUnit, foldedQuery: string): boolean {
  if (!foldedQuery) return true;
  return [unit.name, unit.shortName ?? '', unit.code].some((s) => fold(s).includes(foldedQuery));
}

/**
 * Keeps the nodes that match and the ancestors leading to them. Returns the pruned tree and the keys
 * of the ancestors to expand so every match is visible.
 */
export function filterTree(
  roots: UnitNode[],
  query: string,
): { roots: UnitNode[]; expand: string[]; matches: number } {
  const foldedQuery = fold(query.trim());
  if (!foldedQuery) return { roots, expand: [], matches: 0 };
  const expand: string[] = [];
  let matches = 0;
  const walk = (list: UnitNode[]): UnitNode[] => {
    const kept: UnitNode[] = [];
    for (const node of list) {
      const children = walk(node.children);
      const self = unitMatches(node.unit, foldedQuery);
      if (self) matches += 1;
      if (self || children.length > 0) {
        if (children.length > 0) expand.push(node.unit.id);
        kept.push({ unit: node.unit, children });
      }
    }
    return kept;
  };
  return { roots: walk(roots), expand, matches };
}

/** The ids from a root down to (not including) the unit. */
export function pathTo(units: readonly OrgUnit[], id: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const path: string[] = [];
  let current = byId.get(id)?.parentId ?? null;
  const seen = new Set<string>();
  while (current && byId.has(current) && !seen.has(current)) {
    seen.add(current);
    path.unshift(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return path;
}
