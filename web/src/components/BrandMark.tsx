/** The product's emblem: a gold star on a red disc with a laurel ring. */
export function BrandMark({ size = 40 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" role="img" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="31" fill="#a4161a" stroke="#f5c542" strokeWidth="2" />
      <circle cx="32" cy="32" r="25" fill="none" stroke="#f5c542" strokeWidth="1" strokeDasharray="2 3" />
      <path
        fill="#f5c542"
        d="M32 13.5l4.6 13.2h14l-11.3 8.3 4.3 13.3L32 40.1l-11.6 8.2 4.3-13.3-11.3-8.3h14z"
      />
    </svg>
  );
}
