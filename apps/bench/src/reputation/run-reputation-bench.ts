// Runs only the reputation benchmark and prints its rows:
// `node apps/bench/dist/reputation/run-reputation-bench.js [rounds] [events] [lagSeconds]`.
import { runReputationBench } from './reputation.bench.js';

const [rounds = '3', events = '6000', lagSeconds = '3'] = process.argv.slice(2);
const rows = await runReputationBench({ rounds: Number(rounds), events: Number(events), lagSeconds: Number(lagSeconds), progress: (m) => process.stderr.write(`  ${m}\n`) });
for (const r of rows) process.stdout.write(`${r.group} | ${r.contender} | ${Math.round(r.median)} ${r.unit} | ${r.ratio ?? ''}\n`);
