/** One line of a benchmark table: the median of several rounds, and its ratio to the group's baseline. */
export interface BenchRow {
  group: string;
  contender: string;
  median: number;
  unit: string;
  ratio?: string;
}
