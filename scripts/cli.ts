// What every command-line script shares: a main(argv, io, env) that returns the exit code, so tests run it in-process
// (each script is also started for real once in its test), and the start-up that runs it when node runs the file.
import path from "node:path";
import { pathToFileURL } from "node:url";

export type CliIo = { stdout: (text: string) => void; stderr: (text: string) => void };
export type CliMain = (argv: string[], io: CliIo, env: NodeJS.ProcessEnv) => Promise<number>;

const processIo: CliIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

/** Run `main` with the process's arguments when this module is the script node was started with (not when imported). */
export async function runAsScript(moduleUrl: string, main: CliMain, cleanUp: () => Promise<void> = async () => {}) {
  if (!process.argv[1] || pathToFileURL(path.resolve(process.argv[1])).href !== moduleUrl) return;
  process.exitCode = await main(process.argv.slice(2), processIo, process.env).finally(cleanUp);
}

/** For tests: an io that keeps what a script printed. */
export function capturedIo(): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return { stdout: (text) => void (out += text), stderr: (text) => void (err += text), out: () => out, err: () => err };
}
