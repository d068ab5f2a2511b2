"""The pre-commit hook, run the way a records team would: pre-commit try-repo on a git
repository of notes. This installs notecheck (and spaCy) into pre-commit's own
environment from the package index, so it takes a few minutes the first time."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"


def test_hook_manifest_is_valid():
    clientlib = pytest.importorskip("pre_commit.clientlib",
                                    reason="pre-commit is not installed (pip install '.[test]')")
    hooks = {h["id"]: h for h in clientlib.load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}
    assert hooks["notecheck"]["entry"] == "notecheck check"
    assert set(hooks["notecheck"]["types_or"]) >= {"text", "markdown", "csv", "json"}
    import re

    files = re.compile(hooks["notecheck"]["files"])
    for name in ("a.txt", "a.md", "a.csv", "a.tsv", "a.json", "exports/a.jsonl"):
        assert files.search(name), name
    assert not files.search("setup.py") and not files.search("notecheck.yaml")


@pytest.mark.slow
def test_pre_commit_try_repo_runs_the_hook_on_a_git_repository(tmp_path):
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install '.[test]')")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    hook_repo = os.environ.get("NOTECHECK_HOOK_REPO", str(ROOT))
    repo = tmp_path / "records"
    (repo / "house-rules" / "jargon").mkdir(parents=True)
    # The team's own rule (its own id, so it never clashes with the built-in packs).
    rule = (DATA / "rules" / "jargon" / "test-jargon.yaml").read_text(encoding="utf-8")
    rule = rule.replace("jargon.test-jargon", "jargon.house-slang").replace("jargon.test-acronym",
                                                                             "jargon.house-acronym")
    (repo / "house-rules" / "jargon" / "house.yaml").write_text(rule, encoding="utf-8")
    (repo / "notecheck.yaml").write_text("rules: [house-rules]\nselect: [jargon.house-slang]\n",
                                         encoding="utf-8")
    (repo / "visit.md").write_text("Mum kicked off at the door.\n", encoding="utf-8")
    (repo / "fine.md").write_text("Mum shouted at me at the door.\n", encoding="utf-8")
    (repo / "export.jsonl").write_text('{"id": "J1", "text": "Dad presented as calm."}\n',
                                       encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "NOTECHECK_CACHE_DIR": str(tmp_path / "cache")}
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)

    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", hook_repo, "notecheck", "--all-files",
         "--color", "never"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=1800)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "notecheck (case note quality)" in output and "Failed" in output
    assert "visit.md:1:5: warning jargon.house-slang" in output
    assert "export.jsonl:1:27: warning jargon.house-slang" in output
    assert "fine.md" not in output.split("Failed", 1)[1]
