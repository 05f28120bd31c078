#!/usr/bin/env python3
"""Two `heho apply` runs of one project at the same time, against a platform that accepts
repeated chatbot names (HehoLocal's default, as the HeHo seed describes it).

A measurement, not a test: it prints what happened in each trial and a tally. Both runs
plan against the same empty platform, so both plan every create; the question is what the
platform holds afterwards.

usage: bench/concurrent_apply.py --heho PATH [--trials 20] [--latency-ms 0,20]
                                 [--stagger-ms 0] [--example examples/support-desk]

--stagger-ms starts the second apply that much after the first, so that it plans while the
first is half-way.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import Server  # noqa: E402  (the benchmark's own HehoLocal launcher)


def get(server, path):
    request = urllib.request.Request(
        server.url + path, headers={"Authorization": f"Bearer {server.key}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def trial(heho, example, workdir, latency_ms, stagger_ms):
    server = Server(heho, workdir, latency_ms=latency_ms)
    try:
        env = dict(os.environ, HEHO_API_KEY=server.key, NO_COLOR="1")
        args = [heho, "apply", "-f", example, "--endpoint", server.url, "--auto-approve"]
        runs = []
        for index in range(2):
            if index and stagger_ms:
                time.sleep(stagger_ms / 1000)
            runs.append(subprocess.Popen(args, env=env, stdout=subprocess.PIPE,
                                         stderr=subprocess.STDOUT, text=True))
        outputs = [run.communicate()[0] for run in runs]
        codes = [run.returncode for run in runs]
        names = [bot["name"] for bot in get(server, "/api/v1/chatbots/manage")["chatbots"]]
        tables = [table["table_name"] for table in get(server, "/api/v1/database/manage")["tables"]]
        counts = collections.Counter(names)
        duplicated = sorted(name for name, count in counts.items() if count > 1)
        replan = subprocess.run(
            [heho, "plan", "-f", example, "--endpoint", server.url, "--detailed-exitcode"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        return {"codes": codes, "chatbots": len(names), "tables": len(tables),
                "duplicated": duplicated, "replan": replan.returncode,
                "ambiguous": "several resources named" in replan.stdout,
                "summaries": [next((l for l in o.splitlines() if l.startswith("Apply ")), "")
                              for o in outputs]}
    finally:
        server.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--heho", required=True)
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--latency-ms", default="0,20")
    parser.add_argument("--stagger-ms", type=int, default=0)
    parser.add_argument("--example", default="examples/support-desk")
    options = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="heho-concurrent-")
    try:
        for latency in [int(x) for x in options.latency_ms.split(",")]:
            tally = collections.Counter()
            print(f"## latency {latency} ms, second apply {options.stagger_ms} ms after the first, "
                  f"{options.trials} trials")
            for number in range(1, options.trials + 1):
                result = trial(options.heho, options.example, workdir, latency, options.stagger_ms)
                tally["both succeeded" if result["codes"] == [0, 0] else "a run failed"] += 1
                if result["duplicated"]:
                    tally["trials with duplicates"] += 1
                    tally["duplicated chatbots"] += len(result["duplicated"])
                if result["replan"] == 1 and result["ambiguous"]:
                    tally["plan afterwards refused as ambiguous"] += 1
                print(f"trial {number}: exits {result['codes']}, {result['chatbots']} chatbots, "
                      f"{result['tables']} tables, duplicated {result['duplicated'] or 'none'}, "
                      f"plan afterwards exits {result['replan']}; {result['summaries']}")
            print("tally: " + ", ".join(f"{key}: {value}" for key, value in sorted(tally.items())))
            print()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
