-- The working-day calendar as built in (server/src/domain/calendar/data.ts): 2025 and 2026 decided,
-- 2027 provisional. A year already present is left as it is (an administrator's edits rule).
-- calendar.test.ts checks that these rows equal the built-in data.
INSERT INTO calendar_years (year, status, holidays, working_saturdays, notes) VALUES
(2025, 'decided',
$cal$[
  {"date":"2025-01-01","name":"Tết Dương lịch","source":"Bộ luật Lao động 2019, Điều 112 khoản 1"},
  {"date":"2025-01-27","name":"Tết Nguyên đán Ất Tỵ (28 tháng Chạp)","source":"Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (Thủ tướng đồng ý nghỉ 9 ngày); Bộ Nội vụ: nghỉ từ 25/1 đến hết 2/2/2025"},
  {"date":"2025-01-28","name":"Tết Nguyên đán Ất Tỵ (29 tháng Chạp)","source":"Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (Thủ tướng đồng ý nghỉ 9 ngày); Bộ Nội vụ: nghỉ từ 25/1 đến hết 2/2/2025"},
  {"date":"2025-01-29","name":"Tết Nguyên đán Ất Tỵ (mùng 1)","source":"Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (Thủ tướng đồng ý nghỉ 9 ngày); Bộ Nội vụ: nghỉ từ 25/1 đến hết 2/2/2025"},
  {"date":"2025-01-30","name":"Tết Nguyên đán Ất Tỵ (mùng 2)","source":"Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (Thủ tướng đồng ý nghỉ 9 ngày); Bộ Nội vụ: nghỉ từ 25/1 đến hết 2/2/2025"},
  {"date":"2025-01-31","name":"Tết Nguyên đán Ất Tỵ (mùng 3)","source":"Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (Thủ tướng đồng ý nghỉ 9 ngày); Bộ Nội vụ: nghỉ từ 25/1 đến hết 2/2/2025"},
  {"date":"2025-04-07","name":"Giỗ Tổ Hùng Vương (10/3 âm lịch)","source":"Bộ luật Lao động 2019, Điều 112 khoản 1"},
  {"date":"2025-04-30","name":"Ngày Chiến thắng (30/4)","source":"Bộ luật Lao động 2019, Điều 112 khoản 1"},
  {"date":"2025-05-01","name":"Ngày Quốc tế Lao động (1/5)","source":"Bộ luật Lao động 2019, Điều 112 khoản 1"},
  {"date":"2025-05-02","name":"Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)","source":"Thông báo hoán đổi ngày làm việc: nghỉ thứ Sáu 2/5/2025, làm bù thứ Bảy 26/4/2025 (VietnamPlus)"},
  {"date":"2025-09-01","name":"Quốc khánh (ngày liền kề 2/9)","source":"Bộ Nội vụ: nghỉ từ thứ Bảy 30/8 đến hết thứ Ba 2/9/2025"},
  {"date":"2025-09-02","name":"Quốc khánh (2/9)","source":"Bộ Nội vụ: nghỉ từ thứ Bảy 30/8 đến hết thứ Ba 2/9/2025"}
]$cal$::jsonb,
$cal$[
  {"date":"2025-04-26","name":"Làm bù cho thứ Sáu 2/5/2025","source":"Thông báo hoán đổi ngày làm việc: nghỉ thứ Sáu 2/5/2025, làm bù thứ Bảy 26/4/2025 (VietnamPlus)"}
]$cal$::jsonb,
$cal$Đã quyết định. Tết Ất Tỵ nghỉ 9 ngày (25/1–2/2/2025); dịp 30/4–1/5 nghỉ 5 ngày (30/4–4/5/2025), hoán đổi thứ Sáu 2/5 sang thứ Bảy 26/4; Quốc khánh nghỉ 4 ngày (30/8–2/9/2025) theo phương án Bộ Nội vụ (chưa đọc được thông báo cuối cùng của Thủ tướng). Ngày 24/11 (Ngày Văn hóa Việt Nam) KHÔNG được tính là ngày nghỉ: Bộ Chính trị đã chủ trương lấy ngày này làm ngày nghỉ có hưởng lương và Chính phủ (Nghị quyết 30/NQ-CP) giao sửa khoản 1 Điều 112 Bộ luật Lao động, nhưng đến ngày 26/02/2026 quy định này chưa có hiệu lực (CHƯA CHẮC CHẮN). Khi luật được sửa, quản trị viên thêm ngày này vào danh sách ngày nghỉ.$cal$),
(2026, 'decided',
$cal$[
  {"date":"2026-01-01","name":"Tết Dương lịch","source":"Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ: nghỉ từ 1/1 đến hết 4/1/2026, hoán đổi thứ Sáu 2/1/2026 sang thứ Bảy 10/1/2026"},
  {"date":"2026-01-02","name":"Nghỉ hoán đổi (làm bù thứ Bảy 10/1/2026)","source":"Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ: nghỉ từ 1/1 đến hết 4/1/2026, hoán đổi thứ Sáu 2/1/2026 sang thứ Bảy 10/1/2026"},
  {"date":"2026-02-16","name":"Tết Nguyên đán Bính Ngọ (29 tháng Chạp)","source":"Lịch nghỉ Tết Bính Ngọ của cán bộ, công chức, viên chức: từ thứ Bảy 14/2 đến hết Chủ nhật 22/2/2026"},
  {"date":"2026-02-17","name":"Tết Nguyên đán Bính Ngọ (mùng 1)","source":"Lịch nghỉ Tết Bính Ngọ của cán bộ, công chức, viên chức: từ thứ Bảy 14/2 đến hết Chủ nhật 22/2/2026"},
  {"date":"2026-02-18","name":"Tết Nguyên đán Bính Ngọ (mùng 2)","source":"Lịch nghỉ Tết Bính Ngọ của cán bộ, công chức, viên chức: từ thứ Bảy 14/2 đến hết Chủ nhật 22/2/2026"},
  {"date":"2026-02-19","name":"Tết Nguyên đán Bính Ngọ (mùng 3)","source":"Lịch nghỉ Tết Bính Ngọ của cán bộ, công chức, viên chức: từ thứ Bảy 14/2 đến hết Chủ nhật 22/2/2026"},
  {"date":"2026-02-20","name":"Tết Nguyên đán Bính Ngọ (mùng 4)","source":"Lịch nghỉ Tết Bính Ngọ của cán bộ, công chức, viên chức: từ thứ Bảy 14/2 đến hết Chủ nhật 22/2/2026"},
  {"date":"2026-04-26","name":"Giỗ Tổ Hùng Vương (10/3 âm lịch), trùng Chủ nhật","source":"Giỗ Tổ trùng Chủ nhật 26/4/2026, nghỉ bù thứ Hai 27/4/2026"},
  {"date":"2026-04-27","name":"Nghỉ bù: Giỗ Tổ Hùng Vương trùng Chủ nhật 26/4/2026","source":"Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù); Giỗ Tổ trùng Chủ nhật 26/4/2026, nghỉ bù thứ Hai 27/4/2026"},
  {"date":"2026-04-30","name":"Ngày Chiến thắng (30/4)","source":"Bộ luật Lao động 2019, Điều 112 khoản 1"},
  {"date":"2026-05-01","name":"Ngày Quốc tế Lao động (1/5)","source":"Bộ luật Lao động 2019, Điều 112 khoản 1"},
  {"date":"2026-08-31","name":"Nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026)","source":"Lịch nghỉ Quốc khánh 2026: từ thứ Bảy 29/8 đến hết thứ Tư 2/9/2026, hoán đổi thứ Hai 31/8 sang thứ Bảy 22/8/2026"},
  {"date":"2026-09-01","name":"Quốc khánh (ngày liền kề 2/9)","source":"Lịch nghỉ Quốc khánh 2026: từ thứ Bảy 29/8 đến hết thứ Tư 2/9/2026, hoán đổi thứ Hai 31/8 sang thứ Bảy 22/8/2026"},
  {"date":"2026-09-02","name":"Quốc khánh (2/9)","source":"Lịch nghỉ Quốc khánh 2026: từ thứ Bảy 29/8 đến hết thứ Tư 2/9/2026, hoán đổi thứ Hai 31/8 sang thứ Bảy 22/8/2026"}
]$cal$::jsonb,
$cal$[
  {"date":"2026-01-10","name":"Làm bù cho thứ Sáu 2/1/2026","source":"Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ: nghỉ từ 1/1 đến hết 4/1/2026, hoán đổi thứ Sáu 2/1/2026 sang thứ Bảy 10/1/2026"},
  {"date":"2026-08-22","name":"Làm bù cho thứ Hai 31/8/2026","source":"Lịch nghỉ Quốc khánh 2026: từ thứ Bảy 29/8 đến hết thứ Tư 2/9/2026, hoán đổi thứ Hai 31/8 sang thứ Bảy 22/8/2026"}
]$cal$::jsonb,
$cal$Đã quyết định. Tết Dương lịch nghỉ 4 ngày (1/1–4/1/2026), làm bù thứ Bảy 10/1; Tết Bính Ngọ nghỉ 9 ngày (14/2–22/2/2026); Giỗ Tổ trùng Chủ nhật 26/4, nghỉ bù thứ Hai 27/4; dịp 30/4–1/5 nghỉ 4 ngày (30/4–3/5/2026); Quốc khánh nghỉ 5 ngày (29/8–2/9/2026), làm bù thứ Bảy 22/8. Ngày 24/11 (Ngày Văn hóa Việt Nam) KHÔNG được tính là ngày nghỉ: Bộ Chính trị đã chủ trương lấy ngày này làm ngày nghỉ có hưởng lương và Chính phủ (Nghị quyết 30/NQ-CP) giao sửa khoản 1 Điều 112 Bộ luật Lao động, nhưng đến ngày 26/02/2026 quy định này chưa có hiệu lực (CHƯA CHẮC CHẮN). Khi luật được sửa, quản trị viên thêm ngày này vào danh sách ngày nghỉ.$cal$),
(2027, 'provisional',
$cal$[
  {"date":"2027-01-01","name":"Tết Dương lịch","source":"Bộ luật Lao động 2019, Điều 112 khoản 1"},
  {"date":"2027-02-05","name":"Tết Nguyên đán Đinh Mùi (29 tháng Chạp)","source":"Bộ luật Lao động 2019, Điều 112 khoản 1; ngày dương lịch tính theo thuật toán âm lịch Hồ Ngọc Đức, múi giờ UTC+7","assumption":"Giả định: 01 ngày cuối năm Bính Ngọ và 04 ngày đầu năm Đinh Mùi. Bộ luật chỉ quy định 05 ngày Tết; các ngày nghỉ cụ thể (và việc hoán đổi) do Thủ tướng Chính phủ quyết định hằng năm."},
  {"date":"2027-02-06","name":"Tết Nguyên đán Đinh Mùi (mùng 1)","source":"Bộ luật Lao động 2019, Điều 112 khoản 1; ngày dương lịch tính theo thuật toán âm lịch Hồ Ngọc Đức, múi giờ UTC+7","assumption":"Giả định: 01 ngày cuối năm Bính Ngọ và 04 ngày đầu năm Đinh Mùi. Bộ luật chỉ quy định 05 ngày Tết; các ngày nghỉ cụ thể (và việc hoán đổi) do Thủ tướng Chính phủ quyết định hằng năm."},
  {"date":"2027-02-07","name":"Tết Nguyên đán Đinh Mùi (mùng 2)","source":"Bộ luật Lao động 2019, Điều 112 khoản 1; ngày dương lịch tính theo thuật toán âm lịch Hồ Ngọc Đức, múi giờ UTC+7","assumption":"Giả định: 01 ngày cuối năm Bính Ngọ và 04 ngày đầu năm Đinh Mùi. Bộ luật chỉ quy định 05 ngày Tết; các ngày nghỉ cụ thể (và việc hoán đổi) do Thủ tướng Chính phủ quyết định hằng năm."},
  {"date":"2027-02-08","name":"Tết Nguyên đán Đinh Mùi (mùng 3)","source":"Bộ luật Lao động 2019, Điều 112 khoản 1; ngày dương lịch tính theo thuật toán âm lịch Hồ Ngọc Đức, múi giờ UTC+7","assumption":"Giả định: 01 ngày cuối năm Bính Ngọ và 04 ngày đầu năm Đinh Mùi. Bộ luật chỉ quy định 05 ngày Tết; các ngày nghỉ cụ thể (và việc hoán đổi) do Thủ tướng Chính phủ quyết định hằng năm."},
  {"date":"2027-02-09","name":"Tết Nguyên đán Đinh Mùi (mùng 4)","source":"Bộ luật Lao động 2019, Điều 112 khoản 1; ngày dương lịch tính theo thuật toán âm lịch Hồ Ngọc Đức, múi giờ UTC+7","assumption":"Giả định: 01 ngày cuối năm Bính Ngọ và 04 ngày đầu năm Đinh Mùi. Bộ luật chỉ quy định 05 ngày Tết; các ngày nghỉ cụ thể (và việc hoán đổi) do Thủ tướng Chính phủ quyết định hằng năm."},
  {"date":"2027-02-10","name":"Nghỉ bù: Tết Nguyên đán Đinh Mùi (mùng 1) trùng Thứ Bảy 6/2/2027","source":"Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù)","assumption":"Giả định: 01 ngày cuối năm Bính Ngọ và 04 ngày đầu năm Đinh Mùi. Bộ luật chỉ quy định 05 ngày Tết; các ngày nghỉ cụ thể (và việc hoán đổi) do Thủ tướng Chính phủ quyết định hằng năm."},
  {"date":"2027-02-11","name":"Nghỉ bù: Tết Nguyên đán Đinh Mùi (mùng 2) trùng Chủ nhật 7/2/2027","source":"Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù)","assumption":"Giả định: 01 ngày cuối năm Bính Ngọ và 04 ngày đầu năm Đinh Mùi. Bộ luật chỉ quy định 05 ngày Tết; các ngày nghỉ cụ thể (và việc hoán đổi) do Thủ tướng Chính phủ quyết định hằng năm."},
  {"date":"2027-04-16","name":"Giỗ Tổ Hùng Vương (10/3 âm lịch)","source":"Bộ luật Lao động 2019, Điều 112 khoản 1; ngày dương lịch tính theo thuật toán âm lịch Hồ Ngọc Đức, múi giờ UTC+7"},
  {"date":"2027-04-30","name":"Ngày Chiến thắng (30/4)","source":"Bộ luật Lao động 2019, Điều 112 khoản 1"},
  {"date":"2027-05-01","name":"Ngày Quốc tế Lao động (1/5)","source":"Bộ luật Lao động 2019, Điều 112 khoản 1"},
  {"date":"2027-05-03","name":"Nghỉ bù: Ngày Quốc tế Lao động (1/5) trùng Thứ Bảy 1/5/2027","source":"Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù)"},
  {"date":"2027-09-02","name":"Quốc khánh (2/9)","source":"Bộ luật Lao động 2019, Điều 112 khoản 1"},
  {"date":"2027-09-03","name":"Quốc khánh (ngày liền kề 2/9)","source":"Bộ luật Lao động 2019, Điều 112 khoản 1","assumption":"Giả định: ngày liền kề là 3/9/2027 (Thứ Sáu), chọn để nối với ngày nghỉ cuối tuần như thông lệ các năm 2021–2026. Bộ luật cho chọn ngày liền kề trước hoặc sau 2/9; Thủ tướng Chính phủ quyết định."}
]$cal$::jsonb,
'[]'::jsonb,
$cal$Năm tạm tính: chưa có quyết định của Thủ tướng Chính phủ về lịch nghỉ lễ, Tết năm 2027 của cán bộ, công chức, viên chức. Lịch được dựng theo Bộ luật Lao động 2019 (Điều 112 khoản 1: 11 ngày nghỉ lễ, Tết; Điều 111 khoản 3: nghỉ bù khi ngày lễ trùng ngày nghỉ hằng tuần); chưa có ngày hoán đổi, làm bù. Ngày âm lịch tính theo thuật toán của Hồ Ngọc Đức (múi giờ UTC+7). Các ngày có ghi "Giả định" là lựa chọn của hệ thống khi luật để ngỏ. Ngày 24/11 (Ngày Văn hóa Việt Nam) KHÔNG được tính là ngày nghỉ: Bộ Chính trị đã chủ trương lấy ngày này làm ngày nghỉ có hưởng lương và Chính phủ (Nghị quyết 30/NQ-CP) giao sửa khoản 1 Điều 112 Bộ luật Lao động, nhưng đến ngày 26/02/2026 quy định này chưa có hiệu lực (CHƯA CHẮC CHẮN). Khi luật được sửa, quản trị viên thêm ngày này vào danh sách ngày nghỉ. Khi có quyết định, cập nhật các ngày nghỉ, ngày làm bù và chuyển năm sang "Đã quyết định".$cal$)
ON CONFLICT (year) DO NOTHING;
