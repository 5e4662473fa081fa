#!/usr/bin/env bash
# Seeds the fuzz corpora: the test fixtures' pages when they exist, else a few pages of the
# evaluation corpus (gzip), cut to 256 KiB; JSON-LD scripts and date strings found in them
# seed the other two targets.
#
#   fuzz/seed.sh [CORPUS_DIR]      (default ../shared/corpus beside the repository)
set -euo pipefail
cd "$(dirname "$0")"
corpus=${1:-../../shared/corpus}
mkdir -p corpus/extract_bytes corpus/json_ld corpus/date
pages=()
for page in ../tests/fixtures/*/source.html; do
    [ -f "$page" ] && pages+=("$page")
done
n=0
add() {
    head -c 262144 "$1" > "corpus/extract_bytes/seed-$n.html"
    n=$((n + 1))
}
for page in "${pages[@]}"; do add "$page"; done
if [ "${#pages[@]}" -eq 0 ] && [ -d "$corpus" ]; then
    for gz in $(find "$corpus" -name page.html.gz | sort | awk 'NR % 50 == 1' | head -n 60); do
        zcat "$gz" > /tmp/newsprint-seed.html && add /tmp/newsprint-seed.html
    done
fi
python3 - "corpus" <<'PY'
import os, re, sys, html
root = sys.argv[1]
scripts, dates = set(), set()
for name in os.listdir(os.path.join(root, "extract_bytes")):
    text = open(os.path.join(root, "extract_bytes", name), encoding="utf-8", errors="replace").read()
    for m in re.finditer(r'<script[^>]*ld\+json[^>]*>(.*?)</script>', text, re.S | re.I):
        scripts.add(m.group(1).strip()[:20000])
    for m in re.finditer(r'(?:content|datetime)="([^"]{6,40})"', text):
        if re.search(r'\d{4}', m.group(1)):
            dates.add(html.unescape(m.group(1)))
for i, s in enumerate(sorted(scripts)):
    open(os.path.join(root, "json_ld", f"seed-{i}.json"), "w").write(s)
extra = ["2021-03-30T11:49:00+01:00", "30 Mar, 2021 11:49", "March 30, 2021", "30.03.2021",
         "30. März 2021", "Tue 30 Mar 2021 11.49 BST", "30 марта 2021", "99999-01-01", "0000-00-00"]
for i, d in enumerate(sorted(dates) + extra):
    open(os.path.join(root, "date", f"seed-{i}.txt"), "w").write(d)
print(len(os.listdir(os.path.join(root, "extract_bytes"))), "pages,", len(scripts), "scripts,", len(dates) + len(extra), "dates")
PY
