import type { FormInstance } from 'antd';
import { ApiError, detailField } from './api';

/**
 * Puts the server's validation messages next to the fields they concern. Returns the message to show
 * above the form when something could not be attached to a field (or null when everything was).
 * The server's own message already summarises every detail, so it is shown as it is.
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  knownFields: readonly string[],
  /** Where a "duplicate" answer without details belongs (e.g. the year of a yearly rating). */
  duplicateField?: string,
): string | null {
  if (!(error instanceof ApiError)) return 'Đã có lỗi hệ thống. Vui lòng thử lại sau.';
  if (error.code === 'duplicate' && error.details.length === 0 && duplicateField) {
    form.setFields([{ name: duplicateField, errors: [error.message] }]);
    return null;
  }
  const byField = new Map<string, string[]>();
  let unattached = error.details.length === 0;
  for (const detail of error.details) {
    const field = detailField(detail.path);
    if (knownFields.includes(field)) byField.set(field, [...(byField.get(field) ?? []), detail.message]);
    else unattached = true;
  }
  if (byField.size > 0) form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unattached ? error.message : null;
}
