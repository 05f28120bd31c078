#!/usr/bin/env python3
"""TableData at scale: rows as code planned and applied at 1,000 / 10,000 / 100,000 rows.

For each size, against a fresh HehoLocal on loopback: apply a table with that many rows from a
CSV file (time, requests, peak memory), plan again with nothing to change (median of --repeat),
then plan an edit of 1% of the rows. Beside apply, the floor: the same row adds from a bare
threaded client (one kept-alive connection per thread, bodies made beforehand), against a fresh
server. At the sizes in --migrate, a column is then added to the table, which heho applies as a
copy-migration (back up, drop, create, restore, verify); beside it, the floor: the same calls
(read every row, drop, create, re-add every row, read) from the bare client. Nothing is
asserted; the figures are printed side by side and written to bench/out/table_data.json.

usage: bench/table_data.py --heho PATH [--rows 1000,10000,100000] [--repeat 3] [--parallelism 16]
                           [--migrate 10000]
"""
import argparse
import http.client
import json
import os
import re
import statistics
import tempfile
import time

from run import HERE, Server, floor_apply_seconds, timed_with_rss

COLUMNS = [("id", "integer", True), ("name", "text", False), ("price", "numeric", False),
           ("in_stock", "boolean", False), ("updated_at", "timestamptz", False)]


def row(index):
    return {"id": index, "name": f"Product {index}, \"{index % 7}\"", "price": index % 997 + 0.5,
            "in_stock": index % 3 != 0,
            "updated_at": f"2026-{index % 12 + 1:02d}-{index % 28 + 1:02d}T10:00:00Z"}


def csv_field(value):
    text = "true" if value is True else "false" if value is False else str(value)
    if any(c in text for c in ',"\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_repo(repo, endpoint, rows, edit_every=0, extra_column=False):
    os.makedirs(os.path.join(repo, "data"), exist_ok=True)
    with open(os.path.join(repo, "heho.yaml"), "w") as f:
        f.write("apiVersion: heho/v1\nkind: Project\nmetadata:\n  name: bench\nspec:\n"
                f"  providers:\n    heho:\n      endpoint: {endpoint}\n")
    with open(os.path.join(repo, "tables.yaml"), "w") as f:
        f.write("apiVersion: heho/v1\nkind: Table\nmetadata:\n  name: products\nspec:\n  columns:\n")
        for name, kind, key in COLUMNS:
            f.write(f"    - {{ name: {name}, type: {kind}{', primaryKey: true' if key else ''} }}\n")
        if extra_column:
            f.write("    - { name: note, type: text }\n")
        f.write("---\napiVersion: heho/v1\nkind: TableData\nmetadata:\n  name: products\n"
                "spec:\n  table: products\n  file: data/products.csv\n")
    with open(os.path.join(repo, "data", "products.csv"), "w") as f:
        f.write(",".join(name for name, _, _ in COLUMNS) + "\n")
        for index in range(rows):
            values = row(index)
            if edit_every and index % edit_every == 0:
                values["price"] += 1
            f.write(",".join(csv_field(values[name]) for name, _, _ in COLUMNS) + "\n")


def floor_adds_seconds(server, rows, parallelism):
    """The same adds from the simplest client, on a fresh server with the table made."""
    port = int(server.url.rsplit(":", 1)[1])
    headers = {"Authorization": f"Bearer {server.key}", "Content-Type": "application/json"}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    table = {"tableName": "products",
             "columns": [{"name": n, "type": t, **({"primaryKey": True} if k else {})}
                         for n, t, k in COLUMNS]}
    connection.request("POST", "/api/v1/database/tables", json.dumps(table), headers)
    connection.getresponse().read()
    connection.close()
    bodies = [json.dumps({"action": "add", "tableName": "products", "data": row(i)})
              for i in range(rows)]
    return floor_apply_seconds(server, bodies, parallelism, path="/api/v1/database/manage")


def floor_migration_seconds(server, rows, parallelism):
    """The calls a migration makes, from the simplest client, on a fresh server whose table
    holds `rows` rows (added untimed): read every row, drop, create with a column more, re-add
    every row (`parallelism` threads), read them back."""
    floor_adds_seconds(server, rows, parallelism)
    port = int(server.url.rsplit(":", 1)[1])
    headers = {"Authorization": f"Bearer {server.key}", "Content-Type": "application/json"}
    read = json.dumps({"action": "read", "tableName": "products"})
    columns = [{"name": n, "type": t, **({"primaryKey": True} if k else {})}
               for n, t, k in COLUMNS] + [{"name": "note", "type": "text"}]
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("POST", "/api/v1/database/manage", read, headers)
    data = json.loads(connection.getresponse().read())["data"]
    connection.request("DELETE", "/api/v1/database/tables",
                       json.dumps({"tableName": "products"}), headers)
    connection.getresponse().read()
    connection.request("POST", "/api/v1/database/tables",
                       json.dumps({"tableName": "products", "columns": columns}), headers)
    connection.getresponse().read()
    bodies = [json.dumps({"action": "add", "tableName": "products", "data": row}) for row in data]
    setup = time.perf_counter() - start
    adds = floor_apply_seconds(server, bodies, parallelism, path="/api/v1/database/manage")
    start = time.perf_counter()
    connection.request("POST", "/api/v1/database/manage", read, headers)
    if len(json.loads(connection.getresponse().read())["data"]) != rows:
        raise SystemExit("the floor client's migration lost rows")
    connection.close()
    return setup + adds + time.perf_counter() - start


def bench_migration(heho, rows, parallelism, workdir, repo, server, env):
    """heho's migration of `rows` rows (the whole apply, and its migrate step alone)."""
    write_repo(repo, server.url, rows, extra_column=True)
    server.reset()
    wall, mb, proc = timed_with_rss(
        [heho, "apply", "-f", repo, "--auto-approve", "--parallelism", str(parallelism)], env)
    if proc.returncode != 0 or "1 migrated" not in proc.stdout:
        raise SystemExit(f"the migration of {rows} rows failed:\n{proc.stdout[-2000:]}")
    step = re.search(r"migrate table/products \(([0-9.]+)s\)", proc.stdout)
    return {"migrate_apply_s": wall, "migrate_step_s": float(step.group(1)) if step else wall,
            "migrate_peak_mb": mb, "migrate_requests": server.metrics()["total"]}


def bench(heho, sizes, repeat, parallelism, workdir, migrate=()):
    results = []
    for rows in sizes:
        server = Server(heho, workdir)
        try:
            repo = os.path.join(workdir, f"rows-{rows}")
            write_repo(repo, server.url, rows)
            env = dict(os.environ, HEHO_API_KEY=server.key, NO_COLOR="1")
            server.reset()
            apply_s, apply_mb, proc = timed_with_rss(
                [heho, "apply", "-f", repo, "--auto-approve", "--parallelism", str(parallelism)],
                env)
            if proc.returncode != 0:
                raise SystemExit(f"apply of {rows} rows failed:\n{proc.stdout[-2000:]}")
            apply_requests = server.metrics()["total"]
            plans, mbs, requests = [], [], []
            for _ in range(repeat):
                server.reset()
                wall, mb, proc = timed_with_rss([heho, "plan", "-f", repo, "--detailed-exitcode"],
                                                env)
                if proc.returncode != 0:
                    raise SystemExit(f"plan after apply is not empty at {rows}:\n"
                                     f"{proc.stdout[-2000:]}")
                plans.append(wall)
                mbs.append(mb)
                requests.append(server.metrics()["total"])
            write_repo(repo, server.url, rows, edit_every=100)
            server.reset()
            edit_s, edit_mb, proc = timed_with_rss(
                [heho, "plan", "-f", repo, "--detailed-exitcode"], env)
            if proc.returncode != 2:
                raise SystemExit(f"the edit plan at {rows} is not a change:\n{proc.stdout[-2000:]}")
            edit_requests = server.metrics()["total"]
            migration = (bench_migration(heho, rows, parallelism, workdir, repo, server, env)
                         if rows in migrate else None)
        finally:
            server.stop()
        floor_server = Server(heho, workdir)
        try:
            floor_s = floor_adds_seconds(floor_server, rows, parallelism)
        finally:
            floor_server.stop()
        if migration:
            floor_server = Server(heho, workdir)
            try:
                migration["floor_migration_s"] = floor_migration_seconds(
                    floor_server, rows, parallelism)
            finally:
                floor_server.stop()
        results.append({"rows": rows, "migration": migration,
                        "apply_s": apply_s, "apply_requests": apply_requests,
                        "apply_peak_mb": apply_mb, "floor_adds_s": floor_s,
                        "plan_s": statistics.median(plans), "plan_peak_mb": max(mbs),
                        "plan_requests": max(requests), "edit_plan_s": edit_s,
                        "edit_plan_peak_mb": edit_mb, "edit_plan_requests": edit_requests})
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--heho", required=True)
    ap.add_argument("--rows", default="1000,10000,100000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--parallelism", type=int, default=16)
    ap.add_argument("--migrate", default="10000",
                    help="sizes at which to also migrate the table (comma-separated; '' for none)")
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="heho-bench-rows-")
    migrate = {int(s) for s in a.migrate.split(",") if s}
    results = bench(a.heho, [int(s) for s in a.rows.split(",")], a.repeat, a.parallelism, workdir,
                    migrate)
    print(f"\nTableData: one table, rows from CSV, parallelism {a.parallelism} "
          f"(plans: median of {a.repeat})")
    print(f"{'rows':>8} {'apply s':>8} {'floor s':>8} {'ratio':>6} {'requests':>9} {'MB':>7} | "
          f"{'plan s':>7} {'requests':>9} {'MB':>7} | {'edit 1% s':>9} {'MB':>7}")
    for r in results:
        print(f"{r['rows']:>8} {r['apply_s']:>8.2f} {r['floor_adds_s']:>8.2f} "
              f"{r['apply_s'] / r['floor_adds_s']:>6.2f} {r['apply_requests']:>9} "
              f"{r['apply_peak_mb']:>7.1f} | {r['plan_s']:>7.3f} {r['plan_requests']:>9} "
              f"{r['plan_peak_mb']:>7.1f} | {r['edit_plan_s']:>9.3f} {r['edit_plan_peak_mb']:>7.1f}")
    print("requests per plan = the 2 lists + 1 read per table; floor = the same row adds from a "
          "bare threaded client")
    migrated = [r for r in results if r["migration"]]
    if migrated:
        print("\nCopy-migration (a column added): heho's migrate step and whole apply, beside the "
              "same calls from the bare client")
        print(f"{'rows':>8} {'step s':>8} {'apply s':>8} {'floor s':>8} {'step/floor':>10} "
              f"{'apply/floor':>11} {'requests':>9} {'MB':>7}")
        for r in migrated:
            m = r["migration"]
            print(f"{r['rows']:>8} {m['migrate_step_s']:>8.2f} {m['migrate_apply_s']:>8.2f} "
                  f"{m['floor_migration_s']:>8.2f} "
                  f"{m['migrate_step_s'] / m['floor_migration_s']:>10.2f} "
                  f"{m['migrate_apply_s'] / m['floor_migration_s']:>11.2f} "
                  f"{m['migrate_requests']:>9} {m['migrate_peak_mb']:>7.1f}")
        print("floor = read every row, drop, create, re-add every row, read them back, from a "
              "bare threaded client; apply = the whole command (plan, migration, verify)")
    with open(os.path.join(a.out, "table_data.json"), "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
