#!/usr/bin/env python3
"""heho benchmarks: plan at scale, apply throughput, and heho beside an Ansible playbook.

Every figure is measured in this one run, side by side, against HehoLocal servers
started here on loopback. Nothing is asserted: the figures and ratios are printed
(and written to bench/out/results.json) for a person to read against the targets.

usage: bench/run.py --heho PATH [--sizes 100,1000,10000] [--repeat 5]
                    [--apply-ops 1000] [--parallelism 1,8,16] [--latency-ms 50]
                    [--ansible-bots 200] [--skip-apply] [--skip-ansible]
"""
import argparse
import glob
import http.client
import json
import math
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A standalone `heho local serve` on a fresh database."""

    def __init__(self, heho, workdir, latency_ms=0):
        self.key = "hk_bench_" + secrets.token_hex(16)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        db = os.path.join(workdir, f"local-{self.port}.sqlite")
        args = [heho, "local", "serve", "--port", str(self.port), "--db", db, "--api-key", self.key]
        # No rate limit: the benchmark measures heho, not the platform's throttling. (Builds
        # from before rate limits have no such option.)
        if "--rate-limit" in subprocess.run([heho, "local", "serve", "--help"], capture_output=True,
                                            text=True).stdout:
            args += ["--rate-limit", "0"]
        if latency_ms:
            args += ["--latency", str(latency_ms)]
        self.log = open(os.path.join(workdir, f"server-{self.port}.log"), "w")
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.url + "/_local/health", timeout=1).read()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise SystemExit(f"HehoLocal did not start on port {self.port}; see {self.log.name}")

    def metrics(self):
        return json.load(urllib.request.urlopen(self.url + "/_local/metrics"))

    def reset(self):
        req = urllib.request.Request(self.url + "/_local/metrics/reset", method="POST", data=b"")
        urllib.request.urlopen(req).read()

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def run(args, env=None, check=True):
    start = time.perf_counter()
    proc = subprocess.run(args, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if check and proc.returncode not in (0, 2):
        raise SystemExit(f"{' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return elapsed, proc


def timed_with_rss(args, env):
    """Wall seconds and peak resident memory (MB) of one command, via /usr/bin/time -v."""
    _, proc = run(["/usr/bin/time", "-v"] + args, env=env)
    wall = re.search(r"Elapsed \(wall clock\) time .*: (?:(\d+):)?(\d+):([\d.]+)", proc.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    hours, minutes, seconds = int(wall.group(1) or 0), int(wall.group(2)), float(wall.group(3))
    return hours * 3600 + minutes * 60 + seconds, int(rss.group(1)) / 1024, proc


def generate(n, outdir, endpoint, only=None, with_bothero=False, mixed=False):
    args = [sys.executable, os.path.join(HERE, "generate.py"), str(n), outdir, "--endpoint", endpoint]
    if only:
        args += ["--only", only]
    if with_bothero:
        args += ["--with-bothero"]
    if mixed:
        args += ["--mixed"]
    subprocess.run(args, check=True, capture_output=True)


def parse_yaml_seconds(repo):
    """Parsing the same YAML alone, with libyaml's C parser: the floor for any loader."""
    code = (
        "import glob,sys,time,yaml\n"
        "t=time.perf_counter()\n"
        "for p in sorted(glob.glob(sys.argv[1]+'/*.yaml')):\n"
        "    list(yaml.load_all(open(p), Loader=yaml.CSafeLoader))\n"
        "print(time.perf_counter()-t)\n")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, repo], check=True, capture_output=True,
                         text=True).stdout
    return time.perf_counter() - start, float(out)


def build_c_floor(workdir):
    """Compiles bench/yaml_floor.c (libyaml's event parser, no objects built); None when no C
    compiler or libyaml headers are there."""
    binary = os.path.join(workdir, "yaml_floor")
    proc = subprocess.run(["cc", "-O2", "-o", binary, os.path.join(HERE, "yaml_floor.c"), "-lyaml"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        print(f"note: the C floor could not be built ({proc.stderr.strip()[:200]}); it is left out")
        return None
    return binary


def c_parse_seconds(binary, repo):
    """Event-parsing every YAML file of the repository with libyaml in C: the strict floor."""
    files = sorted(glob.glob(os.path.join(repo, "*.yaml")))
    out = subprocess.run([binary] + files, check=True, capture_output=True, text=True).stdout
    return float(out.split()[0])


HEHO_LISTS = ("/api/v1/chatbots/manage", "/api/v1/database/manage")
BOTHERO_LISTS = ("/v1/bots", "/v1/webhooks", "/v1/knowledge/documents")


def heppu_pages(server):
    """The pages of Heppu's agent list a plan reads (100 agents a page)."""
    req = urllib.request.Request(server.url + "/api/v1/agents?limit=100&page=1",
                                 headers={"Authorization": f"Bearer {server.key}"})
    pages = json.load(urllib.request.urlopen(req))["pagination"]["totalPages"]
    return tuple(f"/api/v1/agents?limit=100&page={p}" for p in range(1, pages + 1))


def bare_list_seconds(server, with_bothero=False, heppu=()):
    """The list calls a plan needs (one per collection and page), made with curl, all at once."""
    start = time.perf_counter()
    paths = HEHO_LISTS + (BOTHERO_LISTS if with_bothero else ()) + tuple(heppu)
    procs = [subprocess.Popen(["curl", "-sf", "-o", "/dev/null", "-H",
                               f"Authorization: Bearer {server.key}", server.url + path])
             for path in paths]
    codes = [p.wait() for p in procs]
    if any(codes):
        raise SystemExit(f"curl list calls failed: {codes}")
    return time.perf_counter() - start


def bench_plan(heho, sizes, repeat, workdir, with_bothero=False, mixed=False, c_floor=None):
    rows = []
    suffix = "-mixed" if mixed else ("-bothero" if with_bothero else "")
    for n in sizes:
        server = Server(heho, workdir)
        try:
            repo = os.path.join(workdir, f"repo-{n}{suffix}")
            generate(n, repo, server.url, with_bothero=with_bothero, mixed=mixed)
            env = dict(os.environ, HEHO_API_KEY=server.key, BOTHERO_API_KEY=server.key,
                       HEPPU_API_KEY=server.key, NO_COLOR="1")
            apply_s, _ = run([heho, "apply", "-f", repo, "--auto-approve", "--parallelism", "16"], env)
            pages = heppu_pages(server) if mixed else ()
            plans, rss, requests, bares, parses, c_parses = [], [], [], [], [], []
            for _ in range(repeat):
                server.reset()
                wall, mem, proc = timed_with_rss([heho, "plan", "-f", repo, "--detailed-exitcode"], env)
                if proc.returncode != 0:
                    raise SystemExit(f"plan after apply is not empty at {n}:\n{proc.stdout[-2000:]}")
                requests.append(server.metrics()["total"])
                plans.append(wall)
                rss.append(mem)
                bares.append(bare_list_seconds(server, with_bothero or mixed, pages))
                parses.append(parse_yaml_seconds(repo)[0])
                if c_floor:
                    c_parses.append(c_parse_seconds(c_floor, repo))
            plan, bare, parse = map(statistics.median, (plans, bares, parses))
            row = {"resources": n, "apply_s": apply_s, "plan_s": plan,
                   "peak_mb": max(rss), "requests": max(requests), "bare_list_s": bare,
                   "parse_s": parse, "ratio": plan / (bare + parse),
                   "collections": len(HEHO_LISTS) + (len(BOTHERO_LISTS) if with_bothero or mixed else 0)
                   + len(pages)}
            if c_parses:
                c_parse = statistics.median(c_parses)
                row.update({"c_parse_s": c_parse, "strict_floor_s": bare + c_parse,
                            "strict_ratio": plan / (bare + c_parse)})
            rows.append(row)
        finally:
            server.stop()
    return rows


def create_bodies(repo):
    """The create requests heho sends for a generated tables-only repository."""
    import yaml
    bodies = []
    for path in sorted(glob.glob(os.path.join(repo, "tables-*.yaml"))):
        with open(path) as f:
            for doc in yaml.load_all(f, Loader=yaml.CSafeLoader):
                columns = []
                for c in doc["spec"]["columns"]:
                    column = {"name": c["name"], "type": c["type"]}
                    column.update({k: True for k in ("primaryKey", "notNull") if c.get(k)})
                    columns.append(column)
                bodies.append(json.dumps({"tableName": doc["metadata"]["name"],
                                          "columns": columns}))
    return bodies


def floor_apply_seconds(server, bodies, parallelism, path="/api/v1/database/tables"):
    """The same creates from the simplest client: `parallelism` threads, one kept-alive
    connection each, bodies made beforehand (POSTed to `path`). What HehoLocal and the host
    cost without heho."""
    port = int(server.url.rsplit(":", 1)[1])
    headers = {"Authorization": f"Bearer {server.key}", "Content-Type": "application/json"}
    queue = list(reversed(bodies))
    lock = threading.Lock()
    failures = []

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                if not queue:
                    break
                body = queue.pop()
            connection.request("POST", path, body, headers)
            response = connection.getresponse()
            response.read()
            if not 200 <= response.status < 300:
                failures.append(response.status)
        connection.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(parallelism)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"the floor client's requests to {path} failed: {failures[:5]}")
    return time.perf_counter() - start


def bench_apply(heho, ops, parallelisms, latency_ms, workdir):
    rows = []
    for p in parallelisms:
        server = Server(heho, workdir, latency_ms=latency_ms)
        try:
            repo = os.path.join(workdir, f"apply-{ops}-p{p}")
            generate(ops, repo, server.url, only="tables")
            env = dict(os.environ, HEHO_API_KEY=server.key, NO_COLOR="1")
            seconds, _ = run([heho, "apply", "-f", repo, "--auto-approve", "--parallelism", str(p)],
                             env)
            ideal = math.ceil(ops / p) * latency_ms / 1000
            writes = server.metrics()["routes"].get("POST /api/v1/database/tables", 0)
        finally:
            server.stop()
        floor_server = Server(heho, workdir, latency_ms=latency_ms)
        try:
            floor = floor_apply_seconds(floor_server, create_bodies(repo), p)
        finally:
            floor_server.stop()
        rows.append({"parallelism": p, "ops": ops, "seconds": seconds, "ideal_s": ideal,
                     "ratio": seconds / ideal, "create_requests": writes, "floor_s": floor,
                     "floor_ratio": floor / ideal})
    return rows


def write_ansible_vars(repo, path):
    """The chatbots of a generated repository as the vars file an Ansible user would keep."""
    import glob
    import yaml
    bots = []
    for file in sorted(glob.glob(os.path.join(repo, "chatbots-*.yaml"))):
        for doc in yaml.safe_load_all(open(file)):
            spec = doc["spec"]
            bots.append({"name": doc["metadata"]["name"], "goal": spec["goal"],
                         "description": spec["description"],
                         "tone": spec.get("tone", "professional"),
                         "theme": spec.get("theme", "sky")})
    with open(path, "w") as f:
        json.dump({"bots": bots}, f)


def bench_ansible(heho, bots, workdir):
    if not shutil.which("ansible-playbook"):
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "ansible-core"], check=True)
    results = {}
    for tool in ("heho", "ansible"):
        server = Server(heho, workdir)
        try:
            repo = os.path.join(workdir, f"{tool}-{bots}")
            generate(bots, repo, server.url, only="chatbots")
            env = dict(os.environ, HEHO_API_KEY=server.key, NO_COLOR="1",
                       ANSIBLE_NOCOLOR="1", ANSIBLE_LOCALHOST_WARNING="False")
            if tool == "heho":
                cmd = [heho, "apply", "-f", repo, "--auto-approve"]
            else:
                bots = os.path.join(workdir, "bots.json")
                write_ansible_vars(repo, bots)
                cmd = ["ansible-playbook", "-i", "localhost,", os.path.join(HERE, "ansible",
                       "chatbots.yml"), "-e", f"base={server.url}", "-e", f"@{bots}",
                       "-e", f"ansible_python_interpreter={sys.executable}"]
            first, proc = run(cmd, env)
            if proc.returncode != 0:
                raise SystemExit(f"{tool} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-2000:]}")
            server.reset()
            again, proc = run(cmd, env)
            if proc.returncode != 0:
                raise SystemExit(f"{tool} re-run failed:\n{proc.stdout[-3000:]}")
            count = len(json.load(urllib.request.urlopen(urllib.request.Request(
                server.url + "/api/v1/chatbots/manage",
                headers={"Authorization": f"Bearer {server.key}"})))["chatbots"])
            results[tool] = {"first_s": first, "rerun_s": again, "chatbots": count,
                             "rerun_requests": server.metrics()["total"]}
        finally:
            server.stop()
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--heho", required=True)
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--apply-ops", type=int, default=1000)
    ap.add_argument("--parallelism", default="1,8,16")
    ap.add_argument("--latency-ms", type=int, default=50)
    ap.add_argument("--ansible-bots", type=int, default=200)
    ap.add_argument("--skip-apply", action="store_true")
    ap.add_argument("--skip-ansible", action="store_true")
    ap.add_argument("--with-bothero", action="store_true",
                    help="plan benchmark with 40%% of the resources on BotHero")
    ap.add_argument("--mixed", action="store_true",
                    help="plan benchmark across HeHo (40%%), BotHero (30%%) and Heppu (30%%)")
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="heho-bench-")
    c_floor = build_c_floor(workdir)
    results = {"plan": bench_plan(a.heho, [int(s) for s in a.sizes.split(",")], a.repeat, workdir,
                                  a.with_bothero, a.mixed, c_floor)}
    shape = (", across HeHo, BotHero and Heppu" if a.mixed
             else ", 40% of resources on BotHero" if a.with_bothero else "")
    print("\nPlan with nothing to change (median of %d)%s" % (a.repeat, shape))
    print(f"{'resources':>10} {'plan s':>8} {'peak MB':>8} {'requests':>9} {'lists':>6} "
          f"{'lists s':>8} {'parse s':>8} {'ratio':>6} {'C parse s':>10} {'strict':>7} "
          f"{'apply s':>8}")
    for r in results["plan"]:
        strict = (f"{r['c_parse_s']:>10.3f} {r['strict_ratio']:>7.2f}" if "c_parse_s" in r
                  else f"{'-':>10} {'-':>7}")
        print(f"{r['resources']:>10} {r['plan_s']:>8.3f} {r['peak_mb']:>8.1f} {r['requests']:>9} "
              f"{r['collections']:>6} {r['bare_list_s']:>8.3f} {r['parse_s']:>8.3f} "
              f"{r['ratio']:>6.2f} {strict} {r['apply_s']:>8.2f}")
    print("ratio = plan / (lists + Python CSafeLoader parse); strict = plan / (lists + libyaml "
          "C event parse)")
    print("targets: plan < 1 s at 10,000; requests = lists (collections and pages); peak < 150 MB; "
          "strict ratio <= 2.0")
    if not a.skip_apply:
        ps = [int(p) for p in a.parallelism.split(",")]
        results["apply"] = bench_apply(a.heho, a.apply_ops, ps, a.latency_ms, workdir)
        print(f"\nApply throughput: {a.apply_ops} creates, {a.latency_ms} ms injected latency")
        print(f"{'parallel':>8} {'seconds':>8} {'ideal s':>8} {'ratio':>6} {'creates':>8} "
              f"{'floor s':>8} {'floor ratio':>12}")
        for r in results["apply"]:
            print(f"{r['parallelism']:>8} {r['seconds']:>8.2f} {r['ideal_s']:>8.2f} "
                  f"{r['ratio']:>6.2f} {r['create_requests']:>8} {r['floor_s']:>8.2f} "
                  f"{r['floor_ratio']:>12.2f}")
        print("target: ratio <= 1.15 (ideal = ceil(ops / parallelism) x latency); the floor is "
              "the same creates from a bare threaded client, on a fresh server")
    if not a.skip_ansible:
        results["ansible"] = bench_ansible(a.heho, a.ansible_bots, workdir)
        print(f"\n{a.ansible_bots} chatbots: heho beside an Ansible playbook (uri module)")
        print(f"{'tool':>8} {'first s':>8} {'re-run s':>9} {'chatbots':>9} {'re-run requests':>16}")
        for tool, r in results["ansible"].items():
            print(f"{tool:>8} {r['first_s']:>8.2f} {r['rerun_s']:>9.2f} {r['chatbots']:>9} "
                  f"{r['rerun_requests']:>16}")
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
