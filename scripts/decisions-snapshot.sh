#!/usr/bin/env bash
# Writes every decision of link + classify on the development corpus into one directory, so a
# speed change can be checked to change none of them (diff -r before/ after/):
#   bash scripts/decisions-snapshot.sh /tmp/before
# The development sentences alone (with and without their given language) and as twelve-sentence
# documents, each with and without the corpus watchlist, through `bonitor classify --all`; and
# `npm run eval -- --dev`. The bench corpora: BENCH_DECISIONS=<file> node --import tsx bench/link-classify.bench.ts
# (then cmp the two files); the pinned subset: test/analysis/decisions-snapshot.test.ts.
set -euo pipefail
out=${1:?usage: decisions-snapshot.sh <dir>}
cd "$(dirname "$0")/.."
mkdir -p "$out"
corpus=analysis/eval/corpus/events.dev.jsonl
watchlist=analysis/eval/corpus/watchlist.csv
node -e '
const fs = require("fs");
const lines = fs.readFileSync(process.argv[1], "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l));
const out = process.argv[2];
fs.writeFileSync(`${out}/in-lang.jsonl`, lines.map((l) => JSON.stringify({ id: l.id, lang: l.lang, text: l.text })).join("\n") + "\n");
fs.writeFileSync(`${out}/in-nolang.jsonl`, lines.map((l) => JSON.stringify({ id: l.id, text: l.text })).join("\n") + "\n");
const docs = [];
for (let i = 0; i < lines.length; i += 12) {
  const part = lines.slice(i, i + 12);
  docs.push(JSON.stringify({ id: `doc-${i / 12}`, title: part[0].text, text: part.slice(1).map((l) => l.text).join(" ") }));
}
fs.writeFileSync(`${out}/in-docs.jsonl`, docs.join("\n") + "\n");
' "$corpus" "$out"
cli() { npx tsx app/main.ts classify --all "$@"; }
for input in lang nolang docs; do
  cli < "$out/in-$input.jsonl" > "$out/out-$input.jsonl"
  cli --watchlist "$watchlist" < "$out/in-$input.jsonl" > "$out/out-$input-watchlist.jsonl"
done
npm run --silent eval -- --dev > "$out/eval-dev.txt"
wc -l "$out"/out-*.jsonl
