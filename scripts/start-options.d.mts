/** Types of start-options.mjs, for the tests that import it. */
export declare const DEFAULT_PORT: number;
export declare const DEFAULT_HOST: string;
export declare const SANDBOX_URL_ENV: string;
export declare const START_USAGE: string;
export declare class StartOptionsError extends Error {}
export interface StartOptions {
  port: number;
  host: string;
  help: boolean;
  /** What sandbox/main.ts is started with. */
  sandboxArgs: string[];
}
export declare function parseStartArgs(argv: string[]): StartOptions;
export declare function devBaseUrl(host: string, port: number): string;
export declare function portProblem(port: number, host?: string): Promise<string | null>;
export declare function describeListenError(
  error: NodeJS.ErrnoException,
  port: number,
  host?: string,
): string;
export declare function useStdinThatNeverEnds(
  options: { forward: boolean },
  proc?: { stdin: NodeJS.ReadableStream },
): NodeJS.ReadableStream;
