import { signed } from './ledger.reasons.js';
import { BADGES, LEVELS, LIMITS, RULE_IDS, RULEBOOK } from './rulebook.js';

/**
 * The README's rulebook table, rendered from the rulebook itself (a unit spec checks the
 * README contains exactly this), so the documented numbers are the ones in force.
 */
export function renderRulebookTable(): string {
  const rows = RULE_IDS.map((id) => {
    const rule = RULEBOOK[id];
    const points = rule.points === null ? 'varies' : rule.createsEntry ? signed(rule.points) : '0 (no entry)';
    const traits = [rule.capped ? 'daily cap' : '', rule.decays ? '1/k' : ''].filter(Boolean).join(', ') || '—';
    return `| \`${rule.id}\` | ${rule.version} | ${points} | ${traits} | ${rule.description} |`;
  });
  return [
    '| rule | version | points | limits | when |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    `- **Daily cap**: at most ${LIMITS.dailyHelpCap} points per member per UTC day from the rules marked "daily cap", applied in event-time order; a trimmed line says so.`,
    `- **1/k**: the k-th completion between the same two members (either direction) within ${LIMITS.pairDecayDays} days earns 1/k of the points, rounded down.`,
    `- **Flags** (no points by themselves): a reciprocal pair (A helps B and B helps A within ${LIMITS.reciprocalDays} days); a burst (more than ${LIMITS.burstCompletionsPerDay} completions by one mentor in a UTC day).`,
    `- **Pay it forward** looks back ${LIMITS.payForwardMonths} calendar months; the rated bonus needs a seeker rating of ${LIMITS.bonusRating} or more.`,
    `- **Levels**: ${LEVELS.map((l) => (Number.isFinite(l.minScore) ? `${l.name} (≥ ${l.minScore})` : `${l.name} (below that)`)).join(', ')}.`,
    `- **Badges**: ${BADGES.map((b) => `${b.name} (${b.description})`).join(', ')}.`,
  ].join('\n');
}
