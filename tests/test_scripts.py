"""The command-line scripts, through main(argv): output and exit codes."""

from __future__ import annotations

import importlib.util
import re

from support import ROOT, TODAY, edit


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


validate = load_script("validate")
build_schemas = load_script("build_schemas")
LINE = re.compile(r"^[^:\s]+:\d+:\d+: .+ \[[a-z0-9-]+\]$")
DAY = TODAY.isoformat()  # fixtures are judged on the fixed day, never the wall clock


def test_valid_repository_exits_0(repo, capsys):
    assert validate.main(["--today", DAY, "--root", str(repo)]) == 0
    assert capsys.readouterr().err.strip() == "No problems found."


def test_errors_exit_1_one_line_each_sorted(repo, capsys):
    edit(repo, "kits/executives.yml", "order: 1", "order: one")
    edit(repo, "case_studies/gmp-tweets.yml", "country: GB", "country: UK")
    edit(repo, "case_studies/gmp-tweets.yml", "year: 2010", "year: 2010\nyear: 2011")
    assert validate.main(["--today", DAY, "--root", str(repo)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[-1] == "3 errors and 0 warnings in 2 files"
    assert all(LINE.match(line) for line in lines[:-1]), lines
    assert [line.split(":")[0] for line in lines[:-1]] == ["case_studies/gmp-tweets.yml"] * 2 + ["kits/executives.yml"]


def test_paths_narrow_the_report(repo, capsys):
    edit(repo, "kits/executives.yml", "order: 1", "order: one")
    edit(repo, "benefits/tweeting-a-day-of-calls.yml", "topics: [public-safety]", "topics: [safety]")
    assert validate.main(["--today", DAY, "--root", str(repo), str(repo / "kits")]) == 1
    err = capsys.readouterr().err
    assert "kits/executives.yml" in err and "benefits/" not in err


def test_bad_usage_exits_2(repo, capsys):
    assert validate.main(["--no-such-flag"]) == 2
    assert validate.main(["--today", DAY, "--root", str(repo), str(repo / "missing.yml")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_warnings_fail_only_when_strict(repo, capsys):
    edit(repo, "taxonomy.yml", "channels:\n", "channels:\n  facebook:\n    label: Facebook\n    description: Pages.\n")
    assert validate.main(["--today", DAY, "--root", str(repo)]) == 0
    assert validate.main(["--today", DAY, "--root", str(repo), "--strict"]) == 1


def test_github_format_adds_annotations(repo, capsys):
    edit(repo, "kits/executives.yml", "order: 1", "order: one")
    validate.main(["--today", DAY, "--root", str(repo), "--format", "github"])
    assert "::error file=kits/executives.yml,line=4,col=1,title=wrong-type::" in capsys.readouterr().err


def test_real_content_has_no_errors(capsys):
    assert validate.main([]) == 0, capsys.readouterr().err


def test_schema_files_are_up_to_date(capsys):
    assert build_schemas.main(["--check"]) == 0, capsys.readouterr().err


def test_schema_check_catches_a_new_topic(repo, capsys, tmp_path):
    import shutil

    shutil.copytree(ROOT / "schema", repo / "schema")
    assert build_schemas.main(["--root", str(repo), "--check"]) == 1
    assert "Out of date" in capsys.readouterr().err


new_case = load_script("new_case")


def test_new_case_writes_a_template_that_lists_what_is_left(repo, capsys):
    (repo / "templates").mkdir()
    (repo / "templates/new-case.yml").write_text((ROOT / "templates/new-case.yml").read_text())
    assert new_case.main(["--root", str(repo), "leeds-gritting"]) == 0
    text = (repo / "case_studies/leeds-gritting.yml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../schema/case-study.schema.json\n")
    assert "One sector id from taxonomy.yml: policing" in text
    out = capsys.readouterr().out
    assert "Wrote case_studies/leeds-gritting.yml" in out
    assert "line 7: title: still holds the template's TODO" in out
    assert new_case.main(["--root", str(repo), "leeds-gritting"]) == 2
    assert "already exists" in capsys.readouterr().err


def test_new_case_refuses_a_bad_id(repo, capsys):
    assert new_case.main(["--root", str(repo), "Leeds_Gritting"]) == 2
    assert "is not a valid id" in capsys.readouterr().err
    assert not list((repo / "case_studies").glob("Leeds*"))


audit_sample = load_script("audit_sample")


def test_audit_sample_prints_figure_measure_source_and_line(repo, capsys):
    lines = (repo / "case_studies/gmp-tweets.yml").read_text().splitlines()
    value_line = lines.index('    value: "3,205 calls"') + 1
    quote_line = next(i for i, line in enumerate(lines, 1) if line.startswith("  text: it has shown"))
    assert audit_sample.main(["--root", str(repo), "--seed", "7", "-n", "5"]) == 0
    out = capsys.readouterr().out
    assert "2 of 2 figures and quotes" in out
    assert (
        f"case_studies/gmp-tweets.yml:{value_line} (outcome)\n   figure:  3,205 calls\n"
        "   measure: Calls received and posted during the 24 hours\n"
        "   source:  [1] BBC News, 2010-10, primary: http://www.bbc.com/news/uk-england-manchester-11549069" in out
    )
    assert f"case_studies/gmp-tweets.yml:{quote_line} (quote)" in out and "measure: quote by Peter Fahy" in out


def test_audit_sample_is_repeatable_and_seeded(repo, capsys):
    for number in range(2, 6):
        (repo / f"case_studies/copy-{number}.yml").write_text(
            (repo / "case_studies/gmp-tweets.yml").read_text().replace("3,205 calls", f"{number} calls")
        )
    picks = []
    for seed in (1, 1, 2):
        assert audit_sample.main(["--root", str(repo), "--seed", str(seed), "-n", "3"]) == 0
        picks.append(re.findall(r"figure:  (.+)", capsys.readouterr().out))
    assert len(picks[0]) == 3 and picks[0] == picks[1]
    assert picks[0] != picks[2]


def test_audit_sample_refuses_bad_usage(repo, capsys):
    assert audit_sample.main(["--root", str(repo), "--seed", "1", "-n", "0"]) == 2
    assert audit_sample.main(["--root", str(repo), "-n", "3"]) == 2  # no seed: not repeatable


def test_today_judges_dates_on_that_day(repo, capsys):
    """--today, not the wall clock, decides what is in the future: the fixture's own dates pass on
    its day and fail on a day before them."""
    assert validate.main(["--today", DAY, "--root", str(repo)]) == 0
    assert validate.main(["--today", "2000-01-01", "--root", str(repo)]) == 1
    assert "is in the future" in capsys.readouterr().err


def test_bad_today_exits_2_saying_the_form(repo, capsys):
    assert validate.main(["--today", "22/11/2026", "--root", str(repo)]) == 2
    assert validate.main(["--today", "2026-02-30", "--root", str(repo)]) == 2
    err = capsys.readouterr().err
    assert "validate.py: --today '22/11/2026' is not a date: expected YYYY-MM-DD, e.g. 2026-11-22" in err
    assert "--today '2026-02-30' is not a date" in err


def test_make_serve_on_a_busy_port_says_so_in_one_line(tmp_path):
    import socket
    import subprocess
    import sys

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run(
            ["make", "-s", "serve", f"PORT={port}", f"PY={sys.executable}", "STAMP="],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode != 0
    assert done.stderr.splitlines()[0] == (
        f"Port {port} is already in use (is another make serve running?): stop it, or run make serve PORT={port + 1}"
    )
    assert "Traceback" not in done.stderr + done.stdout and "Errno" not in done.stderr


def test_a_free_port_passes_the_check():
    import socket
    import subprocess
    import sys

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert subprocess.run([sys.executable, str(ROOT / "scripts/port_free.py"), str(port)]).returncode == 0
