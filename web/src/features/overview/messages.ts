/** Strings of the overview page: the greeting and the to-do list ("Việc cần làm"). */
import type { TodoItem, TodoKind } from '../../../../contract/todo';
import type { Dictionary } from '../../app/language';

/** A kind's short title and the label of its button. */
type KindWords = Record<TodoKind, { title: string; action: string }>;

const num = (n: unknown, locale: string) =>
  typeof n === 'number' ? n.toLocaleString(locale) : String(n ?? '');

const vi = {
  overview: {
    greeting: (name: string) => `Xin chào, ${name}`,
    intro: 'Đây là không gian làm việc về thi đua, khen thưởng của đơn vị bạn.',
    scope: 'Phạm vi dữ liệu',
    todoTitle: 'Việc cần làm',
    todoHint: 'Những việc đang chờ bạn trong phạm vi của mình, việc gấp nhất trước.',
    nothingTitle: 'Không có việc cần làm',
    nothingHint: 'Mọi việc trong phạm vi của bạn đã xong. Hệ thống sẽ báo ở đây khi có việc mới.',
    councilTitle: 'Chưa có phiên họp nào cần bỏ phiếu',
    councilHint:
      'Khi Hội đồng Thi đua – Khen thưởng mở phiên họp xét khen thưởng, phiếu của bạn sẽ chờ ở đây.',
    refresh: 'Làm mới',
    whereMost: 'Nhiều nhất ở',
    open: 'Mở',
    kinds: {
      ratings_missing: { title: 'Đánh giá, xếp loại cuối năm', action: 'Xem danh sách' },
      newly_eligible: { title: 'Mới đủ điều kiện khen thưởng', action: 'Xem người đủ điều kiện' },
      jobs_failed: { title: 'Công việc nền bị lỗi', action: 'Xem công việc nền' },
      jobs_ready: { title: 'Kết quả sẵn sàng tải về', action: 'Tải kết quả' },
      jobs_failed_scope: { title: 'Công việc nền bị lỗi trong phạm vi', action: 'Xem công việc nền' },
      logins_throttled: { title: 'Đăng nhập bị tạm khóa', action: 'Xem' },
      audit_chain: { title: 'Chuỗi băm nhật ký hoạt động', action: 'Mở nhật ký hoạt động' },
      eligibility_store: { title: 'Kết quả xét điều kiện đã lưu', action: 'Mở thiết lập quy tắc' },
    } satisfies KindWords,
    /** The item's sentence: the server's own in Vietnamese. */
    sentence: (item: TodoItem): string => item.text,
    unitCount: (n: number) => `${n.toLocaleString('vi-VN')} người`,
  },
};

export const overviewMessages = {
  vi,
  en: {
    overview: {
      greeting: (name: string) => `Hello, ${name}`,
      intro: "This is your unit's workspace for emulation and commendation.",
      scope: 'Data scope',
      todoTitle: 'To do',
      todoHint: 'What is waiting for you within your scope, most urgent first.',
      nothingTitle: 'Nothing to do',
      nothingHint: 'Everything in your scope is done. New work will show up here.',
      councilTitle: 'No council session awaits your vote',
      councilHint: 'When the Emulation & Commendation Council opens a session, your ballot will wait here.',
      refresh: 'Refresh',
      whereMost: 'Most in',
      open: 'Open',
      kinds: {
        ratings_missing: { title: 'Year-end ratings', action: 'See the list' },
        newly_eligible: { title: 'Newly eligible for an award', action: 'See who is eligible' },
        jobs_failed: { title: 'Background jobs failed', action: 'See background jobs' },
        jobs_ready: { title: 'Results ready to download', action: 'Download' },
        jobs_failed_scope: { title: 'Background jobs failed in your scope', action: 'See background jobs' },
        logins_throttled: { title: 'Sign-in locked', action: 'See' },
        audit_chain: { title: 'Activity log hash chain', action: 'Open the activity log' },
        eligibility_store: { title: 'Stored eligibility results', action: 'Open rule settings' },
      },
      sentence: (item: TodoItem): string => {
        const p = item.params;
        const n = num(item.count, 'en');
        switch (item.kind) {
          case 'ratings_missing':
            return item.role === 'head'
              ? `${n} people of your unit have no year-end rating for ${num(p.year, 'en')} yet: follow up and approve the results.`
              : `${n} people have no year-end rating for ${num(p.year, 'en')} yet.`;
          case 'newly_eligible':
            return item.role === 'head'
              ? `${n} people have newly become eligible for an award for ${num(p.year, 'en')}: review and sign the proposals.`
              : `${n} people have newly become eligible to be proposed for an award for ${num(p.year, 'en')}.`;
          case 'jobs_failed':
            return `${n} of your background jobs failed in the last ${num(p.days, 'en')} days.`;
          case 'jobs_ready':
            return `${n} background jobs finished; their files are ready to download.`;
          case 'jobs_failed_scope':
            return `${n} background jobs failed in the last ${num(p.hours, 'en')} hours.`;
          case 'logins_throttled':
            return `${num(p.accounts, 'en')} accounts are locked out after too many wrong passwords${p.usernames ? ` (${String(p.usernames)})` : ''}; ${num(p.addresses, 'en')} network addresses are blocked.`;
          case 'audit_chain':
            return p.state === 'broken'
              ? `The activity log hash chain is broken from entry no. ${num(p.seq, 'en')}: check it at once.`
              : p.state === 'never'
                ? 'The whole activity log hash chain has never been verified.'
                : `The activity log hash chain was last verified in full on ${String(p.date)}: verify it again.`;
          case 'eligibility_store':
            return p.state === 'not_built'
              ? 'The stored eligibility results have not been built: the eligible list is judged on every view.'
              : p.state === 'updating'
                ? `The stored eligibility results are being updated (${num(p.stalePeople, 'en')} people waiting).`
                : p.state === 'outdated'
                  ? 'The stored eligibility results no longer follow the current settings or rules: recompute them.'
                  : 'The stored eligibility results were not judged as of today.';
          default:
            return item.text;
        }
      },
      unitCount: (n: number) => `${n.toLocaleString('en')} people`,
    },
  },
} satisfies Dictionary<typeof vi>;
