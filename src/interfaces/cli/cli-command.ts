import { AppConfig } from '../../infrastructure/config/config';

/** An operator command: `npm run cli -- <name...> [args] [--flags]`. */
export interface CliCommand {
  /** Words that select the command, e.g. ['case', 'replay']. */
  readonly name: string[];
  readonly usage: string;
  readonly description: string;
  run(args: string[], flags: Record<string, string | boolean>, config: AppConfig): Promise<number>;
}

export function parseArgs(argv: string[]): { words: string[]; flags: Record<string, string | boolean> } {
  const words: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split('=', 2);
      if (inline !== undefined) flags[key] = inline;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) flags[key] = argv[++i];
      else flags[key] = true;
    } else words.push(arg);
  }
  return { words, flags };
}
