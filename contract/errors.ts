/** Stable error codes shared by the server and the web client, with the Vietnamese message shown to users. */
export const ERROR_MESSAGES = {
  validation_failed: 'Dữ liệu gửi lên không hợp lệ.',
  invalid_json: 'Nội dung gửi lên không phải JSON hợp lệ.',
  unauthenticated: 'Bạn cần đăng nhập để tiếp tục.',
  invalid_credentials: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  too_many_attempts: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.',
  forbidden: 'Bạn không có quyền thực hiện thao tác này.',
  csrf_rejected: 'Yêu cầu bị từ chối vì đến từ một trang web khác.',
  not_found: 'Không tìm thấy dữ liệu yêu cầu.',
  version_conflict: 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại rồi thử lại.',
  duplicate: 'Dữ liệu đã tồn tại.',
  username_taken: 'Tên đăng nhập đã được sử dụng.',
  org_unit_cycle: 'Không thể đặt một đơn vị làm cấp trên của chính nó hoặc của đơn vị cấp trên nó.',
  org_unit_has_children: 'Đơn vị còn đơn vị trực thuộc.',
  invalid_date_range: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.',
  year_in_future: 'Năm không được ở tương lai.',
  invalid_case: 'Hồ sơ kiểm tra điều kiện không hợp lệ.',
  invalid_setting: 'Giá trị thiết lập không hợp lệ.',
  payload_too_large: 'Nội dung gửi lên quá lớn.',
  unsupported_media_type: 'Chỉ nhận nội dung dạng JSON.',
  internal_error: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.',
  too_many_jobs:
    'Bạn đang có quá nhiều công việc nền chưa xong. Vui lòng chờ một công việc kết thúc hoặc hủy bớt.',
  job_not_ready: 'Công việc chưa hoàn thành hoặc không có tệp kết quả.',
  job_finished: 'Công việc đã kết thúc, không thể hủy.',
  job_failed: 'Công việc gặp lỗi khi chạy. Vui lòng thử lại hoặc báo quản trị hệ thống.',
  job_interrupted: 'Công việc bị gián đoạn nhiều lần vì máy chủ dừng khi đang chạy, nên đã dừng hẳn.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ErrorDetail {
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}
