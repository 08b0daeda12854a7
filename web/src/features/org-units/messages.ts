/** Strings of the organisation pages. */
import type { Dictionary } from '../../app/language';

const vi = {
  orgUnits: {
    title: 'Cơ cấu tổ chức',
    description: 'Các cơ quan, đơn vị trong phạm vi quản lý của bạn.',
    searchPlaceholder: 'Tìm đơn vị, không cần gõ dấu',
    showHistorical: 'Hiện đơn vị đã sáp nhập',
    merged: 'Đã sáp nhập',
    noMatch: 'Không có đơn vị nào phù hợp',
    empty: 'Chưa có đơn vị nào trong phạm vi của bạn',
    selectHint: 'Chọn một đơn vị ở cây bên trái để xem thông tin chi tiết.',
    count: (n: number) => `${n} đơn vị`,
    name: 'Tên đơn vị',
    shortName: 'Tên viết tắt',
    code: 'Mã đơn vị',
    kind: 'Loại hình',
    parent: 'Trực thuộc',
    validFrom: 'Hoạt động từ',
    validTo: 'Hoạt động đến',
    validToOpen: 'Đang hoạt động',
    lineage: 'Quá trình sắp xếp',
    mergedFrom: 'Hình thành từ việc sáp nhập',
    mergedInto: 'Đã sáp nhập vào',
    noLineage: 'Đơn vị không có thay đổi về sắp xếp, sáp nhập.',
    peopleCount: 'Số cán bộ, người lao động',
    viewPeople: 'Xem danh sách',
    headPerson: 'Thủ trưởng đơn vị',
    historicalNotice: (date: string) => `Đơn vị đã kết thúc hoạt động từ ngày ${date}.`,
    readOnly: 'Đơn vị tiền thân · chỉ xem',
    readOnlyHint:
      'Đơn vị này đã sáp nhập vào đơn vị bạn quản lý: bạn xem được thông tin và quá trình sắp xếp, nhưng không sửa được.',
    actions: {
      addChild: 'Thêm đơn vị trực thuộc',
      edit: 'Sửa',
      close: 'Đóng đơn vị',
      merge: 'Sáp nhập vào…',
    },
    form: {
      createTitle: (parent: string) => `Thêm đơn vị trực thuộc ${parent}`,
      editTitle: 'Sửa thông tin đơn vị',
      parent: 'Trực thuộc',
      code: 'Mã đơn vị',
      codeHint: 'Chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới; không trùng mã đơn vị khác.',
      codePattern: 'Chỉ dùng chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới',
      name: 'Tên đơn vị',
      shortName: 'Tên viết tắt',
      kind: 'Loại hình',
      kindHint: 'Chỉ gồm các loại được phép đặt dưới đơn vị cấp trên.',
      validFrom: 'Hoạt động từ ngày',
      headPerson: 'Thủ trưởng đơn vị',
      headPlaceholder: 'Gõ tên người thuộc đơn vị',
      headHint: 'Chỉ chọn được người đang thuộc chính đơn vị này.',
      created: 'Đã thêm đơn vị',
      saved: 'Đã lưu thông tin đơn vị',
    },
    close: {
      title: (name: string) => `Đóng đơn vị "${name}"`,
      blocked: (people: number, units: number) =>
        `Chưa đóng được: đơn vị còn ${people} cán bộ và ${units} đơn vị trực thuộc đang hoạt động.`,
      blockedHint:
        'Hãy chuyển công tác các cán bộ và chuyển hoặc đóng các đơn vị trực thuộc trước; hoặc dùng "Sáp nhập vào…" để chuyển tất cả sang một đơn vị khác.',
      date: 'Ngày kết thúc hoạt động (ngày cuối cùng)',
      explain: (date: string) =>
        `Sau ngày ${date}, đơn vị không nhận thêm cán bộ hay đơn vị trực thuộc; thông tin và lịch sử của đơn vị vẫn được giữ.`,
      ok: 'Đóng đơn vị',
      done: 'Đã đóng đơn vị',
    },
    merge: {
      title: (name: string) => `Sáp nhập "${name}" vào đơn vị khác`,
      target: 'Sáp nhập vào đơn vị',
      targetPlaceholder: 'Chọn đơn vị nhận sáp nhập',
      date: 'Ngày sáp nhập (ngày có hiệu lực)',
      willHappen: 'Khi sáp nhập:',
      people: (n: number, target: string, date: string) =>
        n === 0
          ? 'Đơn vị không có cán bộ nào cần chuyển.'
          : `${n} cán bộ chuyển sang ${target} từ ngày ${date}; chức vụ không phải lãnh đạo tiếp tục tại ${target}, chức vụ lãnh đạo tại đơn vị cũ kết thúc.`,
      units: (n: number, target: string) =>
        n === 0
          ? 'Không có đơn vị trực thuộc đang hoạt động cần chuyển.'
          : `${n} đơn vị trực thuộc (cùng các đơn vị cấp dưới) chuyển về trực thuộc ${target}.`,
      ends: (name: string, last: string, target: string) =>
        `${name} kết thúc hoạt động ngày ${last} và được ghi là đã sáp nhập vào ${target}.`,
      irreversible: 'Không thể hoàn tác thao tác này.',
      ok: 'Sáp nhập',
      done: (n: number, target: string) => `Đã sáp nhập vào ${target}; ${n} cán bộ đã được chuyển.`,
    },
  },
};

export const orgUnitsMessages = {
  vi,
  en: {
    orgUnits: {
      title: 'Organisation',
      description: 'The agencies and units within your scope.',
      searchPlaceholder: 'Search units, diacritics optional',
      showHistorical: 'Show merged units',
      merged: 'Merged',
      noMatch: 'No unit matches',
      empty: 'There are no units in your scope',
      selectHint: 'Select a unit in the tree to see its details.',
      count: (n: number) => (n === 1 ? '1 unit' : `${n} units`),
      name: 'Name',
      shortName: 'Short name',
      code: 'Code',
      kind: 'Kind',
      parent: 'Part of',
      validFrom: 'Active from',
      validTo: 'Active until',
      validToOpen: 'Active',
      lineage: 'Reorganisation',
      mergedFrom: 'Formed by merging',
      mergedInto: 'Merged into',
      noLineage: 'This unit has no merger history.',
      peopleCount: 'People',
      viewPeople: 'View list',
      headPerson: 'Head of unit',
      historicalNotice: (date: string) => `This unit ceased to exist on ${date}.`,
      readOnly: 'Predecessor · read only',
      readOnlyHint:
        'This unit was merged into a unit you manage: you can see its details and history, but not change them.',
      actions: {
        addChild: 'Add sub-unit',
        edit: 'Edit',
        close: 'Close unit',
        merge: 'Merge into…',
      },
      form: {
        createTitle: (parent: string) => `Add a sub-unit of ${parent}`,
        editTitle: 'Edit unit',
        parent: 'Part of',
        code: 'Code',
        codeHint: 'Letters without diacritics, digits, dots, hyphens or underscores; unique among units.',
        codePattern: 'Use letters without diacritics, digits, dots, hyphens and underscores only',
        name: 'Name',
        shortName: 'Short name',
        kind: 'Kind',
        kindHint: 'Only the kinds allowed under the parent unit.',
        validFrom: 'Active from',
        headPerson: 'Head of unit',
        headPlaceholder: 'Type the name of someone in the unit',
        headHint: 'Only people of this very unit can be chosen.',
        created: 'Unit added',
        saved: 'Unit saved',
      },
      close: {
        title: (name: string) => `Close "${name}"`,
        blocked: (people: number, units: number) =>
          `Cannot close yet: the unit still has ${people} people and ${units} active sub-units.`,
        blockedHint:
          'Transfer the people and move or close the sub-units first, or use "Merge into…" to move everything to another unit.',
        date: 'Last day of activity',
        explain: (date: string) =>
          `After ${date} the unit takes no new people or sub-units; its details and history are kept.`,
        ok: 'Close unit',
        done: 'Unit closed',
      },
      merge: {
        title: (name: string) => `Merge "${name}" into another unit`,
        target: 'Merge into',
        targetPlaceholder: 'Choose the receiving unit',
        date: 'Merger date (takes effect)',
        willHappen: 'The merger will:',
        people: (n: number, target: string, date: string) =>
          n === 0
            ? 'No people to transfer.'
            : `Transfer ${n} people to ${target} from ${date}; positions other than leadership continue in ${target}, leadership positions in the old unit end.`,
        units: (n: number, target: string) =>
          n === 0
            ? 'No active sub-units to move.'
            : `Move ${n} active sub-units (with their own sub-units) under ${target}.`,
        ends: (name: string, last: string, target: string) =>
          `End ${name} on ${last}, recorded as merged into ${target}.`,
        irreversible: 'This cannot be undone.',
        ok: 'Merge',
        done: (n: number, target: string) => `Merged into ${target}; ${n} people transferred.`,
      },
    },
  },
} satisfies Dictionary<typeof vi>;
