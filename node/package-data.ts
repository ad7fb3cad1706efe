import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder (where data/ lives), from the compiled or the source tree. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('finloc: cannot find the package folder (data/ is missing)');
}

/** A file of the package's data/ folder (the Livret A and ECB histories). */
export function bundledDataPath(name: string): string {
  return join(packageRoot(), 'data', name);
}
