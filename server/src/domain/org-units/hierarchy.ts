import type { ORG_UNIT_KINDS } from '../../../../contract/api';

type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/**
 * Which kinds of unit may sit directly under which: the shape of a city's apparatus after the two-tier
 * reform (Luật Tổ chức chính quyền địa phương 2025; district level abolished from 01/7/2025, kept for the
 * units that existed before). A city is only ever a root.
 */
export const CHILD_KINDS: Readonly<Record<OrgUnitKind, readonly OrgUnitKind[]>> = {
  city: ['department', 'district', 'commune', 'ward', 'enterprise', 'mass_org', 'public_service'],
  department: ['department', 'public_service', 'enterprise'],
  district: ['department', 'commune', 'ward', 'public_service'],
  commune: ['public_service', 'mass_org', 'enterprise'],
  ward: ['public_service', 'mass_org', 'enterprise'],
  mass_org: ['mass_org'],
  public_service: ['public_service'],
  enterprise: ['enterprise'],
};

export const mayContain = (parent: OrgUnitKind, child: OrgUnitKind): boolean =>
  CHILD_KINDS[parent].includes(child);
