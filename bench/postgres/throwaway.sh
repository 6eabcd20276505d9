# A throwaway PostgreSQL cluster for the benchmarks (sourced, not run). Same recipe as .ci/run: initdb refuses root, so the
# cluster belongs to the postgres user; fsync is off because it is thrown away. Settings are a modest production server's
# on SSD (shared_buffers 1 GB, random_page_cost 1.1), so plans are the ones a real host would choose.
#
#   pg_throwaway_start PORT DIR   starts a cluster in DIR/pg on 127.0.0.1:PORT and sets PG_URL (Npgsql form, no database)
#   pg_throwaway_stop             stops it and deletes its files; safe to call twice (the runners call it from their trap)

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

pg_throwaway_start() {
  local port=$1 dir=$2
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$PG_BIN" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; return 1; }
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is taken" >&2; return 1; fi
  PG_DIR="$dir/pg"
  mkdir -p "$PG_DIR"
  chmod o+x "$dir"   # the postgres user must reach its data directory inside the run's folder
  chown postgres "$PG_DIR"; chmod 700 "$PG_DIR"
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -w -l "$PG_DIR/log" -o "-p $port -c listen_addresses=127.0.0.1 -k $PG_DIR \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 \
    -c shared_buffers=1GB -c effective_cache_size=4GB -c random_page_cost=1.1 -c work_mem=16MB \
    -c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3" start >/dev/null
  PG_URL="Host=127.0.0.1;Port=$port;Username=postgres"
  echo "throwaway PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $port ($PG_DIR)"
}

pg_throwaway_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
  PG_DIR=
}
