/**
 * The scripts' command lines: Node's own `util.parseArgs` (strict: unknown options and stray arguments are errors,
 * `--flag=value` works as well as `--flag value`), with its messages ("Unknown option '--x'. To specify a
 * positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--x\"") reworded
 * the way these commands word them: `unknown option --x`, `--out needs a value`, `--quick takes no value`.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parsed flags and positionals; throws an Error with the reworded message. */
export function parseCommandLine<const O extends Options>(
  argv: readonly string[],
  options: O,
  { allowPositionals = false }: { allowPositionals?: boolean } = {},
) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals });
  } catch (error) {
    throw new Error(reworded(error));
  }
}

function reworded(error: unknown): string {
  const { code, message = String(error) } = error as { code?: string; message?: string };
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(message)?.[1];
    return argument === undefined ? message : `unexpected argument ${argument}`;
  }
  // The option as parseArgs quotes it: '--out', '--out <value>' or '-h, --help'.
  const option = /'(?:-\w, )?(--?[^' ]+)/.exec(message)?.[1];
  if (!option) return message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return /does not take an argument/.test(message) ? `${option} takes no value` : `${option} needs a value`;
  return message;
}
