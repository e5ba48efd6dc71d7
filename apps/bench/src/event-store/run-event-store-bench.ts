// Runs only the event-store benchmark and prints its rows: `node apps/bench/dist/event-store/run-event-store-bench.js [rounds] [seconds]`.
import { runEventStoreBench } from './event-store.bench.js';

const [rounds = '3', seconds = '3'] = process.argv.slice(2);
const rows = await runEventStoreBench({ rounds: Number(rounds), seconds: Number(seconds), progress: (m) => process.stderr.write(`  ${m}\n`) });
for (const r of rows) process.stdout.write(`${r.group} | ${r.contender} | ${Math.round(r.median)} ${r.unit} | ${r.ratio ?? ''}\n`);
