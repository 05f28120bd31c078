#!/usr/bin/env python3
"""Conversation tests at volume: 1,000 turns through `heho test`, beside the same chat calls from
a bare client.

For each parallelism, against a fresh HehoLocal (`heho local serve`) on loopback: a project with a
HeHo chatbot that reads a products table is applied (untimed); its ConversationTest manifests hold
--turns turns in all (--turns-per-test per conversation). Then, alternating, --repeat times each:

- heho: `heho test -f REPO --output json --parallelism P`, the whole process (start, load, plan,
  live reads, every turn and its checks), with every test required to pass and exactly one
  `POST /api/aichat` per turn (HehoLocal's /_local/metrics);
- bare: the same chat calls (the same bodies, each conversation's history built from its own
  replies, turns of one conversation in order) from Python's http.client, P threads with one
  kept-alive connection each, every reply checked like the tests check it.

Printed: turns per second for each (median), and ratio = heho seconds / bare seconds (target at
most 1.2). Also heho's fixed cost: `heho test` of the first test alone on the same project, less
the bare client's calls of that conversation. Results are written to OUT/conversations.json. Nothing is asserted.

usage: bench/conversations.py --heho PATH [--turns 1000] [--turns-per-test 10]
                              [--parallelism 1,4] [--repeat 3] [--out bench/out]
"""
import argparse
import http.client
import json
import os
import shutil
import statistics
import tempfile
import threading
import time

from run import HERE, Server, run

PRODUCTS = [("P%02d" % i, name, price, i % 3 != 0) for i, (name, price) in enumerate([
    ("alpine tent", "129.5"), ("river kayak", "480"), ("trail stove", "39.9"),
    ("summit backpack", "149"), ("down sleeping bag", "219"), ("hiking poles", "59.5"),
    ("head torch", "34"), ("water filter", "44.9"), ("camp chair", "49"),
    ("rain jacket", "189"), ("trekking boots", "169"), ("dry bag", "19.9")])]

PROJECT = """apiVersion: heho/v1
kind: Project
metadata:
  name: conversation-bench
spec:
  providers:
    heho:
      endpoint: {endpoint}
"""

BOT = """apiVersion: heho/v1
kind: Table
metadata:
  name: products
spec:
  columns:
    - { name: sku, type: text, primaryKey: true }
    - { name: name, type: text, notNull: true }
    - { name: price, type: numeric, notNull: true }
    - { name: in_stock, type: boolean }
---
apiVersion: heho/v1
kind: TableData
metadata:
  name: products
spec:
  table: products
  file: products.csv
---
apiVersion: heho/v1
kind: Chatbot
metadata:
  name: shop
spec:
  goal: Customer Support
  model: qwen/qwen3-next-80b-a3b-instruct:free
  description: >-
    The shop's assistant answers questions about the products the shop sells: their prices,
    whether they are in stock, and what they are for. It answers from the products table it may
    read, and says so when a product is not in the table.
---
apiVersion: heho/v1
kind: Permission
metadata:
  name: shop-products
spec:
  chatbot: shop
  table: products
  read: true
"""


def conversations(turns, per_test):
    """The tests' turns: lists of (question, expected phrase), `turns` in all."""
    result, index = [], 0
    while index < turns:
        conversation = []
        for _ in range(min(per_test, turns - index)):
            _, name, price, _ = PRODUCTS[index % len(PRODUCTS)]
            if index % 2 == 0:
                conversation.append((f"What does the {name} cost?", price))
            else:
                conversation.append((f"Is the {name} in stock?", name))
            index += 1
        result.append(conversation)
    return result


def write_repo(repo, endpoint, convs):
    os.makedirs(os.path.join(repo, "tests"), exist_ok=True)
    with open(os.path.join(repo, "heho.yaml"), "w") as f:
        f.write(PROJECT.format(endpoint=endpoint))
    with open(os.path.join(repo, "bot.yaml"), "w") as f:
        f.write(BOT)
    with open(os.path.join(repo, "products.csv"), "w") as f:
        f.write("sku,name,price,in_stock\n")
        for sku, name, price, stock in PRODUCTS:
            f.write(f"{sku},{name},{price},{'true' if stock else 'false'}\n")
    with open(os.path.join(repo, "tests", "chat.yaml"), "w") as f:
        for number, conversation in enumerate(convs):
            f.write(f"---\napiVersion: heho/v1\nkind: ConversationTest\nmetadata:\n"
                    f"  name: chat-{number:04d}\nspec:\n  target: chatbot/shop\n  turns:\n")
            for question, phrase in conversation:
                f.write(f"    - user: {json.dumps(question)}\n"
                        f"      expect: {{ contains: [{json.dumps(phrase)}] }}\n")


def heho_seconds(heho, repo, env, parallelism, server, turns, names=()):
    """Wall seconds of one `heho test`; every test must pass, with one chat call per turn."""
    server.reset()
    seconds, proc = run([heho, "test", "-f", repo, "--output", "json", "--parallelism",
                         str(parallelism), *names], env=env)
    summary = json.loads(proc.stdout)["summary"] if proc.returncode == 0 else None
    if summary is None or summary["passed"] != summary["tests"]:
        raise SystemExit(f"heho test failed (exit {proc.returncode}):\n{proc.stdout[-2000:]}"
                         f"\n{proc.stderr[-2000:]}")
    chats = server.metrics()["routes"].get("POST /api/aichat", 0)
    if chats != turns:
        raise SystemExit(f"heho test made {chats} chat calls for {turns} turns")
    return seconds


def bare_seconds(server, chatbot, convs, parallelism):
    """The same chat calls from the simplest client: `parallelism` threads, one kept-alive
    connection each, each conversation's turns in order with its history."""
    port = int(server.url.rsplit(":", 1)[1])
    headers = {"Authorization": f"Bearer {server.key}", "Content-Type": "application/json"}
    queue = list(reversed(convs))
    lock = threading.Lock()
    failures = []

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                if not queue:
                    break
                conversation = queue.pop()
            history = []
            for question, phrase in conversation:
                user = {"role": "user", "content": question}
                body = json.dumps({"chatbotId": chatbot, "messages": [user], "history": history})
                connection.request("POST", "/api/aichat", body, headers)
                response = connection.getresponse()
                reply = json.loads(response.read())["response"] if response.status == 200 else ""
                if phrase.lower() not in reply.lower():
                    failures.append((response.status, question, reply[:200]))
                history = history + [user, {"role": "assistant", "content": reply}]
        connection.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(parallelism)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"the bare client's chat calls failed: {failures[:3]}")
    return time.perf_counter() - start


def bench(heho, turns, per_test, parallelism, repeat, workdir):
    server = Server(heho, workdir)
    try:
        repo = os.path.join(workdir, f"conversations-p{parallelism}")
        convs = conversations(turns, per_test)
        write_repo(repo, server.url, convs)
        env = dict(os.environ, HEHO_API_KEY=server.key, NO_COLOR="1")
        _, proc = run([heho, "apply", "-f", repo, "--auto-approve"], env=env)
        if proc.returncode != 0:
            raise SystemExit(f"applying the benchmark project failed:\n{proc.stdout}{proc.stderr}")
        listed = json.loads(run(["curl", "-sf", "-H", f"Authorization: Bearer {server.key}",
                                 server.url + "/api/v1/chatbots/manage"])[1].stdout)
        chatbot = next(c["id"] for c in listed["chatbots"] if c["name"] == "shop")
        heho_runs, bare_runs = [], []
        for _ in range(repeat):
            heho_runs.append(heho_seconds(heho, repo, env, parallelism, server, turns))
            bare_runs.append(bare_seconds(server, chatbot, convs, parallelism))
        fixed = statistics.median(
            heho_seconds(heho, repo, env, 1, server, len(convs[0]), names=["chat-0000"]) -
            bare_seconds(server, chatbot, convs[:1], 1) for _ in range(repeat))
        heho_s, bare_s = statistics.median(heho_runs), statistics.median(bare_runs)
        return {"turns": turns, "tests": len(convs), "parallelism": parallelism,
                "heho_s": heho_s, "bare_s": bare_s, "ratio": heho_s / bare_s,
                "heho_turns_per_s": turns / heho_s, "bare_turns_per_s": turns / bare_s,
                "heho_fixed_s": fixed, "heho_runs": heho_runs, "bare_runs": bare_runs}
    finally:
        server.stop()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--heho", required=True)
    ap.add_argument("--turns", type=int, default=1000)
    ap.add_argument("--turns-per-test", type=int, default=10)
    ap.add_argument("--parallelism", default="1,4")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="heho-bench-conversations-")
    rows = [bench(a.heho, a.turns, a.turns_per_test, int(p), a.repeat, workdir)
            for p in a.parallelism.split(",")]
    print(f"\nConversation tests: {a.turns} turns ({a.turns_per_test} a test), heho test beside "
          f"a bare client (median of {a.repeat})")
    print(f"{'parallel':>8} {'heho s':>8} {'turns/s':>8} {'bare s':>8} {'turns/s':>8} "
          f"{'ratio':>6} {'heho fixed s':>13}")
    for r in rows:
        print(f"{r['parallelism']:>8} {r['heho_s']:>8.3f} {r['heho_turns_per_s']:>8.0f} "
              f"{r['bare_s']:>8.3f} {r['bare_turns_per_s']:>8.0f} {r['ratio']:>6.2f} "
              f"{r['heho_fixed_s']:>13.3f}")
    print("ratio = heho test's whole process / the same chat calls from a bare keep-alive client; "
          "target <= 1.2. heho fixed = the first test alone, less its bare calls")
    with open(os.path.join(a.out, "conversations.json"), "w") as f:
        json.dump(rows, f, indent=2)
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
