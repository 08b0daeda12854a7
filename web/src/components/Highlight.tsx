import { findFolded } from '../lib/text';

/** Marks the accent-insensitive match of `query` inside `text`. */
export function Highlight({ text, query }: { text: string; query: string }) {
  const range = findFolded(text, query);
  if (!range) return <>{text}</>;
  const chars = Array.from(text.normalize('NFC'));
  return (
    <>
      {chars.slice(0, range[0]).join('')}
      <mark className="vd-highlight">{chars.slice(range[0], range[1]).join('')}</mark>
      {chars.slice(range[1]).join('')}
    </>
  );
}
