#!/usr/bin/env bash
# The whole pipeline on this machine, no Docker: embedded Kafka, MariaDB and/or S3, the producer and
# the sink as separate processes. `./run-local.sh --help` for the options.
set -euo pipefail
started_at="$(date +%s%3N)"
cd "$(dirname "$0")"

# Build what is missing or older than its sources (the first run fetches Maven and the dependencies).
# (local-run/target/classpath.txt is rewritten by every package of the reactor, after the service jars)
stamp=local-run/target/classpath.txt
needs_build() {
  local artifact
  for artifact in "$stamp" producer-service/target/producer-service.jar sink-service/target/sink-service.jar \
      local-run/target/local-run.jar; do
    [[ -e "$artifact" ]] || return 0
  done
  [[ -n "$(find shared-model test-support producer-service sink-service local-run pom.xml \
      \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$stamp" -print -quit)" ]]
}

elapsed() { printf '[%5.1fs]' "$(( $(date +%s%3N) - started_at ))e-3"; }

# logs and data of this run (LOCAL_RUN_DIR moves them, e.g. for tests); the last run's are removed
run_dir="${LOCAL_RUN_DIR:-$PWD/.local-run}"
help=
case " $* " in
  *" --help "*|*" -h "*) help=1 ;;
  *) rm -rf "$run_dir" && mkdir -p "$run_dir" ;;
esac

if needs_build; then
  # a line per module as Maven gets to it; all of Maven's output in the build log, shown on failure
  mkdir -p "$run_dir" && build_log="$run_dir/build.log"
  echo "$(elapsed) building the services (./mvnw package -DskipTests; the first build fetches Maven and the dependencies)"
  if ! ./mvnw -B -ntp -pl local-run,producer-service,sink-service -am package -DskipTests 2>&1 | tee "$build_log" \
      | sed -nu 's/^\[INFO\] Building \([a-z-]*\) .*\(\[[0-9]*\/[0-9]*\]\)$/  building \1 \2/p'; then
    tail -n 40 "$build_log"
    echo "run-local: the build failed; its whole output is in $build_log" >&2
    exit 1
  fi
fi
[[ -n "$help" ]] || echo "$(elapsed) starting the launcher (local-run/target/local-run.jar)"

export LOCAL_RUN_STARTED_AT="$started_at"
exec java -Duserstream.home="$PWD" -Duserstream.run-dir="$run_dir" -Dlog4j2.configurationFile=local-run-log4j2.xml -cp "local-run/target/local-run.jar:$(cat local-run/target/classpath.txt)" \
  dev.userstream.local.LocalPipeline "$@"
