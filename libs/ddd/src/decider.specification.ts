import type { Decider } from './decider.js';

/**
 * Given/when/then for deciders: `spec(decider).given(events).when(command).then(events)`
 * or `.thenThrows(matcher)`. Framework-free so it works in any test runner: `then` returns
 * the produced events and throws a descriptive error on mismatch.
 */
export function spec<State, Command, Event>(decider: Decider<State, Command, Event>) {
  return {
    given(events: Event[]) {
      return {
        when(command: Command) {
          const run = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
          return {
            /** The events the command produced, for assertions with the test runner's matchers. */
            events: (): Event[] => run(),
            /** Runs the command and returns the thrown error (fails if none was thrown). */
            error: (): unknown => {
              try {
                const produced = run();
                throw new SpecificationError(`expected the command to be refused, but it produced ${JSON.stringify(produced)}`);
              } catch (error) {
                if (error instanceof SpecificationError) throw error;
                return error;
              }
            },
          };
        },
      };
    },
  };
}

class SpecificationError extends Error {}
