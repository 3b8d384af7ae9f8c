#!/usr/bin/env bash
# What the CI templates in ci/ call: a conformance run (whole, or one shard of a sharded one), or the merge of
# the shards into one report. The Allure history travels through a folder the CI system keeps between
# pipelines, so the report's trend carries on; the job's exit status is the kit's (0 nothing failed,
# 1 a requirement failed, 2 usage or set-up error, 3 kit error), also when keeping the history fails.
#
#   ci/run-offloadkit.sh run            OFFLOADKIT_SHARD unset: the whole run, with the report
#                                       OFFLOADKIT_SHARD=K/N:   shard K of N into $OFFLOADKIT_OUT/shard-K, no report
#   ci/run-offloadkit.sh merge          every $OFFLOADKIT_OUT/shard-* into $OFFLOADKIT_OUT, with the report
#
# Environment (all optional):
#   OFFLOADKIT_DUT        the adapter, as --dut takes it (default: reference)
#   OFFLOADKIT_CLASSPATH  the adapter's jars, as --classpath takes them
#   OFFLOADKIT_SUITE      the suite, as --suite takes it (default: full)
#   OFFLOADKIT_SHARD      K/N for one of N parallel jobs
#   OFFLOADKIT_OUT        the output folder (default: offloadkit-out)
#   OFFLOADKIT_HISTORY    the folder the CI system caches between pipelines (default: offloadkit-history)
#   OFFLOADKIT            the kit's command (default: the ./offloadkit launcher beside this script)
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
kit=${OFFLOADKIT:-"$here/../offloadkit"}
out=${OFFLOADKIT_OUT:-offloadkit-out}
history=${OFFLOADKIT_HISTORY:-offloadkit-history}

usage() {
  sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

# Runs the kit with the report's history restored from, and saved back to, the CI's cached folder.
with_history() {
  mkdir -p "$out/report/history"
  if [ -d "$history" ]; then
    cp -R "$history/." "$out/report/history/"
  fi
  # shellcheck disable=SC2086 # OFFLOADKIT may be a command with arguments
  $kit "$@"
  local status=$?
  if [ -d "$out/report/history" ]; then
    mkdir -p "$history" && cp -R "$out/report/history/." "$history/" \
      || echo "run-offloadkit: could not keep the report history in $history" >&2
  fi
  return $status
}

command=${1:-}
case "$command" in
  run)
    args=(run --dut "${OFFLOADKIT_DUT:-reference}" --suite "${OFFLOADKIT_SUITE:-full}")
    if [ -n "${OFFLOADKIT_CLASSPATH:-}" ]; then
      args+=(--classpath "$OFFLOADKIT_CLASSPATH")
    fi
    if [ -n "${OFFLOADKIT_SHARD:-}" ]; then
      # shellcheck disable=SC2086
      exec $kit "${args[@]}" --shard "$OFFLOADKIT_SHARD" --out "$out/shard-${OFFLOADKIT_SHARD%%/*}" --no-report
    fi
    with_history "${args[@]}" --out "$out"
    ;;
  merge)
    shards=("$out"/shard-*)
    if [ ! -d "${shards[0]}" ]; then
      echo "run-offloadkit: no shard folders in $out (expected $out/shard-K from 'run' with OFFLOADKIT_SHARD=K/N)" >&2
      exit 2
    fi
    with_history merge --out "$out" "${shards[@]}"
    ;;
  -h|--help|help)
    usage
    ;;
  *)
    usage >&2
    exit 2
    ;;
esac
