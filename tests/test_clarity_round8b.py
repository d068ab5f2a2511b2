"""Round 8b of clarity, by class, in the voices of other services (a hospital discharge
team, a youth offending service, a family support team, a learning disability team, a
professionals' meeting), not the notes of dev-clarity4.

References the reader cannot follow: an earlier event or record pointed at but never named
("same as last time", "see previous", "the other issue"); meeting actions that cannot be
checked ("as per discussion", "to do the necessary"); a closure or review summed up
without what was done or what changed ("work has been completed", "the situation has
improved", "in a better place", "engaged with everything"); background named only as
"historic concerns" or "ongoing issues". And the false-flag classes beside them: the same
earlier record cited by date and type; a named problem said to have stopped ("there are
no ongoing issues"); "no concerns about her skin" straight after a check of her skin set
out after a colon. Invented notes in, exact findings out (rule, line, column), clarity
only."""

from __future__ import annotations

import pytest

from notecheck.notes.text import parse_text


def found(linter, text: str, name: str = "note.md") -> list[tuple[str, int, int]]:
    parsed = linter.parse(parse_text(name, text))
    return sorted((d.rule, d.line, d.column) for d in linter.check(parsed)
                  if d.rule.startswith("clarity."))


CASES = {
    'an earlier event or record pointed at but never named': ("""\
Ward 7 discharge team, 2 December 2026.
Mr Okafor fell at home again, same as last time.
He is known to the falls clinic, see previous.
His wife raised the other issue with the nurse.
""", [('clarity.vague-phrase', 2, 31), ('clarity.vague-phrase', 3, 34), ('clarity.vague-phrase', 4, 17)]),
    'the earlier record cited by date and type passes': ("""\
Ward 7 discharge team, 2 December 2026.
Mr Okafor fell in his kitchen on 30 November and could not get up for two hours.
He is known to the falls clinic: see the clinic letter of 12 August 2026.
""", []),
    'meeting actions that cannot be checked': ("""\
Professionals' meeting, youth offending service, 1 December 2026.
Actions agreed as per discussion.
Police to do the necessary.
""", [('clarity.vague-phrase', 2, 16), ('clarity.vague-phrase', 3, 11)]),
    'a closure summed up without what was done or changed': ("""\
Family support closure, 2 December 2026.
The work was completed and the situation has improved.
Jayden is in a better place now and Dad has engaged with everything.
""", [('clarity.vague-phrase', 2, 5), ('clarity.vague-phrase', 2, 32), ('clarity.vague-phrase', 3, 11), ('clarity.vague-phrase', 3, 45)]),
    'background named only as historic concerns or ongoing issues': ("""\
Learning disability team, 1 December 2026.
There are historical concerns about the household and ongoing issues with the landlord.
""", [('clarity.vague-phrase', 2, 11), ('clarity.vague-phrase', 2, 55)]),
    'a named problem said to have stopped passes': ("""\
Learning disability team, 1 December 2026.
The landlord mended the boiler on 24 November and there are no ongoing issues.
""", []),
    'no concerns after the check set out after a colon passes': ("""\
Home care visit, 2 December 2026.
Skin check with Mrs Dunn's agreement: both heels and her sacrum intact, no redness. No concerns about her skin.
""", []),
    'no concerns after a topic only mentioned is still flagged': ("""\
Home care visit, 2 December 2026.
Asked Mrs Dunn about her skin. No concerns about her skin.
""", [('clarity.vague-phrase', 2, 32)]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_clarity_round8b(linter, name):
    text, expected = CASES[name]
    assert found(linter, text) == sorted(expected)
