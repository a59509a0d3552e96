"""Benchmark section: the worst single content files found, against an ordinary one (issue #14).

`python scripts/bench_hostile.py` (or `bench.py --hostile`). Each input is one file (or, for the
duplicate check, many) added to a copy of the test fixture repository; a child process validates
it and reports its own time and peak memory (max RSS), and the same is done with an ordinary case
file added instead. Inputs that validate are also built with `mkdocs build --strict` in a copy of
the real repository, against the same build with the ordinary file. Every figure is a ratio to the
ordinary file measured in the same run; nothing is asserted about time.
"""

from __future__ import annotations

import json
import math
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "repo"
# The fixture's case under another organisation and source, so it is no duplicate of the fixture's.
ORGANISATION = "Ordinary Borough Council"
SOURCE_URL = "https://example.org/ordinary-report"
ORDINARY = (
    (FIXTURE / "case_studies" / "gmp-tweets.yml")
    .read_text(encoding="utf-8")
    .replace("organisation: Greater Manchester Police", f"organisation: {ORGANISATION}")
    .replace("http://www.bbc.com/news/uk-england-manchester-11549069", SOURCE_URL)
)
ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}
COPY_IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", "tests", "node_modules")
VALIDATE = (
    "import json, resource, sys, time; "
    "from casebook.repository import load_casebook; start = time.perf_counter(); "
    "result = load_casebook(sys.argv[1]); seconds = time.perf_counter() - start; "
    "output = ''.join(p.text() + '\\n' for p in result.problems); "
    "print(json.dumps({'seconds': seconds, 'rss_kb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
    "'problems': len(result.problems), 'output_bytes': len(output.encode()), "
    "'valid': result.casebook is not None}))"
)
BUILD = (
    "import json, resource, sys, time; from mkdocs.__main__ import cli; "
    "sys.argv = ['mkdocs', 'build', '-q', '--strict', '-d', sys.argv[1]]; start = time.perf_counter()\n"
    "try:\n    cli()\nexcept SystemExit as e:\n    code = e.code\nelse:\n    code = 0\n"
    "print(json.dumps({'seconds': time.perf_counter() - start, 'code': code, "
    "'rss_kb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), file=sys.stderr)"
)


def _case(field: str, text: str) -> str:
    """The ordinary case with one field's Markdown replaced by `text` (a block scalar)."""
    body = "".join("  " + line + "\n" for line in text.split("\n"))
    start = ORDINARY.index(f"{field}: |\n")
    end = ORDINARY.index("\n", ORDINARY.index("\n", start) + 1) + 1
    return ORDINARY[:start] + f"{field}: |\n" + body + ORDINARY[end:]


def _kit(answer: str, count: int) -> str:
    """A kit whose objections all carry `answer`: the most Markdown one file can hold."""
    head = (FIXTURE / "kits" / "executives.yml").read_text(encoding="utf-8").split("objections:")[0]
    items = "".join(
        f"  - objection: Objection {i}\n    answer: |\n"
        + "".join("      " + line + "\n" for line in answer.split("\n"))
        for i in range(count)
    )
    return head + "objections:\n" + items + "asks:\n  - Sponsor a pilot.\n"


def _titled(titles: list[str], organisation: str = ORGANISATION) -> dict[str, str]:
    """One case per title under one organisation and year, each with its own source address, so
    only the title comparison can group them."""
    files = {}
    for number, title in enumerate(titles):
        text = ORDINARY.replace(
            "title: Greater Manchester Police tweets every incident for 24 hours", f"title: {json.dumps(title)}"
        )
        text = text.replace(f"organisation: {ORGANISATION}", f"organisation: {organisation}")
        text = text.replace(SOURCE_URL, f"https://example.org/{number}")
        files[f"case_studies/t{number:05}.yml"] = text
    return files


def _anagrams(title: str, count: int, seed: int) -> list[str]:
    """`count` distinct shuffles of the title's characters: every pair passes difflib's quick
    filters (the same characters), none is alike."""
    chars, found, rnd = list(title), set(), random.Random(seed)
    while len(found) < count:
        rnd.shuffle(chars)
        found.add("".join(chars).strip() + " x")
    return sorted(found)


def _word_orders(title: str, count: int, seed: int) -> list[str]:
    words, found, rnd = title.split(), set(), random.Random(seed)
    while len(found) < count:
        rnd.shuffle(words)
        found.add(" ".join(words))
    return sorted(found)


TITLE = "Greater Manchester Police tweets every incident for 24 hours"
PREFIX = "Greater Manchester Police tweets every incident for 24 hours and answers every reply, part "


def _duplicate_inputs() -> dict[str, dict[str, str]]:
    groups = {}
    for group in range(5):
        groups.update(
            {
                f"case_studies/g{group}-{k.rsplit('/', 1)[1]}": v
                for k, v in _titled(_anagrams(TITLE, 200, group), organisation=f"Council {group}").items()
            }
        )
    return {
        "100 ordinary titles, one organisation and year": _titled(
            [f"Council number {i} answers {i * 7} questions about bins and gritting" for i in range(100)]
        ),
        "100 anagram titles, one organisation and year": _titled(_anagrams(TITLE, 100, 1)),
        "200 anagram titles, one organisation and year (6.1 s before)": _titled(_anagrams(TITLE, 200, 1)),
        "1,000 anagram titles in five groups (28.2 s before)": groups,
        "100 word orders of one title, one organisation and year": _titled(_word_orders(TITLE, 100, 1)),
        "100 titles sharing a long prefix, one organisation and year": _titled([f"{PREFIX}{i:03}" for i in range(100)]),
    }


# The worst valid Markdown field found (0.1 s each at 4,000 characters): 100 '[' then text.
WORST_VALID_MARKDOWN = "[" * 100 + "a" * 3890


def inputs() -> dict[str, dict[str, str]]:
    """name -> {relative path: text}. Each is under the 100 kB limit."""
    return {
        "ordinary case file": {"case_studies/ordinary.yml": ORDINARY},
        "30 kB of '[' in challenge (83 s before the fix)": {"case_studies/x.yml": _case("challenge", "[" * 30_000)},
        "98 kB of '[' in challenge (17 min before)": {"case_studies/x.yml": _case("challenge", "[" * 97_000)},
        "'[a](' repeated, 95 kB": {"case_studies/x.yml": _case("challenge", "[a](" * 23_500)},
        "setext headings, 92 kB": {"case_studies/x.yml": _case("challenge", "a\n=\n" * 11_500)},
        "'- ' list markers on one line, 95 kB": {"case_studies/x.yml": _case("challenge", "- " * 47_000 + "a")},
        "flow nesting '[[[...]]]', 98 kB": {"case_studies/x.yml": ORDINARY + "extra: " + "[" * 49_000 + "]" * 49_000},
        "100 kB of escaped control characters": {
            "case_studies/x.yml": ORDINARY + 'extra: "' + "\\x01" * 24_000 + '"\n'
        },
        "one 95 kB key": {"case_studies/x.yml": ORDINARY + "k" * 95_000 + ": 1\n"},
        "9,000 unknown keys": {"case_studies/x.yml": ORDINARY + "".join(f"key{i}: 1\n" for i in range(9_000))},
        "9,000 references to no case": {
            "kits/x.yml": _kit("Fine.", 1).replace(
                "asks:", "    cases: [" + ", ".join(f"c{i}" for i in range(9_000)) + "]\nasks:"
            )
        },
        "2,000 outcomes missing their measure": {
            "case_studies/x.yml": ORDINARY.replace(
                "outcomes:\n", "outcomes:\n" + "  - value: '1'\n    source: 1\n" * 2_000
            )
        },
        "24,000 aliases (an 11.4 MB print before)": {
            "case_studies/x.yml": ORDINARY + "anchor: &a 1\naliases: [" + "*a," * 24_000 + "]\n"
        },
        "19,000 duplicate keys": {"case_studies/x.yml": ORDINARY + "t: 1\n" * 19_000},
        "6,500 keys holding a control character": {
            "case_studies/x.yml": ORDINARY + "".join(f'"k\\x01{i}": 1\n' for i in range(6_500))
        },
        "an unquoted integer of 5,000 digits (a traceback before)": {
            "case_studies/x.yml": ORDINARY.replace("year: 2010", "year: " + "1" * 5_000)
        },
        "kit: 24 answers of the worst valid Markdown (valid)": {"kits/heavy.yml": _kit(WORST_VALID_MARKDOWN, 24)},
        "1,000 copies of one case (duplicate check)": {f"case_studies/copy-{i}.yml": ORDINARY for i in range(1_000)},
        "5,000 copies of one case (duplicate check; 13 min and 5.3 GB before)": {
            f"case_studies/copy-{i}.yml": ORDINARY for i in range(5_000)
        },
        **_duplicate_inputs(),
    }


def _child(code: str, *args: str, cwd: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, env=ENV, timeout=1800
    )
    lines = (done.stdout + done.stderr).strip().splitlines()
    return json.loads(lines[-1])


def _validate(files: dict[str, str], workdir: Path) -> dict:
    repo = workdir / "repo"
    shutil.rmtree(repo, ignore_errors=True)
    shutil.copytree(FIXTURE, repo)
    for rel, text in files.items():
        (repo / rel).write_text(text, encoding="utf-8")
    return _child(VALIDATE, str(repo), cwd=workdir)


def _build(files: dict[str, str], workdir: Path) -> dict:
    project = workdir / "project"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(ROOT, project, ignore=COPY_IGNORE)
    for rel, text in files.items():
        (project / rel).write_text(text, encoding="utf-8")
    return _child(BUILD, str(workdir / "site"), cwd=project)


def measure(runs: int = 3, only: tuple[str, ...] = ()) -> list[dict]:
    """Each input (or those whose name holds one of `only`) against the ordinary file."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="casebook-hostile-") as tmp:
        workdir = Path(tmp)
        base = inputs()["ordinary case file"]
        for name, files in inputs().items():
            if only and not any(word in name for word in only):
                continue
            ours, ordinary = [], []
            for _ in range(runs):  # interleaved with the ordinary file, so drift hits both
                ours.append(_validate(files, workdir))
                ordinary.append(_validate(base, workdir))
            row = {
                "name": name,
                "bytes": max(len(t.encode()) for t in files.values()),
                "files": len(files),
                "valid": ours[0]["valid"],
                "problems": ours[0]["problems"],
                "seconds": statistics.median(r["seconds"] for r in ours),
                "ratio": statistics.median(o["seconds"] / b["seconds"] for o, b in zip(ours, ordinary, strict=True)),
                "rss_mb": max(r["rss_kb"] for r in ours) / 1024,
                "output_kb": ours[0]["output_bytes"] / 1024,
                "base_output_kb": ordinary[0]["output_bytes"] / 1024,
                "rss_ratio": max(r["rss_kb"] for r in ours) / max(b["rss_kb"] for b in ordinary),
            }
            if row["valid"] and len(files) == 1:  # building thousands of pages is bench.py's own section
                built, plain = [], []
                for _ in range(runs):
                    built.append(_build(files, workdir))
                    plain.append(_build(base, workdir))
                row.update(
                    build_seconds=statistics.median(b["seconds"] for b in built),
                    build_ratio=statistics.median(
                        b["seconds"] / p["seconds"] for b, p in zip(built, plain, strict=True)
                    ),
                    build_rss_ratio=max(b["rss_kb"] for b in built) / max(p["rss_kb"] for p in plain),
                )
            rows.append(row)
            print(f"measured: {name}", file=sys.stderr, flush=True)
    return rows


def report(rows: list[dict]) -> str:
    lines = [
        "## Hostile inputs: one file against an ordinary one",
        "",
        "| input | largest file (bytes) | valid | problems | output (kB) | validate (s) | time ratio | "
        "peak memory (MB) | memory ratio | build (s), ratio, memory ratio |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        build = (
            f"{r['build_seconds']:.1f}, {r['build_ratio']:.2f}×, {r['build_rss_ratio']:.2f}×"
            if "build_seconds" in r
            else "not built: refused"
            if not r["valid"]
            else "not built: many files"
        )
        lines.append(
            f"| {r['name']} | {r['bytes']:,} | {'yes' if r['valid'] else 'no'} | {r['problems']:,} | "
            f"{r['output_kb']:.1f} | {r['seconds']:.3f} | {r['ratio']:.1f}× | {r['rss_mb']:.0f} | "
            f"{r['rss_ratio']:.2f}× | {build} |"
        )
    copies = {r["files"]: r for r in rows if "copies of one case" in r["name"]}
    if 1000 in copies and 5000 in copies:
        exponent = math.log(copies[5000]["seconds"] / copies[1000]["seconds"]) / math.log(5)
        lines.append(
            f"\nValidation time of 1,000 to 5,000 copies of one case grows as N^{exponent:.2f} "
            f"({copies[1000]['seconds']:.1f} s to {copies[5000]['seconds']:.1f} s)."
        )
    single = [r for r in rows if r["files"] == 1]
    if not single:
        return "\n".join(lines)
    worst = max(single, key=lambda r: r["ratio"])
    loudest = max(single, key=lambda r: r["output_kb"])
    lines.append(
        f"\nWorst single file for validation time: {worst['name']}, {worst['ratio']:.1f}× the ordinary "
        f"file ({worst['seconds']:.2f} s); largest peak memory: "
        f"{max(r['rss_ratio'] for r in single):.2f}× the ordinary file's; largest output: "
        f"{loudest['name']}, {loudest['output_kb']:.1f} kB ({loudest['problems']:,} lines) against "
        f"{loudest['base_output_kb']:.1f} kB for the ordinary file."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """`bench_hostile.py [RUNS [WORD ...]]`: WORDs pick the inputs whose names hold one of them."""
    runs = int(argv[0]) if argv else 3
    print(report(measure(runs, tuple(argv[1:]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
