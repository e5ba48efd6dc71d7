import { DomainError } from '@payforward/contracts';

const MAX_PAGE = 100;

/** A list's `first` argument: the fallback when absent, refused outside 1..100. */
export const pageSize = (first: number | null | undefined, fallback: number): number => {
  const size = first ?? fallback;
  if (size < 1 || size > MAX_PAGE) throw new DomainError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE}.`, 'first');
  return size;
};
