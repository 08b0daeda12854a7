import { DOCUMENT_KINDS, type DocumentKind } from '../../../../contract/documents';

export { DOCUMENT_KINDS, type DocumentKind };

export interface DocumentKindSpec {
  /** the type of document as its title says it */
  nameVi: string;
  /**
   * The type's symbol in the notation ("12/LL-UBND"). Decree 30/2020 Appendix III lists neither a
   * "lý lịch" nor a "danh sách"; these are the house symbols, kept here in one place.
   */
  typeSymbol: string;
  orientation: 'portrait' | 'landscape';
}

export const DOCUMENT_KIND_SPECS: Record<DocumentKind, DocumentKindSpec> = {
  commendation_record: { nameVi: 'Lý lịch khen thưởng', typeSymbol: 'LL', orientation: 'portrait' },
  eligible_list: {
    nameVi: 'Danh sách đủ điều kiện đề nghị khen thưởng',
    typeSymbol: 'DS',
    orientation: 'landscape',
  },
};
