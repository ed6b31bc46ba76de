/** The machine a run measured, so numbers from different machines are never mixed up. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  node: string;
  chromium: string;
  /** How busy the machine was while measuring (others may share it). */
  load?: string;
}

function readOr(file: string, fallback: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

export function describeMachine(chromium: string): Machine {
  const cpuinfo = readOr('/proc/cpuinfo', '');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const release = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readOr('/etc/os-release', ''))?.[1];
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: model.trim(),
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${release ?? os.type()} (kernel ${os.release()}, ${os.arch()})`,
    node: process.version,
    chromium,
  };
}
