// Runs only the marketplace benchmark and prints its rows: `node apps/bench/dist/marketplace/run-marketplace-bench.js [rounds] [seconds]`.
import { runMarketplaceBench } from './marketplace.bench.js';

const [rounds = '3', seconds = '2'] = process.argv.slice(2);
const rows = await runMarketplaceBench({ rounds: Number(rounds), seconds: Number(seconds), progress: (m) => process.stderr.write(`  ${m}\n`) });
for (const r of rows) process.stdout.write(`${r.group} | ${r.contender} | ${Math.round(r.median)} ${r.unit} | ${r.ratio ?? ''}\n`);
