"""A bad rule file stops the run (exit 2, nothing linted) with an error that names the
file, the line, the field, what is wrong and, for a misspelt key, the closest valid one."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from notecheck.rules.loader import RuleLoadError, load_rules

# One valid rule, line by line, so each test can break one line and know its number.
# Line 1 is "rules:", so the rule's "- id:" is line 2.
GOOD = """\
rules:
  - id: jargon.zz-good
    kind: phrase
    severity: warning
    message: "'{match}' is jargon; write '{suggestion}'."
    description: A test rule.
    principle: Plain English.
    terms:
      - term: kicked off
        suggestion: shouted
    examples:
      fail: ["Jamie kicked off."]
      pass: ["Jamie shouted."]
"""


def rule_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def edit(old: str, new: str, text: str = GOOD) -> str:
    assert old in text
    return text.replace(old, new, 1)


@pytest.fixture
def bad_rules(tmp_path):
    """A rule folder to break, and a note that would be flagged if anything were linted."""
    folder = tmp_path / "rules"
    folder.mkdir()
    note = tmp_path / "note.txt"
    note.write_text("Jamie kicked off.\n", encoding="utf-8")
    return folder, note


def run_check(cli, folder, note):
    result = cli(["check", "--rules", folder, "--select", "jargon.zz-*", "--format", "json", note])
    assert result.exit_code == 2, result
    assert result.stdout == ""  # nothing linted, no report
    return result.stderr


def errors_of(folder: Path) -> list[str]:
    with pytest.raises(RuleLoadError) as caught:
        load_rules([folder])
    return [str(e) for e in caught.value.errors]


def test_the_good_rule_loads(bad_rules, cli):
    folder, note = bad_rules
    rule_file(folder, "good.yaml", GOOD)
    result = cli(["check", "--rules", folder, "--select", "jargon.zz-*", "--format", "text", note])
    assert result.exit_code == 1
    assert f"{note}:1:7: warning jargon.zz-good " in result.stdout


def test_unknown_key_suggests_the_closest(bad_rules, cli):
    folder, note = bad_rules
    path = rule_file(folder, "a.yaml", edit("    principle: Plain English.\n",
                                            "    principle: Plain English.\n    sugestion: shouted\n"))
    stderr = run_check(cli, folder, note)
    assert f"{path}:8: unknown field 'sugestion' for a 'phrase' rule (did you mean 'suggestion'?)" in stderr
    assert "1 problem in rule files; nothing was checked." in stderr


def test_unknown_key_inside_a_term_suggests_the_closest(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", edit("        suggestion: shouted\n", "        sugestion: shouted\n"))
    assert errors_of(folder) == [
        f"{path}:10: unknown field 'sugestion' (did you mean 'suggestion'?) (field 'terms.0.sugestion')"]


def test_unknown_key_inside_examples_suggests_the_closest(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", edit("      fail:", "      fial:"))
    assert errors_of(folder) == [
        f"{path}:12: unknown field 'fial' (did you mean 'fail'?) (field 'examples.fial')"]


def test_unknown_top_level_key(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", "version: 2\n" + GOOD)
    [error] = errors_of(folder)
    assert error.startswith(f"{path}:1: unknown top-level key 'version'")


def test_file_without_a_rules_list(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", "- id: jargon.zz-x\n")
    assert errors_of(folder) == [
        f"{path}:1: a rule file must have a top-level 'rules:' list (field 'rules')"]


def test_duplicate_ids_across_files_name_both_places(bad_rules, cli):
    folder, note = bad_rules
    first = rule_file(folder, "a.yaml", GOOD)
    second = rule_file(folder, "sub/b.yaml", "# the same rule again\n" + GOOD)
    stderr = run_check(cli, folder, note)
    assert (f"{second}:3: the rule id 'jargon.zz-good' is already used at {first}:2; "
            "every rule needs its own id (field 'id')") in stderr


def test_duplicate_ids_in_one_file(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", GOOD + GOOD.replace("rules:\n", ""))
    [error] = errors_of(folder)
    assert error.startswith(f"{path}:14: the rule id 'jargon.zz-good' is already used at {path}:2")


def test_yields_to_a_rule_that_does_not_exist_suggests_the_closest(bad_rules, cli):
    # A misspelt id in yields_to would never apply, and say nothing: the rule would report
    # a second finding for one problem with no sign why.
    folder, note = bad_rules
    other = GOOD.replace("jargon.zz-good", "jargon.zz-better").replace("rules:\n", "")
    path = rule_file(folder, "a.yaml", edit("    kind: phrase\n", "    kind: phrase\n    yields_to: [jargon.zz-beter]\n") + other)
    stderr = run_check(cli, folder, note)
    assert (f"{path}:2: there is no rule 'jargon.zz-beter' (did you mean 'jargon.zz-better'?) "
            "in the rules loaded (field 'yields_to')") in stderr
    rule_file(folder, "a.yaml", edit("    kind: phrase\n", "    kind: phrase\n    yields_to: [jargon.zz-good]\n"))
    [error] = errors_of(folder)
    assert error == f"{path}:2: a rule cannot yield to itself (field 'yields_to')"


def test_unknown_kind_suggests_the_closest(bad_rules, cli):
    folder, note = bad_rules
    path = rule_file(folder, "a.yaml", edit("kind: phrase", "kind: phrases"))
    stderr = run_check(cli, folder, note)
    assert f"{path}:3: unknown kind 'phrases' (did you mean 'phrase'?)" in stderr
    assert "(field 'kind')" in stderr


def test_missing_kind(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", edit("    kind: phrase\n", ""))
    [error] = errors_of(folder)
    assert error.startswith(f"{path}:2: unknown kind 'None'")


def test_bad_severity(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", edit("severity: warning", "severity: high"))
    [error] = errors_of(folder)
    assert error.startswith(f"{path}:4: must be 'error', 'warning' or 'info'")
    assert error.endswith("(field 'severity')")


def test_missing_required_field(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", edit("    principle: Plain English.\n", ""))
    assert errors_of(folder) == [f"{path}:2: this field is required (field 'principle')"]


def test_rule_needs_a_pass_example(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", edit('      pass: ["Jamie shouted."]', "      pass: []"))
    assert errors_of(folder) == [f"{path}:13: give at least one (field 'examples.pass')"]


def test_bad_id(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", edit("id: jargon.zz-good", "id: Jargon.ZZ_Good"))
    [error] = errors_of(folder)
    assert error.startswith(f"{path}:2: a rule id is '<category>.<name>' in lower case with hyphens")


def test_unknown_category_suggests_the_closest(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", edit("id: jargon.zz-good", "id: jargn.zz-good"))
    [error] = errors_of(folder)
    assert error.startswith(f"{path}:2: 'jargn' is not a category (did you mean 'jargon'?)")


def test_category_must_match_its_folder(bad_rules, cli):
    folder, note = bad_rules
    path = rule_file(folder, "labelling/a.yaml", GOOD)
    stderr = run_check(cli, folder, note)
    assert (f"{path}:2: the rule 'jargon.zz-good' is in the 'labelling' folder; "
            "its id must start with 'labelling.' (field 'id')") in stderr


def test_message_placeholder_the_kind_does_not_fill(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", edit("write '{suggestion}'", "write '{expansion}'"))
    [error] = errors_of(folder)
    assert error.startswith(f"{path}:5: the message uses '{{expansion}}', which this kind does not fill")


def test_bad_regex(bad_rules, cli):
    folder, note = bad_rules
    path = rule_file(folder, "a.yaml", """\
        rules:
          - id: jargon.zz-regex
            kind: regex
            severity: info
            message: m
            description: d
            principle: p
            regex: 'section\\s+(47'
            examples:
              fail: [section 47]
              pass: [enquiry]
        """)
    stderr = run_check(cli, folder, note)
    assert f"{path}:8: the regular expression does not compile: missing )" in stderr
    assert "(field 'regex')" in stderr


def test_regex_group_that_does_not_exist(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", """\
        rules:
          - id: jargon.zz-regex
            kind: regex
            severity: info
            message: m
            description: d
            principle: p
            regex: 'section\\s+47'
            group: 1
            examples:
              fail: [section 47]
              pass: [enquiry]
        """)
    assert errors_of(folder) == [f"{path}:9: the regular expression has no group 1 (field 'group')"]


def test_unknown_regex_validator(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", """\
        rules:
          - id: jargon.zz-regex
            kind: regex
            severity: info
            message: m
            description: d
            principle: p
            regex: '\\d{10}'
            validator: no-such-check
            examples:
              fail: ['1234567890']
              pass: [enquiry]
        """)
    [error] = errors_of(folder)
    assert error.startswith(f"{path}:9: there is no validator 'no-such-check'")


PATTERN_RULE = """\
rules:
  - id: jargon.zz-pattern
    kind: pattern
    severity: info
    message: m
    description: d
    principle: p
    patterns:
      - tokens: [{LOWER: kicked}, {LOWER: 'off'}]
      - tokens: [{LOWR: kicked}]
    examples:
      fail: [kicked off]
      pass: [shouted]
"""


def test_bad_matcher_pattern(bad_rules, cli):
    folder, note = bad_rules
    path = rule_file(folder, "a.yaml", PATTERN_RULE)
    stderr = run_check(cli, folder, note)
    assert f"{path}:10: this token pattern is not valid:" in stderr
    assert "LOWR" in stderr
    assert "(field 'patterns.1.tokens')" in stderr


def test_bad_matcher_operator(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", PATTERN_RULE.replace("{LOWR: kicked}", "{LOWER: kicked, OP: '%'}"))
    [error] = errors_of(folder)
    assert error.startswith(f"{path}:10: this token pattern is not valid:")


def test_yaml_syntax_error_names_the_line(bad_rules, cli):
    folder, note = bad_rules
    path = rule_file(folder, "a.yaml", edit("description: A test rule.", "description: A test: rule."))
    stderr = run_check(cli, folder, note)
    assert f"{path}:6: this is not valid YAML: mapping values are not allowed" in stderr


def test_duplicate_key_names_its_line(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", edit("    principle: Plain English.\n",
                                            "    principle: Plain English.\n    severity: error\n"))
    assert errors_of(folder) == [f"{path}:8: the key 'severity' appears twice in the same place"]


def test_term_listed_twice(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", edit("        suggestion: shouted\n",
                                            "        suggestion: shouted\n      - term: Kicked  off\n"))
    assert errors_of(folder) == [f"{path}:11: the term 'Kicked  off' is listed twice (field 'terms.1.term')"]


def test_acronym_without_expansion(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", """\
        rules:
          - id: jargon.zz-acronym
            kind: acronym
            severity: info
            message: m
            description: d
            principle: p
            acronyms:
              CIN: child in need
              LAC: ' '
            examples:
              fail: [CIN]
              pass: [child]
        """)
    assert errors_of(folder) == [f"{path}:10: give the expansion of 'LAC' (field 'acronyms.LAC')"]


def test_every_problem_in_every_file_is_reported(bad_rules, cli):
    folder, note = bad_rules
    one = rule_file(folder, "a.yaml", edit("kind: phrase", "kind: phrasee"))
    two = rule_file(folder, "b.yaml", edit("severity: warning", "severity: high"))
    stderr = run_check(cli, folder, note)
    assert f"{one}:3:" in stderr and f"{two}:4:" in stderr
    assert "2 problems in rule files; nothing was checked." in stderr


def test_rule_folder_that_does_not_exist(tmp_path, cli):
    note = tmp_path / "note.txt"
    note.write_text("Text.\n", encoding="utf-8")
    result = cli(["check", "--rules", tmp_path / "nowhere", note])
    assert result.exit_code == 2
    assert f"{tmp_path / 'nowhere'}:1: this rule folder does not exist" in result.stderr


def test_test_rules_refuses_a_bad_folder(bad_rules, cli):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", edit("kind: phrase", "kind: phrasee"))
    result = cli(["test-rules", folder])
    assert result.exit_code == 2
    assert f"{path}:3: unknown kind 'phrasee'" in result.stderr
    assert "no examples were run" in result.stderr


def test_rule_file_that_is_not_utf8(bad_rules):
    folder, _ = bad_rules
    path = folder / "a.yaml"
    path.write_bytes(GOOD.replace("A test rule.", "Caf\xe9 rule.").encode("cp1252"))
    [error] = errors_of(folder)
    assert error.startswith(f"{path}:1: this rule file could not be read")


def test_unquoted_yaml_boolean_gets_a_hint_to_quote_it(bad_rules, cli):
    folder, note = bad_rules
    path = rule_file(folder, "a.yaml", edit("suggestion: shouted", "suggestion: off"))
    stderr = run_check(cli, folder, note)
    assert f"{path}:10: this should be text, but YAML read it as true/false: put it in quotes" in stderr


def test_the_rule_file_reference_in_docs_is_generated_from_the_schemas():
    """docs/kinds.md documents every kind's options; regenerate it with
    `python -m notecheck.kinddocs > docs/kinds.md` when a kind changes."""
    from notecheck.kinddocs import generate
    from notecheck.kinds import KINDS

    written = (Path(__file__).parents[1] / "docs" / "kinds.md").read_text(encoding="utf-8")
    assert written == generate()
    for name in KINDS:
        assert f"## `kind: {name}`" in written


def test_one_term_entry_can_list_its_forms(bad_rules, cli):
    """Wordings that share a suggestion are one entry: each is found, with that suggestion."""
    folder, note = bad_rules
    note.write_text("Jamie kicked off.\nThen Kayla kicks off too.\n", encoding="utf-8")
    rule_file(folder, "good.yaml", edit("      - term: kicked off\n",
                                        "      - term: [kicked off, kicks off]\n"))
    result = cli(["check", "--rules", folder, "--select", "jargon.zz-*", "--format", "text", note])
    assert result.exit_code == 1
    assert f"{note}:1:7: warning jargon.zz-good 'kicked off' is jargon; write 'shouted'." in result.stdout
    assert f"{note}:2:12: warning jargon.zz-good 'kicks off' is jargon; write 'shouted'." in result.stdout


def test_a_form_listed_twice_names_its_place(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", edit("      - term: kicked off\n",
                                            "      - term: [kicks off, kicked  off, Kicked off]\n"))
    assert errors_of(folder) == [
        f"{path}:9: the term 'Kicked off' is listed twice (field 'terms.0.term.2')"]


def test_an_empty_form_is_a_rule_file_error(bad_rules):
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", edit("      - term: kicked off\n", "      - term: [kicked off, '']\n"))
    assert errors_of(folder) == [f"{path}:9: must not be empty (field 'terms.0.term.1')"]


def test_an_empty_list_of_wordings_says_so(bad_rules):
    # A term that is text or a list: the error is about the list it was given, not about
    # the text it was not.
    folder, _ = bad_rules
    path = rule_file(folder, "a.yaml", edit("      - term: kicked off\n", "      - term: []\n"))
    assert errors_of(folder) == [f"{path}:9: the list of wordings is empty: give at least one, "
                                 "or write the term itself (field 'terms.0.term')"]
