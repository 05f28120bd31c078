#!/usr/bin/env python3
"""Writes a synthetic heho configuration repository of N resources.

Proportions follow a realistic account: 40% tables, 30% chatbots, 30% permissions
(each permission gives one chatbot access to one table; no chatbot exceeds the
platform's limit of three tables). Deterministic for a given N and seed.

With --with-bothero, 40% of N are BotHero resources instead (bots, webhooks, and knowledge
documents from small Markdown files, one knowledge base per bot), and the project names both
platforms. With --mixed, N spans all three platforms: 40% HeHo, 30% BotHero, 30% Heppu agents
(half voice with a phone number each, half chat with widget settings).

usage: generate.py N OUTDIR [--endpoint URL] [--api-key-env NAME] [--seed S]
                   [--with-bothero | --mixed]
"""
import argparse
import os
import random

DESCRIPTION = (
    "You are a helpful assistant for the {name} team. Answer questions about orders, "
    "products and accounts using the connected tables, keep answers short and friendly, "
    "never invent data that is not in the tables, and hand over to a person when unsure."
)
TYPES = ["text", "integer", "numeric", "boolean", "timestamptz", "varchar(255)", "jsonb", "date"]
TONES = ["friendly", "professional", "strict"]
THEMES = ["twilight", "sunrise", "ocean", "forest", "grape", "rose", "sky", "candy"]


def counts(n):
    tables = max(1, n * 4 // 10)
    chatbots = max(1, n * 3 // 10)
    permissions = max(0, n - tables - chatbots)
    permissions = min(permissions, chatbots * 3, tables * chatbots)
    return tables, chatbots, permissions


def table_doc(i, rng):
    cols = ["    - { name: id, type: uuid, primaryKey: true }",
            "    - { name: name, type: text, notNull: true }"]
    for c in range(rng.randint(1, 4)):
        cols.append(f"    - {{ name: col_{c}, type: {rng.choice(TYPES)} }}")
    return "\n".join([
        "apiVersion: heho/v1", "kind: Table", "metadata:", f"  name: t_{i:05d}", "spec:",
        "  columns:", *cols])


def chatbot_doc(i, rng):
    name = f"bot-{i:05d}"
    lines = ["apiVersion: heho/v1", "kind: Chatbot", "metadata:", f"  name: {name}", "spec:",
             "  goal: Customer Support", f"  description: \"{DESCRIPTION.format(name=name)}\"",
             "  model: ${var.model}"]
    if rng.random() < 0.5:
        lines.append(f"  tone: {rng.choice(TONES)}")
    if rng.random() < 0.5:
        lines.append(f"  theme: {rng.choice(THEMES)}")
    return "\n".join(lines)


def permission_doc(p, chatbots, tables, rng):
    bot = p % chatbots
    slot = p // chatbots          # 0, 1 or 2: the bot's n-th table
    table = (bot * 3 + slot) % tables
    return "\n".join([
        "apiVersion: heho/v1", "kind: Permission", "metadata:",
        f"  name: bot-{bot:05d}-t-{table:05d}", "spec:", f"  chatbot: bot-{bot:05d}",
        f"  table: t_{table:05d}", "  read: true", f"  write: {str(rng.random() < 0.3).lower()}",
        "  edit: false"])


def bothero_docs(n, outdir, rng):
    """Bots (3/8), webhooks (3/8) and knowledge documents (2/8) of BotHero, N in all."""
    bots = max(1, n * 3 // 8)
    hooks = max(0, n * 3 // 8)
    documents = max(0, n - bots - hooks)
    bot_docs, hook_docs, base_docs = [], [], []
    for i in range(bots):
        bot_docs.append("\n".join([
            "apiVersion: bothero/v1", "kind: Bot", "metadata:", f"  name: helper-{i:05d}", "spec:",
            f"  instructions: \"{DESCRIPTION.format(name=f'helper-{i:05d}')}\"",
            f"  temperature: {rng.choice([0.2, 0.5, 0.7, 1])}",
            f"  leadCapture: {str(rng.random() < 0.5).lower()}"]))
    for i in range(hooks):
        hook_docs.append("\n".join([
            "apiVersion: bothero/v1", "kind: Webhook", "metadata:", f"  name: hook-{i:05d}", "spec:",
            f"  url: http://127.0.0.1:9/hooks/{i}", "  events: [lead.captured]",
            f"  bot: helper-{i % bots:05d}"]))
    # Documents: one folder per bot that has any, one knowledge base each.
    per_bot = {}
    for d in range(documents):
        per_bot.setdefault(d % bots, []).append(d)
    for bot, numbers in sorted(per_bot.items()):
        folder = os.path.join(outdir, "knowledge", f"helper-{bot:05d}")
        os.makedirs(folder, exist_ok=True)
        for d in numbers:
            with open(os.path.join(folder, f"doc-{d:05d}.md"), "w") as f:
                f.write(f"# Document {d}\n\nFacts the helper {bot} answers from: item {d} costs "
                        f"{rng.randint(1, 500)} euros and ships in {rng.randint(1, 9)} days.\n")
        base_docs.append("\n".join([
            "apiVersion: bothero/v1", "kind: KnowledgeBase", "metadata:",
            f"  name: docs-{bot:05d}", "spec:", f"  bot: helper-{bot:05d}",
            f"  directory: knowledge/helper-{bot:05d}", "  include: [\"*.md\"]"]))
    write_files(outdir, "bots", bot_docs)
    write_files(outdir, "webhooks", hook_docs)
    write_files(outdir, "knowledge", base_docs)
    return bots, hooks, documents


def heppu_docs(n, outdir, rng):
    """Heppu agents, N in all: even ones voice (a phone number each), odd ones chat."""
    docs = []
    for i in range(n):
        name = f"agent-{i:05d}"
        lines = ["apiVersion: heppu/v1", "kind: Agent", "metadata:", f"  name: {name}", "spec:"]
        if i % 2 == 0:
            lines += ["  type: voice", f"  instructions: \"{DESCRIPTION.format(name=name)}\"",
                      f"  config: {{ voice: sage, speed: {rng.choice([0.8, 1.0, 1.2])} }}",
                      "  tools: [knowledge_base, transfer_call]",
                      f"  phoneNumbers: [\"+1555{i:07d}\"]"]
        else:
            lines += ["  type: chat", f"  instructions: \"{DESCRIPTION.format(name=name)}\"",
                      f"  config: {{ theme: {rng.choice(['light', 'dark'])}, "
                      "allowedDomains: [shop.example.com] }",
                      "  tools: [web_search]"]
        docs.append("\n".join(lines))
    write_files(outdir, "agents", docs)
    return n


def write_files(outdir, prefix, docs, per_file=100):
    for start in range(0, len(docs), per_file):
        path = os.path.join(outdir, f"{prefix}-{start // per_file:04d}.yaml")
        with open(path, "w") as f:
            f.write("\n---\n".join(docs[start:start + per_file]) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--endpoint", default="http://127.0.0.1:8080")
    ap.add_argument("--api-key-env", default="HEHO_API_KEY")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", choices=["tables", "chatbots"], help="N of one kind and nothing else")
    ap.add_argument("--with-bothero", action="store_true", help="40%% of N on BotHero")
    ap.add_argument("--mixed", action="store_true",
                    help="N across HeHo (40%%), BotHero (30%%) and Heppu (30%%)")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.outdir, exist_ok=True)
    with open(os.path.join(a.outdir, "heho.yaml"), "w") as f:
        f.write("\n".join([
            "apiVersion: heho/v1", "kind: Project", "metadata:", "  name: bench", "spec:",
            "  providers:", "    heho:", f"      endpoint: {a.endpoint}",
            f"      apiKeyEnv: {a.api_key_env}",
            *(["    bothero:", f"      endpoint: {a.endpoint}/v1", "      apiKeyEnv: BOTHERO_API_KEY"]
              if a.with_bothero or a.mixed else []),
            *(["    heppu:", f"      endpoint: {a.endpoint}/api/v1", "      apiKeyEnv: HEPPU_API_KEY"]
              if a.mixed else []),
            "  variables:",
            "    model: qwen/qwen3-next-80b-a3b-instruct:free", ""]))
    if a.only == "tables":
        tables, chatbots, permissions = a.n, 0, 0
    elif a.only == "chatbots":
        tables, chatbots, permissions = 0, a.n, 0
    else:
        heho_share = a.n * 4 // 10 if a.mixed else (a.n - a.n * 4 // 10 if a.with_bothero else a.n)
        tables, chatbots, permissions = counts(heho_share)
    write_files(a.outdir, "tables", [table_doc(i, rng) for i in range(tables)])
    write_files(a.outdir, "chatbots", [chatbot_doc(i, rng) for i in range(chatbots)])
    write_files(a.outdir, "permissions",
                [permission_doc(p, chatbots, tables, rng) for p in range(permissions)])
    summary = f"{tables} tables, {chatbots} chatbots, {permissions} permissions"
    if a.with_bothero or a.mixed:
        share = a.n * 3 // 10 if a.mixed else a.n * 4 // 10
        bots, hooks, documents = bothero_docs(share, a.outdir, rng)
        summary += f"; {bots} bots, {hooks} webhooks, {documents} knowledge documents"
    if a.mixed:
        agents = heppu_docs(a.n - a.n * 4 // 10 - a.n * 3 // 10, a.outdir, rng)
        summary += f"; {agents} agents"
    print(summary)


if __name__ == "__main__":
    main()
