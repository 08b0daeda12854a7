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
  self_lockout:
    'Bạn không thể tự vô hiệu hóa tài khoản của mình hay bỏ vai trò Quản trị hệ thống của chính mình.',
  last_admin:
    'Không thể thực hiện: thành phố sẽ không còn quản trị hệ thống nào đang hoạt động. Hãy giao vai trò quản trị cho người khác trước.',
  wrong_password: 'Mật khẩu hiện tại không đúng.',
  password_change_required: 'Bạn cần đổi mật khẩu do quản trị viên cấp trước khi tiếp tục làm việc.',
  person_code_taken: 'Mã cán bộ này đã được dùng cho một người khác.',
  org_unit_cycle: 'Không thể đặt một đơn vị làm cấp trên của chính nó hoặc của đơn vị cấp trên nó.',
  org_unit_has_children: 'Đơn vị còn đơn vị trực thuộc.',
  invalid_date_range: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.',
  year_in_future: 'Năm không được ở tương lai.',
  invalid_case: 'Hồ sơ kiểm tra điều kiện không hợp lệ.',
  invalid_setting: 'Giá trị thiết lập không hợp lệ.',
  invalid_calendar_query: 'Yêu cầu tính ngày làm việc không hợp lệ.',
  calendar_date_out_of_range: 'Ngày nằm ngoài các năm đã có trong lịch làm việc.',
  invalid_calendar_year: 'Lịch làm việc của năm không hợp lệ.',
  calendar_year_exists: 'Lịch làm việc của năm này đã có.',
  payload_too_large: 'Nội dung gửi lên quá lớn.',
  unsupported_media_type: 'Chỉ nhận nội dung dạng JSON.',
  invalid_text:
    'Nội dung có ký tự không hợp lệ (ký tự NUL hoặc mã Unicode không hoàn chỉnh). Vui lòng nhập lại.',
  bad_url: 'Địa chỉ yêu cầu không hợp lệ.',
  eligibility_updating:
    'Danh sách đủ điều kiện đang được cập nhật nên chưa lọc được theo ngày; vui lòng thử lại sau ít phút.',
  as_of_out_of_range:
    'Ngày xét trước ngày có hiệu lực của bộ quy định đầu tiên mà hệ thống có; không thể xét điều kiện.',
  org_unit_kind_not_allowed: 'Loại đơn vị này không được đặt dưới đơn vị cấp trên đã chọn.',
  invalid_head_person: 'Người đứng đầu phải là người thuộc chính đơn vị này.',
  unknown_rule_set: 'Không có bộ quy định này.',
  invalid_dates: 'Ngày tháng không hợp lệ.',
  unsupported_file_type:
    'Loại tệp không được chấp nhận. Chỉ nhận tệp PDF, ảnh JPEG, PNG, WebP và tài liệu Word, Excel (DOCX, XLSX, DOC, XLS).',
  file_too_large: 'Tệp vượt quá dung lượng cho phép.',
  empty_file: 'Tệp rỗng (0 byte), không có nội dung để lưu.',
  invalid_file_name: 'Tên tệp không hợp lệ.',
  no_file: 'Chưa có tệp nào được gửi lên.',
  too_many_files: 'Gửi quá nhiều tệp trong một lần.',
  multipart_required: 'Tệp phải được gửi lên dạng multipart/form-data.',
  invalid_upload: 'Nội dung tải lên không đúng định dạng multipart/form-data.',
  upload_header_required:
    'Yêu cầu tải tệp bị từ chối: thiếu tiêu đề X-Requested-With của ứng dụng (có thể đến từ một trang web khác).',
  document_too_long:
    'Danh sách quá dài để lập thành một văn bản PDF. Hãy lọc theo đơn vị hoặc danh hiệu, hoặc dùng bản Excel.',
  org_unit_closed:
    'Đơn vị đã ngừng hoạt động (đã đóng hoặc đã sáp nhập): không nhận thêm cán bộ hay đơn vị trực thuộc.',
  org_unit_not_empty:
    'Đơn vị còn cán bộ hoặc đơn vị trực thuộc đang hoạt động: hãy chuyển đi trước khi đóng, hoặc sáp nhập đơn vị vào đơn vị khác.',
  already_in_unit: 'Cán bộ đã thuộc đơn vị được chọn.',
  position_overlap: 'Cán bộ đã giữ chức vụ này tại đơn vị này trong khoảng thời gian đó.',
  unknown_award_code: 'Danh hiệu, hình thức khen thưởng không có trong danh mục.',
  internal_error: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.',
  database_unavailable: 'Tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.',
  too_many_jobs:
    'Bạn đang có quá nhiều công việc nền chưa xong. Vui lòng chờ một công việc kết thúc hoặc hủy bớt.',
  job_not_ready: 'Công việc chưa hoàn thành hoặc không có tệp kết quả.',
  job_finished: 'Công việc đã kết thúc, không thể hủy.',
  job_failed: 'Công việc gặp lỗi khi chạy. Vui lòng thử lại hoặc báo quản trị hệ thống.',
  job_interrupted: 'Công việc bị gián đoạn nhiều lần vì máy chủ dừng khi đang chạy, nên đã dừng hẳn.',
  // Excel import of year-end ratings: problems of the whole file…
  import_not_spreadsheet: 'Tệp không phải bảng tính Excel (.xlsx). Hãy chọn tệp Excel đã lưu dạng .xlsx.',
  import_no_header:
    'Không tìm thấy dòng tiêu đề của bảng (các cột Họ và tên, Ngày sinh hoặc Mã cán bộ, Xếp loại) trong 20 dòng đầu.',
  import_missing_columns: 'Bảng thiếu cột bắt buộc: Họ và tên, Ngày sinh hoặc Mã cán bộ, Xếp loại.',
  import_duplicate_columns: 'Một cột xuất hiện hai lần trên dòng tiêu đề; hãy để lại một cột.',
  import_merged_header: 'Ô tiêu đề của bảng bị gộp nhiều cột; hãy bỏ gộp ô để mỗi cột có một tiêu đề.',
  import_too_many_rows: 'Tệp có quá nhiều dòng để nhập một lần; hãy chia thành nhiều tệp.',
  import_empty: 'Bảng không có dòng dữ liệu nào dưới dòng tiêu đề.',
  import_template_too_large:
    'Đơn vị có quá nhiều người để lập một tệp mẫu; hãy chọn đơn vị nhỏ hơn hoặc dùng "Xuất danh sách".',
  // …and of one row (the file is refused while any row is)
  import_missing_value: 'Thiếu giá trị bắt buộc.',
  import_bad_date: 'Ngày sinh không hợp lệ (cần dạng dd/mm/yyyy).',
  import_unknown_rating: 'Mức xếp loại không có trong quy định.',
  import_year_mismatch: 'Năm ghi ở dòng khác năm đang nhập.',
  import_unknown_unit: 'Không có đơn vị này trong phạm vi đang nhập.',
  import_person_not_found: 'Không tìm thấy cán bộ này trong đơn vị.',
  import_person_ambiguous: 'Có nhiều người trùng họ tên và ngày sinh; hãy ghi mã cán bộ.',
  import_code_mismatch: 'Mã cán bộ không khớp với họ tên hoặc ngày sinh.',
  import_duplicate_row: 'Một người xuất hiện ở nhiều dòng.',
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
