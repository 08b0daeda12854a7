/** Strings of the sign-in page. */
import type { Dictionary } from '../../app/language';

const vi = {
  auth: {
    title: 'Đăng nhập hệ thống',
    hint: 'Sử dụng tài khoản do đơn vị cấp.',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    usernameRequired: 'Vui lòng nhập tên đăng nhập',
    passwordRequired: 'Vui lòng nhập mật khẩu',
    submit: 'Đăng nhập',
    logout: 'Đăng xuất',
    tagline: 'Ghi nhận đúng người, đúng việc, kịp thời và công khai.',
    features: [
      'Hồ sơ thành tích của từng cán bộ, công chức, viên chức, người lao động',
      'Cơ cấu tổ chức sau sắp xếp đơn vị hành chính 2025',
      'Tra cứu nhanh, không cần gõ dấu',
    ],
  },
};

export const authMessages = {
  vi,
  en: {
    auth: {
      title: 'Sign in',
      hint: 'Use the account issued by your unit.',
      username: 'Username',
      password: 'Password',
      usernameRequired: 'Please enter your username',
      passwordRequired: 'Please enter your password',
      submit: 'Sign in',
      logout: 'Sign out',
      tagline: 'Recognising the right people for the right work, promptly and openly.',
      features: [
        'Achievement records of every official, civil servant, public employee and worker',
        'Organisation structure after the 2025 administrative reorganisation',
        'Fast search without typing diacritics',
      ],
    },
  },
} satisfies Dictionary<typeof vi>;
