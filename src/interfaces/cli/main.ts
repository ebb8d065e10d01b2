import 'reflect-metadata';
import { ConfigError, loadConfig } from '../../infrastructure/config/config';
import { parseArgs } from './cli-command';
import { CLI_COMMANDS } from './commands';

function help(): string {
  return ['Usage: npm run cli -- <command> [args] [--flags]', '', ...CLI_COMMANDS.map((c) => `  ${c.usage.padEnd(48)} ${c.description}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { words, flags } = parseArgs(argv);
  const command = CLI_COMMANDS.filter((c) => c.name.every((w, i) => words[i] === w)).sort((a, b) => b.name.length - a.name.length)[0];
  if (!command || flags.help) {
    process.stdout.write(`${help()}\n`);
    return command || flags.help ? 0 : 2;
  }
  const config = loadConfig();
  return command.run(words.slice(command.name.length), flags, config);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
