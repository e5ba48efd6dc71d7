/**
 * An aggregate as three pure functions (the "decider" pattern): the write side loads a
 * stream, folds it with `evolve` from `initialState()`, asks `decide` what happens (or
 * throws a DomainError), and appends the result. No I/O here, so every rule is tested
 * without a database.
 */
export interface Decider<State, Command, Event> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** Folds events into state. */
export function fold<State, Event>(
  decider: Pick<Decider<State, unknown, Event>, 'evolve' | 'initialState'>,
  events: Iterable<Event>,
): State {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
