#!/usr/bin/env bash
# The whole test suite (README "Testing"): starts Kafka and PostgreSQL when they are not
# running, builds, type-checks, lints, then runs unit, integration, broker-restart and
# end-to-end specs against the real components. Exits non-zero on any failure.
# Optional arguments pick phases: static unit int chaos e2e web browser (default: all).
set -uo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
phases=("${@:-static unit int chaos e2e web browser}")
phases=" ${phases[*]} "
results="$PAYFORWARD_CACHE/test-results"
rm -rf "$results" && mkdir -p "$results"
failed=()

step() { # name command...
  local name=$1; shift
  echo; echo "==> $name"
  if ! "$@"; then failed+=("$name"); fi
}
jest() { # name extra-args...
  local name=$1; shift
  step "$name" env NODE_OPTIONS=--experimental-vm-modules node node_modules/jest/bin/jest.js \
    --ci --json --outputFile="$results/$name.json" "$@"
}

bash infra/up.sh || { echo "infrastructure did not start"; exit 1; }
step build npx nx run-many -t build --output-style=static
if [[ $phases == *" static "* ]]; then
  step typecheck npx tsc -p tsconfig.json --noEmit
  step lint bash -c 'npx nx show projects >/dev/null && npx eslint apps libs'
fi
[[ $phases == *" unit "* ]] && jest unit --selectProjects unit
# Integration specs share the broker; the broker-restart spec stops it, so it runs alone.
[[ $phases == *" int "* ]] && jest int --selectProjects int --maxWorkers=2 --testPathIgnorePatterns broker-restart
[[ $phases == *" chaos "* ]] && jest chaos --selectProjects int --runInBand --testPathPatterns broker-restart
[[ $phases == *" e2e "* ]] && jest e2e --selectProjects e2e --runInBand
# The web client: component tests (vitest, jsdom; its JSON report counts in the summary below) ...
[[ $phases == *" web "* ]] && step web npm run test -w @payforward/web -- --reporter=default --reporter=json --outputFile.json="$results/web.json"
# ... and the browser journey in Debian's Chromium against a whole stack. A fresh machine (CI, as root) installs it here.
if [[ $phases == *" browser "* ]]; then
  if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    echo "==> installing chromium (apt-get)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || echo "chromium could not be installed"
  fi
  jest browser --selectProjects browser --runInBand
fi

# One closing line for all phases, in the plain "N passed, N failed" form.
node -e '
  const fs = require("fs"); let p = 0, f = 0, suites = 0;
  for (const file of fs.readdirSync(process.argv[1])) {
    const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + file, "utf8"));
    p += r.numPassedTests; f += r.numFailedTests; suites += r.numFailedTestSuites;
    f += r.numRuntimeErrorTestSuites ?? 0;
  }
  console.log(`\nsummary: suites with failures: ${suites}`);
  console.log(`${p} passed, ${f} failed`);
' "$results"
if ((${#failed[@]})); then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all phases passed"
