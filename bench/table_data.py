#!/usr/bin/env python3
"""TableData at scale: rows as code planned and applied at 1,000 / 10,000 / 100,000 rows.

For each size, against a fresh HehoLocal on loopback: apply a table with that many rows from a
CSV file (time, requests, peak memory), plan again with nothing to change (median of --repeat),
then plan an edit of 1% of the rows. Beside apply, the floor: the same row adds from a bare
threaded client (one kept-alive connection per thread, bodies made beforehand), against a fresh
server. Nothing is asserted; the figures are printed side by side and written to
bench/out/table_data.json.

usage: bench/table_data.py --heho PATH [--rows 1000,10000,100000] [--repeat 3] [--parallelism 16]
"""
import argparse
import http.client
import json
import os
import statistics
import tempfile

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


def write_repo(repo, endpoint, rows, edit_every=0):
    os.makedirs(os.path.join(repo, "data"), exist_ok=True)
    with open(os.path.join(repo, "heho.yaml"), "w") as f:
        f.write("apiVersion: heho/v1\nkind: Project\nmetadata:\n  name: bench\nspec:\n"
                f"  providers:\n    heho:\n      endpoint: {endpoint}\n")
    with open(os.path.join(repo, "tables.yaml"), "w") as f:
        f.write("apiVersion: heho/v1\nkind: Table\nmetadata:\n  name: products\nspec:\n  columns:\n")
        for name, kind, key in COLUMNS:
            f.write(f"    - {{ name: {name}, type: {kind}{', primaryKey: true' if key else ''} }}\n")
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


def bench(heho, sizes, repeat, parallelism, workdir):
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
        finally:
            server.stop()
        floor_server = Server(heho, workdir)
        try:
            floor_s = floor_adds_seconds(floor_server, rows, parallelism)
        finally:
            floor_server.stop()
        results.append({"rows": rows, "apply_s": apply_s, "apply_requests": apply_requests,
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
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="heho-bench-rows-")
    results = bench(a.heho, [int(s) for s in a.rows.split(",")], a.repeat, a.parallelism, workdir)
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
    with open(os.path.join(a.out, "table_data.json"), "w") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
