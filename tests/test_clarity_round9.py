"""Round 9 of clarity, by class, in the voices of other services (a supported living
team, a hospital social work team, a fostering team, a youth offending service, a
domiciliary care agency), not the notes of dev-clarity5.

False-flag classes removed: a long sentence that is a list of short items, a day set out
item by item after a colon with semicolons, or the things someone brought with commas
when the items have no verbs; an object pronoun that picks up the person just named by a
noun ("helps her mother up; washes her"); a summary that names its topic followed at once
by what the writer saw or checked ("No concerns about the equipment. I saw the service
sticker ..."), and a verdict followed at once by a count of what was seen ("Family time
went well. Mia ... read three books"); a set grade, an inspector's or a course's, written
with its capital ("rated the home Good", "a Satisfactory grade"). In pass two: a list of actions, each opened by its verb ("iron a shirt, pay his
phone bill, ..."); "no concerns about her weight" followed at once by the measurements
("Weight 9.2 kg"). Missed classes added: a chronology entry that names an event and nothing
else ("Incident at day centre."), a record pointed at instead of its outcome ("Outcome as
per minutes"), more problems still unnamed ("Further issues reported"), and a problem said
to be over without what changed ("Situation now resolved"); and someone telling a named
person of the same gender about 'he' twice ("he warned Tyler he would lose his phone and
that he would have to stay in"; "she told her mother that if she ... she would have to
leave, and she said she would try"); a closure that says needs were addressed, equipment
is working well and no further needs were found, without which. Invented notes in, exact
findings out (rule, line, column), clarity only."""

from __future__ import annotations

import pytest

from notecheck.notes.text import parse_text


def found(linter, text: str, name: str = "note.md") -> list[tuple[str, int, int]]:
    parsed = linter.parse(parse_text(name, text))
    return sorted((d.rule, d.line, d.column) for d in linter.check(parsed)
                  if d.rule.startswith("clarity."))


CASES = {
    'a day set out item by item is read an item at a time': ("""\
Supported living review, 1 December 2026.
Liam is 19 and has lived at Fern Court since May.
Staff went through Liam's weekday with him and he agreed it: he gets up at 07:00 with a prompt from staff; showers and shaves with one prompt; takes his 08:00 tablets with a staff member watching; catches the 08:40 bus to college on his own; eats lunch in the college canteen; comes back on the 15:10 bus; goes to the gym on Tuesdays and Thursdays with his support worker Amir; cooks tea with staff at 17:30, usually pasta or a stir fry; washes up and wipes the kitchen side; phones his mum at 19:00 and his brother on Sundays; and goes to bed at about 22:30 after his tablets.
He said he likes the gym best. He wants to cook more on his own.
He asked if he can stay up later on Fridays. We will talk about it at his review.
""", []),
    'a list whose items are long is still too long': ("""\
Supported living review, 1 December 2026.
Liam is 19 and has lived at Fern Court since May.
Staff went through Liam's week with him: he gets up at 07:00 most days but on college days he needs a second prompt from staff because he stays up late on his tablet watching films and then finds it hard to wake; he goes to college on the bus; and he goes to the gym on Tuesdays and Thursdays with his support worker Amir, who says Liam has been much keener since he started the new programme in October and the staff at the gym know him well now.
""", [('clarity.long-sentence', 3, 1)]),
    'the things someone brought, set out with commas, are a list': ("""\
Hospital social work team, ward 12, 2 December 2026.
Mrs Adeyemi is 88. She moved to Elm House today.
Her belongings were checked with her and her son before the move to Elm House: one brown suitcase of clothes, two nightdresses and a dressing gown, her glasses in a red case, a hearing aid with spare batteries, a walking frame, a radio, three framed photographs of her grandchildren, her handbag with her purse and bus pass, a prayer book, and £20.40 in cash, which her son took home for safe keeping.
""", []),
    'a run-on after a colon, with verbs in each stretch, is still too long': ("""\
Hospital social work team, ward 12, 2 December 2026.
Mrs Adeyemi is 88. She is on ward 12.
The ward sister told me what happened overnight: Mrs Adeyemi got up at 02:00, she walked to the nurses' station without her frame, she said she was going home, she fell near the door, the night nurse helped her up, she was checked by the doctor, she was given paracetamol, she went back to bed at 03:00, and she slept until breakfast.
""", [('clarity.long-sentence', 3, 1)]),
    'a her straight after the person named by a noun picks that person up': ("""\
Carer's assessment, 2 December 2026.
Mrs Khan told me about her mornings, and I read it back to her and she agreed it: she gets up at 06:00 to help her mother to the toilet; washes and dresses her at 06:30; and makes breakfast.
""", []),
    'two women called only she and her are still unclear': ("""\
Fostering supervision, 2 December 2026.
Jo said she rang her after she had seen her at school and she told her she was not coming home.
""", [('clarity.unclear-pronoun', 2, 18)]),
    'a summary with its topic followed at once by what the writer saw': ("""\
Domiciliary care spot check, 2 December 2026.
I visited Mrs Hale at home.
No concerns about the kitchen. I checked the fridge: milk, cheese and two ready meals, all in date.
""", []),
    'a summary followed by what someone else said is still vague': ("""\
Domiciliary care spot check, 2 December 2026.
I visited Mrs Hale at home.
No concerns about the kitchen. Her daughter said she cleans it on Sundays.
""", [('clarity.vague-phrase', 3, 1)]),
    'someone tells a man of the same gender about he, twice': ("""\
Youth offending service home visit, 2 December 2026.
Present: Mr Price and his son Tyler (16).
Mr Price told me that on Sunday he warned Tyler he would lose his phone and that he would have to stay in.
""", [('clarity.unclear-pronoun', 3, 49)]),
    'told about she once reads plainly': ("""\
Fostering visit, 2 December 2026.
Present: Mrs Abbott and her daughter Leah (15).
Mrs Abbott told Leah she would pick her up at 6.
""", []),
    'a list of actions, each opened by its verb, is a list': ("""\
Leaving care pathway session, 2 December 2026.
Jordan is 17. He moves to his own flat in March.
Jordan and I wrote down what he wants to practise before he moves: iron a shirt for his interview at the garage on Friday, pay his phone bill on the app at the start of the month, make a packed lunch for college with what is in the fridge, read his tenancy agreement with me and mark what he does not understand, wash his bedding at the launderette on Mill Street, and ring the GP surgery to book his own appointment.
""", []),
    'someone tells her mother about she, and both answer': ("""\
Early help visit, 2 December 2026.
Present: Jade and her mother Carol.
Jade said she told her mother that if she kept shouting at the children she would have to leave, and she said she would try.
""", [('clarity.unclear-pronoun', 3, 39)]),
    'a closure that says needs were met and services work, but not which': ("""\
Reablement closure, 2 December 2026.
Reablement finished and needs addressed.
Equipment in place and working well. No further needs identified.
""", [('clarity.vague-phrase', 2, 25), ('clarity.vague-phrase', 3, 24), ('clarity.vague-phrase', 3, 38)]),
    'no concerns followed at once by the measurements': ("""\
Health visitor review, 2 December 2026.
Growth: no concerns about Kofi's growth. Height 131 cm (75th centile), weight 28 kg (75th centile), the same centiles as last year.
""", []),
    'a verdict followed at once by what was seen, with its count': ("""\
Family time, contact centre, 2 December 2026.
Family time went well. Mia ran to her dad and they read three books together on the sofa.
""", []),
    'a verdict followed by nothing that shows it is still vague': ("""\
Family time, contact centre, 2 December 2026.
Family time went well. Dad brought snacks.
""", [('clarity.vague-phrase', 2, 8)]),
    'a set grade from an inspector or a course is not a summary by the writer': ("""\
Provider review, 2 December 2026.
The Care Quality Commission rated the home Good in May and kept its Adequate rating for safety.
Her son passed his Level 2 care course with a Satisfactory grade.
""", []),
    'the same words as a grade by the writer are still vague': ("""\
Provider review, 2 December 2026.
Her care at the home was satisfactory and her room was adequate.
""", [('clarity.vague-phrase', 2, 26), ('clarity.vague-phrase', 2, 56)]),
    'a chronology entry that names an event and nothing else': ("""\
CHRONOLOGY - Youth offending service
02/11/2026 - Incident at school.
05/11/2026 - Panel meeting held. Outcome as per the minutes.
10/11/2026 - Further problems reported by the school.
20/11/2026 - Matter now resolved.
""", [('clarity.vague-phrase', 2, 14), ('clarity.vague-phrase', 3, 42), ('clarity.vague-phrase', 4, 14),
      ('clarity.vague-phrase', 5, 14)]),
    'a chronology entry that says what happened passes': ("""\
CHRONOLOGY - Youth offending service
02/11/2026 - Incident at school. Kyle pushed a Year 9 boy into a door; the school excluded him for two days.
05/11/2026 - Panel meeting held. Kyle agreed to six sessions of victim awareness work.
20/11/2026 - The problem with his bus pass was resolved when the council sent a new one.
""", []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_clarity_round9(linter, name):
    text, expected = CASES[name]
    assert found(linter, text) == sorted(expected)
