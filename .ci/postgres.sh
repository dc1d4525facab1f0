# A throwaway PostgreSQL server for the tests, sourced by .ci/run.
#
# start_throwaway_postgres installs the Debian package when no initdb can be found, runs
# initdb as an unprivileged user (through runuser) in a private directory, starts the
# server on 127.0.0.1 at a free port with its socket in that directory, and exports:
#   WORKBENCH_TEST_PG_URL  the URL of an empty database the tests may use
#   WORKBENCH_TEST_PG_CTL  the command (a pg_ctl -D DATA) that restarts it for the
#                          reliability tests
# An EXIT trap stops the server and removes the directory, whatever the tests did.

PG_OS_USER=workbench-pg
PG_ROLE=workbench
PG_DATABASE=workbench_test

pg_bindir() {
    local initdb
    initdb=$(command -v initdb || true)
    if [ -z "$initdb" ]; then
        initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
    fi
    [ -n "$initdb" ] && dirname "$(readlink -f "$initdb")"
}

install_postgres() {
    echo "ci: no initdb found: installing PostgreSQL from the Debian packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql-common >/dev/null
    # No default cluster on port 5432: ours is private and stops with the run.
    sed -i -E 's/^#?[[:space:]]*create_main_cluster.*/create_main_cluster = false/' \
        /etc/postgresql-common/createcluster.conf
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

stop_throwaway_postgres() {
    local status=$?
    if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
        if [ -f "$PG_DIR/data/postmaster.pid" ]; then
            runuser -u "$PG_OS_USER" -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w \
                stop >/dev/null 2>&1 || true
        fi
        if [ "$status" -ne 0 ] && [ -f "$PG_DIR/server.log" ]; then
            echo "ci: last lines of the PostgreSQL log:" >&2
            tail -n 20 "$PG_DIR/server.log" >&2
        fi
        rm -rf "$PG_DIR"
    fi
    return "$status"
}

start_throwaway_postgres() {
    PG_BIN=$(pg_bindir || true)
    if [ -z "$PG_BIN" ]; then
        install_postgres
        PG_BIN=$(pg_bindir)
    fi
    id -u "$PG_OS_USER" >/dev/null 2>&1 ||
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
            "$PG_OS_USER"
    PG_DIR=$(mktemp -d /tmp/workbench-pg.XXXXXX)
    trap stop_throwaway_postgres EXIT
    mkdir "$PG_DIR/socket"
    local password port
    password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
    printf '%s\n' "$password" >"$PG_DIR/password"
    chown -R "$PG_OS_USER" "$PG_DIR"
    chmod 700 "$PG_DIR" "$PG_DIR/socket"
    (
        cd "$PG_DIR"
        runuser -u "$PG_OS_USER" -- "$PG_BIN/initdb" -D "$PG_DIR/data" -U "$PG_ROLE" \
            --auth=scram-sha-256 --pwfile="$PG_DIR/password" -E UTF8 --locale=C.UTF-8 \
            --no-sync >"$PG_DIR/initdb.log" 2>&1
    ) || { cat "$PG_DIR/initdb.log" >&2; return 1; }
    rm "$PG_DIR/password"
    port=$(free_port)
    cat >>"$PG_DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$PG_DIR/socket'
max_connections = 200
CONF
    (cd "$PG_DIR" && runuser -u "$PG_OS_USER" -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" \
        -l "$PG_DIR/server.log" -w start >/dev/null)
    PGPASSWORD=$password "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U "$PG_ROLE" \
        "$PG_DATABASE"
    export WORKBENCH_TEST_PG_URL="postgresql://$PG_ROLE:$password@127.0.0.1:$port/$PG_DATABASE"
    export WORKBENCH_TEST_PG_CTL="runuser -u $PG_OS_USER -- $PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/server.log"
    echo "ci: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
}
