"""Start-up: commands that need no parsing never import spaCy, and unchanged rule files
are read back compiled from the cache folder instead of being validated and compiled again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTE = "Mum kicked off when I arrived. The LAC review is on Monday.\n"


def run(tmp_path: Path, *args: str) -> tuple[int, set[str], str]:
    """Run notecheck in a fresh interpreter; its exit code, the modules it imported, stdout."""
    code = ("import json, runpy, sys\n"
            f"sys.argv = ['notecheck', *{list(args)!r}]\n"
            "status = 0\n"
            "try:\n    runpy.run_module('notecheck', run_name='__main__')\n"
            "except SystemExit as exc:\n    status = exc.code or 0\n"
            "sys.stderr.write('\\nMODULES ' + json.dumps([status, sorted(sys.modules)]))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NOTECHECK_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=600)
    status, modules = json.loads(done.stderr.rsplit("MODULES ", 1)[1])
    return status, set(modules), done.stdout


def test_version_does_not_import_spacy(tmp_path):
    status, modules, out = run(tmp_path, "--version")
    assert status == 0 and out.startswith("notecheck ")
    assert "spacy" not in modules
    assert "notecheck.kinds" not in modules


def test_listing_and_explaining_rules_do_not_import_spacy(tmp_path):
    run(tmp_path, "rules")  # the first run compiles the rules and caches them
    status, modules, out = run(tmp_path, "rules")
    assert status == 0 and "jargon.formal-word" in out
    assert "spacy" not in modules
    status, modules, out = run(tmp_path, "explain", "jargon.formal-word")
    assert status == 0 and "jargon.formal-word" in out
    assert "spacy" not in modules


def test_a_run_wholly_served_from_the_cache_does_not_import_spacy(tmp_path):
    (tmp_path / "visit.md").write_text(NOTE, encoding="utf-8")
    first_status, first_modules, first = run(tmp_path, "check", "--format", "json", "visit.md")
    assert first_status == 1 and "spacy" in first_modules
    status, modules, again = run(tmp_path, "check", "--format", "json", "visit.md")
    assert status == 1 and json.loads(again)["diagnostics"] == json.loads(first)["diagnostics"]
    assert "spacy" not in modules


def test_checking_a_note_leaves_out_spacys_command_line(tmp_path):
    (tmp_path / "visit.md").write_text(NOTE, encoding="utf-8")
    status, modules, out = run(tmp_path, "check", "--no-cache", "--format", "json", "visit.md")
    assert status == 1 and "labelling.blaming-label" in out
    assert "spacy" in modules
    assert not {"spacy.cli.download", "weasel", "httpx"} & modules


def test_bank_holidays_are_looked_up_only_for_a_note_that_may_be_late(tmp_path):
    front = "---\ncontact_date: 2026-11-{}\nrecorded_date: 2026-11-{}\n---\n"
    (tmp_path / "visit.md").write_text(front.format("05", "06") + NOTE, encoding="utf-8")
    status, modules, out = run(tmp_path, "check", "--no-cache", "--format", "json", "visit.md")
    assert status == 1 and "timeliness.late-recording" not in out
    assert "holidays" not in modules
    (tmp_path / "visit.md").write_text(front.format("05", "20") + NOTE, encoding="utf-8")
    status, modules, out = run(tmp_path, "check", "--no-cache", "--format", "json", "visit.md")
    assert "timeliness.late-recording" in out and "11 working days" in out
    assert "holidays" in modules
    # Only the UK's calendar: not the holidays of its 250 other countries.
    assert "holidays.countries.united_kingdom" in modules
    assert not any(m.startswith("holidays.countries") and m != "holidays.countries.united_kingdom"
                   for m in modules)


def test_spacys_command_line_still_works_when_left_out(tmp_path):
    code = ("from notecheck.nlp import defer_spacy_cli\n"
            "defer_spacy_cli()\n"
            "import sys, spacy\n"
            "assert 'weasel' not in sys.modules\n"
            "import spacy.cli.download\n"            # a submodule: the real command line
            "assert 'weasel' in sys.modules\n"
            "from spacy.cli import info\n"
            "assert spacy.cli is sys.modules['spacy.cli'] and callable(spacy.cli.download.download)\n"
            "assert isinstance(spacy.info(), dict)\n"
            "print('ok')\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.stdout.strip().endswith("ok"), done.stderr


def test_unchanged_rule_files_are_read_back_compiled(tmp_path, monkeypatch):
    from notecheck.rules import loader

    import shutil

    shutil.copytree(ROOT / "tests" / "data" / "rules", tmp_path / "rules")
    rule_file = next((tmp_path / "rules").rglob("test-jargon.yaml"))
    cache = tmp_path / "cache"
    first = loader.load_rules([tmp_path / "rules"], cache_dir=cache)
    assert len(list(cache.glob("rules-*.pickle"))) == 1

    def no_compiling(*args, **kwargs):
        raise AssertionError("the rule files were read again")

    monkeypatch.setattr(loader, "load_rule_file", no_compiling)
    again = loader.load_rules([tmp_path / "rules"], cache_dir=cache)
    assert [r.id for r in again] == [r.id for r in first] == ["jargon.test-jargon", "jargon.test-acronym"]
    assert again[0].compiled.terms.index == first[0].compiled.terms.index  # a phrase rule's term list
    # A changed rule file is read again.
    rule_file.write_text(rule_file.read_text(encoding="utf-8").replace("term: kicked off", "term: kicked off badly"),
                         encoding="utf-8")
    with pytest.raises(AssertionError, match="read again"):
        loader.load_rules([tmp_path / "rules"], cache_dir=cache)
    monkeypatch.undo()
    changed = loader.load_rules([tmp_path / "rules"], cache_dir=cache)
    assert changed[0].options.terms[1].term == "kicked off badly"


def test_the_rule_cache_holds_no_note_text(tmp_path):
    (tmp_path / "visit.md").write_text("Kayleigh Marsh-Okonkwo kicked off at the contact centre.\n",
                                       encoding="utf-8")
    run(tmp_path, "check", "visit.md")
    files = list((tmp_path / "cache").glob("rules-*.pickle"))
    assert files
    for path in files:
        data = path.read_bytes()
        assert b"Kayleigh" not in data and b"Okonkwo" not in data


def test_a_damaged_rule_cache_is_ignored(tmp_path):
    (tmp_path / "visit.md").write_text(NOTE, encoding="utf-8")
    _, _, first = run(tmp_path, "check", "--format", "json", "visit.md")
    for path in (tmp_path / "cache").glob("rules-*.pickle"):
        path.write_bytes(b"not a pickle")
    (tmp_path / "visit.md").write_text(NOTE + "\n", encoding="utf-8")  # not a results-cache hit
    status, _, again = run(tmp_path, "check", "--format", "json", "visit.md")
    assert status == 1
    assert [d["rule"] for d in json.loads(again)["diagnostics"]] == \
        [d["rule"] for d in json.loads(first)["diagnostics"]]



def _settings(tokenizer):
    pattern = lambda f: None if f is None else f.__self__.pattern  # noqa: E731
    return (tokenizer.rules, pattern(tokenizer.prefix_search), pattern(tokenizer.suffix_search),
            pattern(tokenizer.infix_finditer), pattern(tokenizer.token_match),
            pattern(tokenizer.url_match), tokenizer.faster_heuristics)


TRICKY = "Mum said \"I can't cope\" (again) on 3/11 -- e-mail sent to CAMHS @ 9:30am; Dr. O'Neil's view."


def test_pipelines_tokenize_as_their_tokenizer_files_say():
    """nlp.load_model keeps spaCy's default tokenizer when the pipeline's tokenizer file
    only repeats it: for the English pipeline and the evidence classifier, the tokenizer
    must be exactly the one the file describes."""
    import spacy
    from spacy.tokenizer import Tokenizer

    from notecheck.nlp import EVIDENCE_MODEL, _model_folder, find_model, load_evidence, load_model

    name = find_model()
    if name is None:
        pytest.skip("no trained English pipeline installed")
    for loaded, folder in ((load_evidence(), EVIDENCE_MODEL),
                           (load_model(name, exclude=["ner", "parser", "tagger"]), _model_folder(name))):
        shipped = Tokenizer(spacy.blank("en").vocab).from_disk(folder / "tokenizer")
        assert _settings(loaded.tokenizer) == _settings(shipped)
        assert [t.text for t in loaded.tokenizer(TRICKY)] == [t.text for t in shipped(TRICKY)]


def test_a_tokenizer_file_that_differs_from_the_defaults_is_applied(tmp_path):
    import shutil

    from notecheck.nlp import EVIDENCE_MODEL, load_model

    copy = tmp_path / "model"
    shutil.copytree(EVIDENCE_MODEL, copy)
    nlp = load_model(copy)
    assert [t.text for t in nlp("gonna")] == ["gon", "na"]
    nlp.tokenizer.add_special_case("gonna", [{"ORTH": "gonna"}])
    nlp.tokenizer.to_disk(copy / "tokenizer", exclude=["vocab"])
    assert [t.text for t in load_model(copy)("I'm gonna go")] == ["I", "'m", "gonna", "go"]


@pytest.mark.parametrize("given, expected", [(None, "1"), ("2", "2")])
def test_the_library_asks_numpys_blas_for_one_thread_unless_told(tmp_path, given, expected):
    """--jobs and Dask workers are the way to use more cores: a BLAS thread per core in each
    of them fights for the cores (a 1,200-note --jobs 2 run through the library took 18.1 s
    against one process's 15.3 s). OpenBLAS reads the setting once, when NumPy is first
    imported, so ``import notecheck`` sets it; a value the user set is kept."""
    code = ("import os, sys, notecheck\n"
            "found = notecheck.check_text('The LAC review is on Monday.')\n"
            "assert 'numpy' in sys.modules and found\n"
            "print(os.environ['OPENBLAS_NUM_THREADS'])\n")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    env["PYTHONPATH"] = str(ROOT / "src")
    if given:
        env["OPENBLAS_NUM_THREADS"] = given
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.stdout.strip() == expected, done.stderr
