import { Flex, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../app/language';
import { api, type AwardSummary } from '../../lib/api';
import { useAsync } from '../../lib/use-async';
import { awardOptionGroups, matchesAward, type AwardOption, type AwardOptionGroup } from './award-options';

/** The catalogue changes only with a new release: one request for the life of the page. */
let catalogue: Promise<AwardSummary[]> | undefined;
function loadCatalogue(): Promise<AwardSummary[]> {
  if (!catalogue) {
    catalogue = api.catalogue().then((r) => r.items);
    catalogue.catch(() => (catalogue = undefined));
  }
  return catalogue;
}

/**
 * Picks a title or form of commendation from the catalogue: names in the chosen language grouped by level
 * and kind, the code shown small beside each; typing searches without diacritics.
 */
export function AwardPicker({
  value,
  onChange,
  id,
}: {
  /** the chosen code; one already recorded stays on offer while the entry is corrected */
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}) {
  const t = useT();
  const { data, loading, error } = useAsync(() => loadCatalogue(), []);
  const groups = useMemo(
    () =>
      awardOptionGroups(
        data ?? [],
        {
          award: t.awardNames,
          kinds: t.eligibility.kinds,
          levels: t.eligibility.levels,
          other: t.person.awards.notInCatalogue,
        },
        value ? [value] : [],
      ),
    [data, t, value],
  );
  return (
    <Select<string, AwardOption | AwardOptionGroup>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={groups}
      loading={loading}
      status={error ? 'error' : undefined}
      placeholder={t.person.awards.pickPlaceholder}
      notFoundContent={error ? error.message : t.person.awards.noMatch}
      showSearch={{
        filterOption: (input, option) =>
          matchesAward(input, option && 'search' in option ? option : undefined),
      }}
      optionRender={(option) => (
        <Flex justify="space-between" gap={8} align="baseline">
          <span style={{ whiteSpace: 'normal' }}>{option.data.label}</span>
          {'code' in option.data && (
            <Typography.Text type="secondary" style={{ fontSize: 11, flexShrink: 0 }}>
              {option.data.code}
            </Typography.Text>
          )}
        </Flex>
      )}
      listHeight={320}
      popupMatchSelectWidth
      className="vd-award-picker"
    />
  );
}
