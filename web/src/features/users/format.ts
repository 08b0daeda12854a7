import dayjs from 'dayjs';

/** A moment as dd/mm/yyyy HH:mm in the browser's time; null when there is none. */
export const dateTime = (iso: string | null | undefined): string | null =>
  iso ? dayjs(iso).format('DD/MM/YYYY HH:mm') : null;
