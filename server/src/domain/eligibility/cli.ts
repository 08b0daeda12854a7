/**
 * `vinhdanh eligibility check FILE`: reads one case or an array of cases from a JSON file and prints the
 * verdict(s) as JSON on stdout. Exit code 0 also when a verdict is "not eligible"; 2 for a missing or
 * unreadable file, bad JSON or an invalid case (a clear Vietnamese and English error on stderr).
 */
import { readFile } from 'node:fs/promises';
import { evaluateAll, type EvaluateOptions } from './engine';
import { EligibilityInputError } from './errors';
import { parseCases } from './parse-case';

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

export interface CliOptions {
  /** Today (yyyy-mm-dd): years later than today's year are rejected. Not checked when absent. */
  today?: string;
  /** Rule sets and setting overrides (default: the shipped rule sets, default settings). */
  engine?: EvaluateOptions;
}

function printError(io: CliIo, e: EligibilityInputError, english: string): void {
  io.stderr(`Lỗi [${e.code}]: ${e.message}\nError [${e.code}]: ${english}\n`);
  for (const d of e.details) io.stderr(`  - ${d.path}: ${d.message}\n`);
}

export async function runEligibilityCheck(
  filePath: string,
  io: CliIo,
  opts: CliOptions = {},
): Promise<number> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const missing = code === 'ENOENT';
    io.stderr(
      missing
        ? `Lỗi [file_not_found]: không tìm thấy tệp "${filePath}"\nError [file_not_found]: file not found: ${filePath}\n`
        : `Lỗi [file_not_found]: không đọc được tệp "${filePath}" (${code ?? 'lỗi đọc tệp'})\nError [file_not_found]: cannot read ${filePath}: ${(e as Error).message}\n`,
    );
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    io.stderr(
      `Lỗi [invalid_json]: tệp "${filePath}" không phải JSON hợp lệ: ${(e as Error).message}\nError [invalid_json]: ${filePath} is not valid JSON: ${(e as Error).message}\n`,
    );
    return 2;
  }
  try {
    const { cases, single } = parseCases(input, {
      today: opts.today,
      ruleSets: opts.engine?.ruleSets,
    });
    const verdicts = evaluateAll(cases, opts.engine);
    io.stdout(`${JSON.stringify(single ? verdicts[0] : verdicts, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof EligibilityInputError) {
      const n = e.details.length;
      printError(
        io,
        e,
        e.code === 'invalid_setting'
          ? `invalid eligibility setting (${n} problem${n === 1 ? '' : 's'})`
          : `invalid eligibility case in ${filePath} (${n} problem${n === 1 ? '' : 's'})`,
      );
      return 2;
    }
    throw e;
  }
}
