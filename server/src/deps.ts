import type { Config } from './config';
import type { Db, DbKind } from './db/client';
import type { Clock } from './lib/clock';

/** What services need from the outside world; built once in main.ts, or per test. */
export interface Deps {
  db: Db;
  dbKind: DbKind;
  clock: Clock;
  config: Pick<Config, 'sessionSecret' | 'webDist' | 'filesDir' | 'filesMaxBytes' | 'filesAllowedTypes'> &
    Partial<Pick<Config, 'trustProxy' | 'sessionIdleMinutes' | 'sessionMaxHours'>> & {
      /** how far the people list counts its matches (default `PEOPLE_COUNT_CAP`); benchmarks and tests vary it */
      peopleCountCap?: number;
    };
}
