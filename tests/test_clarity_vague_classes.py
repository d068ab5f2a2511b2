"""Classes of miss and false flag fixed in clarity in round 6 (measured on
tests/dev-clarity1), each beside the trap it must leave alone: lists set out with
semicolons and the person's quoted answers are not run-ons; summaries ("satisfactory",
"needs are being met", "went OK", "all sorted") and impressions of how often or how much
("now and again", "a fair amount") are vague; a finding tied to its topic and a figure is
not; a season's year is a date, not a count. Invented notes in, exact findings out (rule,
line, column), for clarity only."""

from __future__ import annotations

import pytest

from notecheck.notes.text import parse_text


def found(linter, text: str) -> list[tuple[str, int, int]]:
    parsed = linter.parse(parse_text("note.md", text))
    return sorted((d.rule, d.line, d.column) for d in linter.check(parsed)
                  if d.rule.startswith("clarity."))


CASES = {
    # ---- clarity.long-sentence: lists set out with semicolons; the person's quoted words --
    "a long list set out with semicolons is read an item at a time": ("""\
Call to Mrs Adebayo on 3 November 2026.
To finish her housing application before the panel on Friday, I asked Mrs Adebayo to bring the following to the office: her passport or another photo ID; her last three bank statements and the letter about her pension; the tenancy agreement for the flat on Mill Lane, with the notice her landlord gave her; and the names of the two friends she has stayed with since August.
""", []),
    "a list item over the limit is still too long": ("""\
Call to Mrs Adebayo on 3 November 2026.
I asked Mrs Adebayo to bring the following: her passport; her bank statements; and the tenancy agreement for the flat on Mill Lane that she had with the landlord who gave her notice in the summer and then came round to the flat and told her that she would have to leave by the end of the month because he wanted to sell it.
""", [("clarity.long-sentence", 2, 1)]),
    "a long answer quoted in the person's words is not counted": ("""\
Visit to Mr Osei on 3 November 2026.
Mr Osei said: "I know my legs are not what they were and my daughter is tired out, and I know that if I stay here on my own at night I might fall again and lie there on the floor till the morning and nobody would know, so I would rather move somewhere with people about, even though I will miss my allotment."
""", []),
    "the writer's run-on around a short quote is still too long": ("""\
Visit to Mr Osei on 3 November 2026.
Mr Osei said he was "tired out" and then he told me his daughter comes on Sundays and his neighbour brings his paper and he has fallen twice since the summer and he is worried about the winter because the heating keeps going off and the landlord has not been round.
""", [("clarity.long-sentence", 2, 1)]),
}

VAGUE = {
    # ---- clarity.vague-phrase: summaries of what was seen -------------------------------
    "'satisfactory' and 'needs are being met' record nothing that was seen": ("""\
Visit to the Price children on 3 November 2026.
Home conditions were satisfactory and the children's needs are being met.
""", [("clarity.vague-phrase", 2, 22), ("clarity.vague-phrase", 2, 54)]),
    "'OK' as how someone or something was, looked or went": ("""\
Care call to Mrs Lowe at 8am on 3 November 2026.
Mrs Lowe is walking OK with her stick. Her heels looked okay. The rest of the morning went OK.
""", [("clarity.vague-phrase", 2, 21), ("clarity.vague-phrase", 2, 57),
      ("clarity.vague-phrase", 2, 92)]),
    "'OK' as a question, a reply or consent is not a description": ("""\
Care call to Mrs Lowe at 8am on 3 November 2026.
I asked Mrs Lowe if she was OK. Her son said that was OK. I asked whether it was okay for me to ring her GP. Mrs Lowe said, "OK, love."
""", []),
    "a finding with its topic, on a figure in the sentence or the one before, passes": ("""\
Visit to baby Kai on 3 November 2026.
The health visitor weighed Kai: 6.4 kg, up from 5.9 kg on 6 October. She has no concerns about his weight.
Heels checked: no concerns about the skin on her heels; the sore on her hip measures 2 cm by 1 cm.
""", []),
    "'no concerns' on its own, or with a topic but no figure, is still vague": ("""\
Visit to baby Kai on 3 November 2026.
Kai was weighed: 6.4 kg. No concerns.
The health visitor has no concerns about his feeding.
""", [("clarity.vague-phrase", 2, 26), ("clarity.vague-phrase", 3, 24)]),
    "summaries of a shift, a person or a plan": ("""\
Night record for Mr Byrne, 3 November 2026.
Nothing to report. He seemed his usual self and was in good spirits. Care package all sorted for Friday.
History: one contact in 2023, nothing major. There are ongoing worries about the flat and some worries about his memory.
""", [("clarity.vague-phrase", 2, 1), ("clarity.vague-phrase", 2, 34),
      ("clarity.vague-phrase", 2, 53), ("clarity.vague-phrase", 2, 83),
      ("clarity.vague-phrase", 3, 31), ("clarity.vague-phrase", 3, 56),
      ("clarity.vague-phrase", 3, 91)]),
    # ---- clarity.vague-quantity: how often, how much ------------------------------------
    "'now and again', 'at times', 'a fair amount', 'a sum of' and 'big withdrawals'": ("""\
Call from the bank on 3 November 2026.
Her grandson has been coming in with her now and again. She can be confused at times.
She has taken out a fair amount lately, and a sum of money went to his account. There were some big cash withdrawals.
""", [("clarity.vague-quantity", 2, 42), ("clarity.vague-quantity", 2, 77),
      ("clarity.vague-quantity", 3, 19), ("clarity.vague-quantity", 3, 45),
      ("clarity.vague-quantity", 3, 97)]),
    "a season's year is a date, not a count": ("""\
Chronology for Kacey Moss.
Summer 2025: several incidents of going missing.
Winter 2025: went missing on 3 occasions, each reported to police.
""", [("clarity.vague-quantity", 2, 14)]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_long_sentences(linter, name):
    text, expected = CASES[name]
    assert found(linter, text) == sorted(expected)


@pytest.mark.parametrize("name", list(VAGUE))
def test_vague_wording(linter, name):
    text, expected = VAGUE[name]
    assert found(linter, text) == sorted(expected)
