import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * A sequencer that starts the given files first, in the order given, then the rest in vitest's own order. On a clean
 * clone vitest has no timings and starts the largest files first; a short file with a long simulation then starts
 * last and one worker idles while the other finishes it. `slow` lists the files CI measured longest (paths relative
 * to the repository, slowest first); a file not listed simply runs in vitest's order.
 */
export function slowFirst(slow: readonly string[]) {
  const rank = (spec: TestSpecification) => {
    const path = spec.moduleId.replaceAll('\\', '/');
    const index = slow.findIndex((file) => path.endsWith(`/${file}`));
    return index === -1 ? slow.length : index;
  };
  return class SlowFirstSequencer extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      // Array.prototype.sort is stable: files not listed keep vitest's order among themselves.
      return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
    }
  };
}
