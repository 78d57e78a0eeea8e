import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The division list read independently of the platform's own CSV loader, so that tests compare
 * what the graph returns with the data file itself rather than with the code under test.
 */
export function divisionsFromFile(): { level: string; code: string; name: string; parent: string }[] {
  const text = readFileSync(join(__dirname, '..', '..', 'subgraphs', 'kit', 'data', 'tianjin-divisions.csv'), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [level, code, name, parent] = line.trim().split(',');
      return { level, code, name, parent };
    });
}
