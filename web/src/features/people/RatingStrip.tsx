import { Flex, Tooltip, Typography } from 'antd';
import type { RatingLevel } from '../../app/i18n';
import { useT } from '../../app/language';
import { RATING_COLORS } from '../../components/RatingTag';
import { currentYear } from '../../lib/dates';

const YEARS_SHOWN = 10;

/** The last ten years at a glance, one cell a year coloured by rating level; gaps stay visible. */
export function RatingStrip({ ratings }: { ratings: readonly { year: number; level: RatingLevel }[] }) {
  const t = useT();
  const byYear = new Map(ratings.map((r) => [r.year, r.level]));
  const last = Math.max(currentYear() - 1, ...ratings.map((r) => r.year));
  const years = Array.from({ length: YEARS_SHOWN }, (_, i) => last - YEARS_SHOWN + 1 + i);

  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t.person.ratings.strip}</Typography.Text>
      <div className="vd-rating-strip" role="list" aria-label={t.person.ratings.strip}>
        {years.map((year) => {
          const level = byYear.get(year);
          if (!level) {
            return (
              <Tooltip key={year} title={`${year}: ${t.person.ratings.noRating}`}>
                <div role="listitem" className="vd-rating-cell vd-rating-cell-empty">
                  <strong>{year}</strong>—
                </div>
              </Tooltip>
            );
          }
          const c = RATING_COLORS[level];
          return (
            <Tooltip key={year} title={`${year}: ${t.ratingLevels[level]}`}>
              <div
                role="listitem"
                className="vd-rating-cell"
                style={{ background: c.bg, color: c.fg, borderColor: c.border }}
              >
                <strong>{year}</strong>
                {t.ratingLevelsShort[level]}
              </div>
            </Tooltip>
          );
        })}
      </div>
    </Flex>
  );
}
