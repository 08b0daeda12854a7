import { Tag } from 'antd';
import type { RatingLevel } from '../app/i18n';
import { useT } from '../app/language';

/** One colour per rating level, used by tags and the rating strip alike. */
export const RATING_COLORS: Record<RatingLevel, { tag: string; fg: string; bg: string; border: string }> = {
  HTXS: { tag: 'green', fg: '#166534', bg: '#dcfce7', border: '#86efac' },
  HTT: { tag: 'blue', fg: '#1e40af', bg: '#dbeafe', border: '#93c5fd' },
  HT: { tag: 'gold', fg: '#92400e', bg: '#fef3c7', border: '#fcd34d' },
  KHT: { tag: 'red', fg: '#991b1b', bg: '#fee2e2', border: '#fca5a5' },
};

export function RatingTag({ level, year }: { level: RatingLevel; year?: number }) {
  const t = useT();
  return (
    <Tag color={RATING_COLORS[level].tag} title={t.ratingLevels[level]} style={{ marginInlineEnd: 0 }}>
      {t.ratingLevels[level]}
      {year !== undefined && <span style={{ opacity: 0.75 }}> · {year}</span>}
    </Tag>
  );
}
