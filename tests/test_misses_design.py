"""Misses and false flags found on writing the rules were never tuned on, generalised over.

Short notes in many services' voices (terse and wordy), one sentence each: the problem, and
the good writing next to it that must be left alone. Each case gives the rule, the person
the note is about (child or adult, its subject_type), the sentence, and exactly where the
rule must report (line, column of the sentence), or [] for nothing.

The classes: victim-blaming framed as the child's consent or choice; "boyfriend" and
"relationship" for an adult with a child (the paragraph gives both ages); care-system
language ("contact with Mum" for family time, "a LAC"); acronyms of education, health and
youth services; passives of reporting, thinking and noticing with no one named
("it is thought that", "Dad is believed to be"), with their sourced forms left alone;
relative times a list lacks ("the week before last", "earlier in the year", "last term",
"a few months ago", "soon"); an injury recorded with a guessed cause; a hedged view of what
the person means or intends ("probably minimising") whose only support is their words; and a
claim put down to a whole service with no one in it named ("Police say he is dangerous").
"""

from __future__ import annotations

import pytest

from notecheck.notes.text import parse_text


CASES = [
    # labelling.victim-blaming
    ('labelling.victim-blaming', 'child', 'Kayla (14) chose to go with them to the flat on Friday night.', [(1, 12)]),
    ('labelling.victim-blaming', 'child', 'Police described it as a consensual relationship between Amber (15) and the man.', [(1, 26)]),
    ('labelling.victim-blaming', 'child', 'YP went willingly with the males in the car.', [(1, 4)]),
    ('labelling.victim-blaming', 'child', 'Ellie is putting herself at risk by staying out.', [(1, 10)]),
    ('labelling.victim-blaming', 'child', 'Staff feel this is a lifestyle choice for Tia.', [(1, 22)]),
    ('labelling.victim-blaming', 'child', 'Leah (15) is sexually active with a 24-year-old man she met online.', [(1, 14)]),
    ('labelling.victim-blaming', 'child', 'Mason has chosen to get involved with the older lads who deal on the estate.', [(1, 11)]),
    ('labelling.victim-blaming', 'child', 'She consented to going back to his flat.', [(1, 5)]),
    ('labelling.victim-blaming', 'child', 'Ruby agreed to have sex with the men for vodka and cigarettes.', [(1, 6)]),
    ('labelling.victim-blaming', 'child', 'He is happy to carry the packages and enjoys the money.', [(1, 7)]),
    ('labelling.victim-blaming', 'child', 'Chantelle is making choices that place her in danger.', [(1, 14)]),
    ('labelling.victim-blaming', 'child', 'Jade is choosing to spend time with adults who exploit her.', [(1, 9)]),
    ('labelling.victim-blaming', 'child', 'Nia placed herself in a risky situation by getting in the car.', [(1, 5)]),
    ('labelling.victim-blaming', 'child', 'Tyler (13) has been selling drugs for older boys.', [(1, 21)]),
    ('labelling.victim-blaming', 'child', 'Tyler said he wants to stay with Mum.', []),
    ('labelling.victim-blaming', 'child', 'Kayla chose pasta for tea and ate all of it.', []),
    ('labelling.victim-blaming', 'adult', 'Mr Dale has capacity and chose to go home from hospital against advice.', []),
    ('labelling.victim-blaming', 'child', 'Mum consented to the referral to early help.', []),
    ('labelling.victim-blaming', 'child', 'Amber (15) is being sexually exploited by a 24-year-old man; he gives her vodka.', []),
    ('labelling.victim-blaming', 'child', 'Leah went willingly to her swimming lesson.', []),
    ('labelling.victim-blaming', 'adult', 'Mrs Kaur is happy to carry on with the same carers.', []),
    ('labelling.victim-blaming', 'child', 'Jasmine is 14. She was found in a car with a 22-year-old male. She says he is her boyfriend.', [(1, 83)]),
    ('labelling.victim-blaming', 'child', 'Skye (15) has a new boyfriend, Tazz (23), who picks her up from school.', [(1, 21)]),
    ('labelling.victim-blaming', 'child', 'Amy, aged 13, says she is in a relationship with a man aged 19.', [(1, 27)]),
    ('labelling.victim-blaming', 'child', 'Lola (14) and her boyfriend, aged 25, were stopped by police at 1am.', [(1, 19)]),
    ('labelling.victim-blaming', 'child', 'Kai (16) told me his girlfriend is 27 and has her own flat.', [(1, 22)]),
    ('labelling.victim-blaming', 'child', 'Mia is 12 and her boyfriend is a 20 year old man from Leeds.', [(1, 19)]),
    ('labelling.victim-blaming', 'child', 'Freya (15) has been dating an 18-year-old.', [(1, 21)]),
    ('labelling.victim-blaming', 'child', 'Holly (14) said her boyfriend Liam (15) walks her home from school.', []),
    ('labelling.victim-blaming', 'child', 'Mum (34) lives with her boyfriend, Dean (36), and Kayla (13).', []),
    ('labelling.victim-blaming', 'child', "Kayla (13) says Mum's boyfriend, Dean (36), shouts at her.", []),
    ('labelling.victim-blaming', 'adult', 'Mrs Shaw (82) said her boyfriend (79) visits on Sundays and her granddaughter (12) comes too.', []),
    ('labelling.victim-blaming', 'child', 'Zara (17) and her girlfriend (17) have been together a year.', []),
    ('labelling.victim-blaming', 'adult', 'Mrs Khan chose to stay with her sister rather than go to a refuge.', []),
    ('labelling.victim-blaming', 'adult', 'Mrs Hill consented to going into the care home for a week.', []),
    ('labelling.victim-blaming', 'child', 'Jamie enjoyed the attention at his birthday party.', []),
    ('labelling.victim-blaming', 'child', 'Mum was complicit in hiding the bruises from school.', []),
    ('labelling.victim-blaming', 'child', 'Skye (15) chose to stay with Tazz, who is 22, rather than come home.', [(1, 11)]),
    # labelling.institutional-language
    ('labelling.institutional-language', 'child', 'Contact with Mum went well on Saturday at the family centre.', [(1, 1)]),
    ('labelling.institutional-language', 'child', 'Jamie has contact with Dad every other Sunday.', [(1, 11)]),
    ('labelling.institutional-language', 'child', 'Leon is a LAC and attends Hilltop Primary.', [(1, 9)]),
    ('labelling.institutional-language', 'child', 'Amira has been a looked-after child since 2023.', [(1, 11)]),
    ('labelling.institutional-language', 'child', "Liam is self-placing at his nan's.", [(1, 9)]),
    ('labelling.institutional-language', 'child', 'Jack has been in care since 2022 and lives with Mr and Mrs Green.', []),
    ('labelling.institutional-language', 'child', 'I made contact with the school by phone.', []),
    ('labelling.institutional-language', 'child', "Mum's contact details have changed.", []),
    ('labelling.institutional-language', 'child', 'Jamie had no contact with the police this week.', []),
    ('labelling.institutional-language', 'child', 'Leah saw Mum on Saturday at the family centre and they baked a cake.', []),
    ('labelling.institutional-language', 'adult', 'Mr Ali lives on the dementia unit at Oak House.', []),
    ('labelling.institutional-language', 'child', 'Tyler went to bed at 10pm.', []),
    ('labelling.institutional-language', 'child', "Amira's bed was wet this morning.", []),
    ('labelling.institutional-language', 'adult', 'Mr Ali has regular contact with his mum, who lives in Leeds.', []),
    ('labelling.institutional-language', 'child', 'Amira has contact with her mum every Saturday.', [(1, 11)]),
    # labelling.blaming-label
    ('labelling.blaming-label', 'child', 'Leah absconded from the unit at 22:00.', [(1, 6)]),
    # labelling.placement
    ('labelling.placement', 'child', 'Tia is in a residential placement out of area.', [(1, 25)]),
    # jargon.undefined-acronym
    ('jargon.undefined-acronym', 'child', "Zac's EHCP names speech therapy once a week.", [(1, 7)]),
    ('jargon.undefined-acronym', 'child', "I spoke to the SENDCo about Zac's reading.", [(1, 16)]),
    ('jargon.undefined-acronym', 'child', 'Ryan is at the PRU three days a week.', [(1, 16)]),
    ('jargon.undefined-acronym', 'child', 'CAMHS appointment on 3 May.', [(1, 1)]),
    ('jargon.undefined-acronym', 'child', 'YOT worker visited.', [(1, 1)]),
    ('jargon.undefined-acronym', 'child', 'HV saw baby at home.', [(1, 1)]),
    ('jargon.undefined-acronym', 'child', 'SALT referral made.', [(1, 1)]),
    ('jargon.undefined-acronym', 'child', 'The AMHP attended with the GP.', [(1, 5)]),
    ('jargon.undefined-acronym', 'child', 'A DoLS application was made.', [(1, 3)]),
    ('jargon.undefined-acronym', 'child', 'TAF meeting at school.', [(1, 1)]),
    ('jargon.undefined-acronym', 'child', "Leah's PEP is due.", [(1, 8)]),
    ('jargon.undefined-acronym', 'child', 'Ryan is NEET since leaving school.', [(1, 9)]),
    ('jargon.undefined-acronym', 'child', 'Ryan has an IEP at school.', [(1, 13)]),
    ('jargon.undefined-acronym', 'child', 'The LSA sits with Zac in class.', [(1, 5)]),
    ('jargon.undefined-acronym', 'child', "Zac's SDQ score was 22.", [(1, 7)]),
    ('jargon.undefined-acronym', 'child', 'Ryan was given a YRO at court.', [(1, 18)]),
    ('jargon.undefined-acronym', 'child', 'Mr Lee is an inpatient and his RMN rang.', [(1, 32)]),
    ('jargon.undefined-acronym', 'child', 'Ryan was seen at the MIU with a cut hand.', [(1, 22)]),
    ('jargon.undefined-acronym', 'child', 'Mrs Hill has a DNAR in place.', [(1, 16)]),
    ('jargon.undefined-acronym', 'child', 'Referral to the SPA was made.', [(1, 17)]),
    ('jargon.undefined-acronym', 'child', 'Zac has an education, health and care plan (EHCP).', []),
    ('jargon.undefined-acronym', 'child', 'The special educational needs coordinator (SENDCo) rang me.', []),
    ('jargon.undefined-acronym', 'child', 'Mrs Jones saw her GP and went to A&E.', []),
    ('jargon.undefined-acronym', 'child', 'Dad pays maintenance through the CSA.', [(1, 34)]),
    # attribution.unsourced-report
    ('attribution.unsourced-report', 'child', 'It is understood that Dad has moved back in.', [(1, 1)]),
    ('attribution.unsourced-report', 'child', 'He is known to carry a knife.', [(1, 1)]),
    ('attribution.unsourced-report', 'child', "Concerns have been raised about Leah's weight.", [(1, 1)]),
    ('attribution.unsourced-report', 'child', 'Dad was said to be drunk at the school gate.', [(1, 1)]),
    ('attribution.unsourced-report', 'child', 'Mum is alleged to have hit Kai with a belt.', [(1, 1)]),
    ('attribution.unsourced-report', 'child', 'It was felt that Mum was not coping.', [(1, 1)]),
    ('attribution.unsourced-report', 'child', 'It is thought that the children are left alone at night.', [(1, 1)]),
    ('attribution.unsourced-report', 'child', 'Dad is believed to be living at the address.', [(1, 1)]),
    ('attribution.unsourced-report', 'child', 'It has been noted that Jamie is often hungry at school.', [(1, 1)]),
    ('attribution.unsourced-report', 'adult', 'Mr Hill was observed to be unsteady on his feet.', [(1, 4)]),
    ('attribution.unsourced-report', 'child', 'It was suspected that Tia was being groomed.', [(1, 1)]),
    ('attribution.unsourced-report', 'child', 'Mum was heard shouting at the children late at night.', [(1, 1)]),
    ('attribution.unsourced-report', 'child', 'It has come to light that Dad has a new partner.', [(1, 1)]),
    ('attribution.unsourced-report', 'child', 'It was reported by her teacher Ms Cole that Leah had a bruise.', []),
    ('attribution.unsourced-report', 'child', 'Leah was seen by the GP on Monday.', []),
    ('attribution.unsourced-report', 'child', 'Kai was seen by his teacher, Mr Price, with older males at the gate.', []),
    ('attribution.unsourced-report', 'child', 'Dad was said by Mum to be drunk when he arrived.', []),
    ('attribution.unsourced-report', 'child', 'The school nurse, Amy Clarke, reported that Leah had lost weight.', []),
    ('attribution.unsourced-report', 'child', 'Concerns were raised by Ms Khan, the class teacher, on 3 May.', []),
    ('attribution.unsourced-report', 'child', 'I was told by PC Ray that Dad is known to police.', []),
    ('attribution.unsourced-report', 'child', 'Kai was seen alone in his bedroom.', []),
    ('attribution.unsourced-report', 'adult', "Mrs Hill said she is thought of as the family's peacemaker.", []),
    ('attribution.unsourced-report', 'child', 'It was reported to the police by Mum at 10pm.', []),
    ('attribution.unsourced-report', 'child', 'It was reported to me by Ms Cole, her teacher, that Leah had a bruise.', []),
    ('attribution.unsourced-report', 'child', 'Leah was described by her teacher Ms Cole as withdrawn.', []),
    ('attribution.unsourced-report', 'child', 'Concerns were raised with me by Mr Price, the head of year, on 4 May.', []),
    ('attribution.unsourced-report', 'child', 'It was disclosed to PC Ray by Leah that Dad hit her.', []),
    ('attribution.unsourced-report', 'child', 'Leah was reported missing at 9pm by her carer, Mrs Osei.', []),
    ('attribution.unsourced-report', 'child', 'Information was received from Ms Khan on 3 May.', []),
    ('attribution.unsourced-report', 'child', 'It is understood from Ms Khan, the class teacher, that the family are moving.', []),
    ('attribution.unsourced-report', 'child', 'It was felt by the core group that the plan is working.', []),
    ('attribution.unsourced-report', 'child', "It was noted at the review on 2 May that Kai's attendance is 96%.", []),
    ('attribution.unsourced-report', 'child', 'Dad is believed by police to be living in Leeds; DC Marsh told me this on 2 May.', []),
    ('attribution.unsourced-report', 'child', 'Mr Hill was observed by the nurse, Jo Platt, to be unsteady.', []),
    ('attribution.unsourced-report', 'child', 'Kai was heard by his foster carer, Mrs Osei, shouting in his sleep.', []),
    ('attribution.unsourced-report', 'child', "It was reported by Leah's teacher, Ms Cole, that Leah had a bruise on her arm.", []),
    ('attribution.unsourced-report', 'child', 'Leah was told by her teacher that she could go home early.', []),
    ('attribution.unsourced-report', 'child', 'The bruise was noted on the body map.', []),
    ('attribution.unsourced-report', 'child', "Kai's views were considered at the review.", []),
    ('attribution.unsourced-report', 'child', 'The plan was thought through with Mum.', []),
    ('attribution.unsourced-report', 'child', 'It was noted that Mum smelt of alcohol.', [(1, 1)]),
    ('attribution.unsourced-report', 'child', 'Mum is thought to be pregnant again.', [(1, 1)]),
    ('attribution.unsourced-report', 'child', 'It is considered that the risk has reduced.', [(1, 1)]),
    ('attribution.unsourced-report', 'child', 'The case was heard in court on 3 May.', []),
    ('attribution.unsourced-report', 'child', "Jamie's wishes were heard and written into his plan.", []),
    ('attribution.unsourced-report', 'child', 'Mum was noted to be tearful at the meeting.', [(1, 1)]),
    # timeliness.vague-time
    ('timeliness.vague-time', 'child', 'Mum said Dad came round the other day.', [(1, 25)]),
    ('timeliness.vague-time', 'child', 'Leah moved schools a while back.', [(1, 20)]),
    ('timeliness.vague-time', 'child', 'Tyler was excluded the week before last.', [(1, 20)]),
    ('timeliness.vague-time', 'child', 'Dad was released from prison earlier in the year.', [(1, 30)]),
    ('timeliness.vague-time', 'child', 'Kai went missing over the weekend.', [(1, 18)]),
    ('timeliness.vague-time', 'child', "Jamie's attendance dropped last term.", [(1, 28)]),
    ('timeliness.vague-time', 'child', 'Mum said she last drank a couple of weeks ago.', [(1, 25)]),
    ('timeliness.vague-time', 'adult', 'Mr Lee had a fall recently.', [(1, 19)]),
    ('timeliness.vague-time', 'child', 'Mum said she will move at some point.', [(1, 24)]),
    ('timeliness.vague-time', 'child', 'Housing will visit in the near future.', [(1, 20)]),
    ('timeliness.vague-time', 'adult', 'The OT will come soon.', [(1, 18)]),
    ('timeliness.vague-time', 'child', 'Mum was in hospital a few months ago.', [(1, 21)]),
    ('timeliness.vague-time', 'child', 'School will review it next term.', [(1, 23)]),
    ('timeliness.vague-time', 'child', 'Mum started a new job last year.', [(1, 23)]),
    ('timeliness.vague-time', 'child', 'Mum said Dad came round on Saturday 21 November.', []),
    ('timeliness.vague-time', 'child', 'Tyler was excluded on 9 November 2026 for three days.', []),
    ('timeliness.vague-time', 'child', 'Mum said, "I saw him the other day."', []),
    ('timeliness.vague-time', 'child', 'I will visit again on 3 December 2026.', []),
    ('timeliness.vague-time', 'child', 'Jamie goes to football every Saturday.', []),
    ('timeliness.vague-time', 'child', 'Two weeks of respite were agreed.', []),
    ('timeliness.vague-time', 'child', 'Jamie was upset when I arrived but he soon settled with his Lego.', []),
    ('timeliness.vague-time', 'child', 'Shortly after I arrived, Mum came home from work.', []),
    ('timeliness.vague-time', 'adult', 'The OT will visit shortly.', [(1, 19)]),
    ('timeliness.vague-time', 'child', 'Housing will be in touch soon, they said.', [(1, 26)]),
    ('timeliness.vague-time', 'child', 'I will ring the school again soon.', [(1, 30)]),
    # opinion.assumed-injury-cause
    ('opinion.assumed-injury-cause', 'adult', 'Bruise on left forearm approx 3cm, likely from a transfer.', [(1, 36)]),
    ('opinion.assumed-injury-cause', 'adult', 'Daughter raised concern re bruise on arm. Explained to daughter this is likely from a transfer.', [(1, 73)]),
    ('opinion.assumed-injury-cause', 'child', "Small mark on Leo's cheek, probably from the cot bars.", [(1, 28)]),
    ('opinion.assumed-injury-cause', 'adult', 'Skin tear on right hand, must have caught it on the wheelchair.', [(1, 26)]),
    ('opinion.assumed-injury-cause', 'child', 'Graze on knee, most likely from playing outside.', [(1, 16)]),
    ('opinion.assumed-injury-cause', 'adult', 'Mrs Dean has swelling to her ankle which is probably due to a knock.', [(1, 45)]),
    ('opinion.assumed-injury-cause', 'child', 'Jayden had a burn on his hand, possibly from the iron.', [(1, 32)]),
    ('opinion.assumed-injury-cause', 'adult', 'Bruising noted to both wrists, presumed to be from bed rails.', [(1, 32)]),
    ('opinion.assumed-injury-cause', 'adult', 'Mr Ali has a cut above his eye. He likely knocked it on the door frame.', [(1, 36)]),
    ('opinion.assumed-injury-cause', 'child', 'Leo has a bruise on his shin. Mum said he fell off his scooter on Sunday.', []),
    ('opinion.assumed-injury-cause', 'adult', 'Bruise on left forearm, 3cm, purple; marked on a body map. Mr Halliwell said he did not know how it happened.', []),
    ('opinion.assumed-injury-cause', 'adult', 'Mrs Dean is likely to be discharged on Friday.', []),
    ('opinion.assumed-injury-cause', 'child', 'Leah said she will probably go to the park with her friends.', []),
    ('opinion.assumed-injury-cause', 'child', "I cut up Leo's toast and he ate it.", []),
    # opinion.unsupported-opinion
    ('opinion.unsupported-opinion', 'adult', 'Tracey said she fell. She is probably minimising what happened. Tracey said "Gary\'s not like that".', [(1, 30)]),
    ('opinion.unsupported-opinion', 'child', 'Dad seems to be playing down his drinking. He said "I have the odd can".', [(1, 5)]),
    ('opinion.unsupported-opinion', 'child', 'Mum may be exaggerating the problems at school. She said "he\'s a nightmare".', [(1, 5)]),
    ('opinion.unsupported-opinion', 'child', 'Kai appears to be attention-seeking. He shouted "look at me" twice.', [(1, 5)]),
    ('opinion.unsupported-opinion', 'child', 'I feel Craig is being manipulative. He said "I\'m a changed man".', [(1, 1)]),
    ('opinion.unsupported-opinion', 'child', 'Leah is possibly lying about where she goes. She told me "just Jade\'s".', [(1, 9)]),
    ('opinion.unsupported-opinion', 'adult', 'I think she may be playing down the bruise, because she told me she fell but the bruise is the shape of a hand.', []),
    ('opinion.unsupported-opinion', 'child', 'Mum said she probably minimised things when she was drinking.', []),
    ('opinion.unsupported-opinion', 'child', 'Leah was seen alone in her room and I noticed a bruise; it appears she is being hurt.', []),
    ('opinion.unsupported-opinion', 'child', 'It was reported that Mum was drunk, for example slurring her words, and she appears to be drinking daily.', [(1, 77)]),
    ('opinion.unsupported-opinion', 'child', 'Concerns were raised by nursery about Evie, including being collected late, which is indicative of neglect.', [(1, 86)]),
    ('opinion.unsupported-opinion', 'child', 'Evie appears tired because she told me she stays up watching videos until midnight.', []),
    ('opinion.unsupported-opinion', 'adult', 'Mr Pike has been seen looking thin and is not going out.', []),
    ('opinion.unsupported-opinion', 'adult', 'Mr Pike looks thin and is not going out.', [(1, 9)]),
    ('opinion.unsupported-opinion', 'adult', 'Mrs Hill may lie down after lunch if she is tired.', []),
    ('opinion.unsupported-opinion', 'adult', 'Mrs Hill is probably lying in bed when carers arrive at 7am.', [(1, 13)]),
    ('opinion.unsupported-opinion', 'child', 'Nan may cover for Mum on Tuesdays when she works late.', []),
    ('opinion.unsupported-opinion', 'adult', 'Dad could make it up the stairs with one stick.', []),
    ('opinion.unsupported-opinion', 'child', 'Kai is probably lying to me about where he goes at night. He said "nowhere".', [(1, 8)]),
    # A judgement word that takes someone to bed is going to bed; the bare word still judges.
    ('opinion.unsupported-judgement', 'child', '21:00 phone returned as agreed. Settled to bed 22:15.', []),
    ('opinion.unsupported-judgement', 'child', 'Phone returned as agreed. Settled after 30 mins.', [(1, 27)]),
    # A hedge on when ("possibly since the summer") is a vague time, not a view.
    ('opinion.unsupported-opinion', 'child', 'Noor has been living here for a few months, possibly since the summer.', []),
    ('opinion.unsupported-opinion', 'adult', 'Dad moved out, possibly in October.', []),
    ('opinion.unsupported-opinion', 'child', 'Mum possibly drinks every day.', [(1, 5)]),
    # A quote that ends a line ends its sentence: it is not evidence for the next line's view.
    ('opinion.unsupported-opinion', 'adult', 'She said, "I\'m not doing those steps till it stops."\nShe has obviously given up and will need long-term care.', [(2, 9)]),
    # "is clearly ...": after "is" the adverb qualifies what follows, as before a verb.
    ('opinion.unsupported-opinion', 'adult', 'Mr Hussain is clearly at breaking point.', [(1, 15)]),
    ('opinion.unsupported-opinion', 'child', 'Mum was obviously upset.', [(1, 9)]),
    ('opinion.unsupported-opinion', 'child', 'Ruby spoke clearly and was obviously proud of her drawing, because she showed it to everyone in the room.', []),
    ('opinion.unsupported-opinion', 'child', 'The plan is clearly written.', []),
    # attribution.institution-only-source
    ('attribution.institution-only-source', 'child', 'Police say he is dangerous.', [(1, 1)]),
    ('attribution.institution-only-source', 'child', 'School report she is fine.', [(1, 1)]),
    ('attribution.institution-only-source', 'child', 'Health say there are no concerns.', [(1, 1)]),
    ('attribution.institution-only-source', 'child', 'Housing have said the family will be evicted.', [(1, 1)]),
    ('attribution.institution-only-source', 'child', 'Nursery feel Alfie is behind with his speech.', [(1, 1)]),
    ('attribution.institution-only-source', 'adult', 'The ward are concerned that Mr Lee is not eating.', [(1, 1)]),
    ('attribution.institution-only-source', 'child', 'Probation believe Dad is back in the area.', [(1, 1)]),
    ('attribution.institution-only-source', 'child', 'CAMHS stated she does not meet their threshold.', [(1, 1)]),
    ('attribution.institution-only-source', 'child', 'School are worried about her weight.', [(1, 1)]),
    ('attribution.institution-only-source', 'adult', 'Agency reported that carers were turned away.', [(1, 1)]),
    ('attribution.institution-only-source', 'child', 'Police informed and will visit tonight.', []),
    ('attribution.institution-only-source', 'child', 'PC Ray told me on 2 May that Dad has been arrested.', []),
    ('attribution.institution-only-source', 'child', 'The school rang today. Ms Khan, the class teacher, said Leah was upset after lunch.', []),
    ('attribution.institution-only-source', 'child', 'School report 12 absences since September.', []),
    ('attribution.institution-only-source', 'child', 'Dad said the police are always picking on him.', []),
    ('attribution.institution-only-source', 'child', 'If police advise against it, we will not tell Mum yet.', []),
    ('attribution.institution-only-source', 'child', 'I rang the nursery on 3 May and the manager, Jo Platt, said Alfie is settling well.', []),
    ('attribution.institution-only-source', 'child', 'Amy Clarke, the school nurse, said Leah has lost 3kg since June.', []),
    ('attribution.institution-only-source', 'child', 'The police would not tell Imran who made the referral.', []),
    ('attribution.institution-only-source', 'child', 'School and GP informed of the outcome.', []),
    ('attribution.institution-only-source', 'child', 'Leah told me school are "always on at me".', []),
    ('attribution.institution-only-source', 'adult', 'Mrs Hill said the hospital told her she can go home on Friday.', []),
    ('attribution.institution-only-source', 'child', "Mum said school are worried about Kai's behaviour.", []),
    ('attribution.institution-only-source', 'child', 'School said in a letter dated 4 May that Kai has been excluded for two days.', []),
    # opinion.unsupported-judgement
    ('opinion.unsupported-judgement', 'child', 'The flat was described by the landlord as filthy, for example rubbish in the hall. Mum is neglectful.', [(1, 91)]),
    ('opinion.unsupported-judgement', 'child', 'I saw rubbish in the hall and nappies on the floor. Mum is neglectful.', []),
    # a judgement of what a person does, or in a noun said of them, or in a clipped line
    ('opinion.unsupported-judgement', 'child', "Dad's parenting is inadequate and the case will stay open.", [(1, 20)]),
    ('opinion.unsupported-judgement', 'adult', 'Mr Okoro is a difficult man and the carers find him hard work.', [(1, 15)]),
    ('opinion.unsupported-judgement', 'adult', 'Lunch call. Became aggressive. Carers left at 12:30.', [(1, 20)]),
    ('opinion.unsupported-judgement', 'adult', 'At lunch I saw Mrs Price throw her cup at the wall. Became aggressive.', []),
    # a person's state or capacity judged with a verb, and a prediction
    ('opinion.unsupported-judgement', 'adult', 'Mrs Lowe is coping well and the package will stay the same.', [(1, 13)]),
    ('opinion.unsupported-judgement', 'child', 'Visit to the Bright family. Mum is not coping with the twins.', [(1, 40)]),
    ('opinion.unsupported-judgement', 'adult', 'Mr Hale lacks capacity and a best interests meeting will be held.', [(1, 9)]),
    ('opinion.unsupported-judgement', 'child', 'The baby is due in May. I am worried Mum will not cope.', [(1, 51)]),
    ('opinion.unsupported-judgement', 'child', 'Mum told me she is not coping with the twins.', []),
    ('opinion.unsupported-judgement', 'child', 'The family support worker will help Mum to cope with bedtimes.', []),
    # the writer's own telling is not evidence for a view
    ('opinion.unsupported-judgement', 'adult', 'Mr Dean was hostile. I told him I would come back tomorrow.', [(1, 13)]),
    ('opinion.unsupported-judgement', 'adult', 'Mr Dean was hostile. He told me to get out and slammed the door.', []),
    # a concern's content is the concern's, for attribution, not the writer's judgement
    ('opinion.unsupported-judgement', 'adult', 'There are concerns she is being neglected.', []),
    # attribution.unsourced-report: a report no one holds, and 'well known to be'
    ('attribution.unsourced-report', 'child', 'There are concerns that Dad is drinking again.', [(1, 1)]),
    ('attribution.unsourced-report', 'adult', 'There have been reports of shouting at the flat at night.', [(1, 1)]),
    ('attribution.unsourced-report', 'child', 'There were concerns from the school nurse about Leah\'s weight.', []),
    ('attribution.unsourced-report', 'child', 'There are no concerns about Leah at school.', []),
    ('attribution.unsourced-report', 'child', 'Nan said there are concerns about the new partner.', []),
    ('attribution.unsourced-report', 'child', 'Dad is well known to be violent when he drinks.', [(1, 1)]),
    ('attribution.unsourced-report', 'child', 'The family is well known to the school.', []),
    # attribution.institution-only-source: in another sentence, a role told something, or
    # the family's words, name no one in the service
    ('attribution.institution-only-source', 'child', 'Call about a fight at the flat. Police said Dad had been drinking. Info shared with school and GP.', [(1, 33)]),
    ('attribution.institution-only-source', 'child', 'Mum says she is doing everything asked. School reported Kyra has been late most days.', [(1, 41)]),
    ('attribution.institution-only-source', 'child', 'Police said Dad had been drinking. PC Ray rang me at 9am to tell me.', []),
    # a passive with its 'is' left out; 'at night' says when, not who
    ('attribution.unsourced-report', 'child', 'Oldest boy said to be doing the school run most days.', [(1, 8)]),
    ('attribution.unsourced-report', 'child', 'Mum agreed to be at home for the visit on Friday.', []),
    ('attribution.unsourced-report', 'child', 'The neighbour rang. Dad has been heard shouting at the children late at night.', [(1, 21)]),
    ('attribution.unsourced-report', 'child', 'Dad has been heard shouting at the children by the neighbour, Mrs Lane.', []),
    # attribution.unsourced-decision: a decision by an unnamed group
    ('attribution.unsourced-decision', 'child', 'Professionals agreed that the plan should continue.', [(1, 1)]),
    # opinion: a length of time and a word in quotes are not evidence; 'clearly' with a
    # verb of saying is how it was said
    ('opinion.unsupported-judgement', 'adult', 'Mr Cole was confused and did not answer the door for ten minutes.', [(1, 13)]),
    ('opinion.unsupported-judgement', 'child', 'Kai is making poor choices. Police to speak to "Tiny" this week.', [(1, 15)]),
    ('opinion.unsupported-judgement', 'child', 'Kai is making poor choices. He told me, "I go with them because they give me weed."', []),
    ('opinion.unsupported-opinion', 'adult', 'Mrs Ross could clearly tell me what she wants for her care.', []),
    ('attribution.unsourced-decision', 'child', 'Management decision: the assessment will continue for four more weeks.', []),
    # a passive inside a named person's account is theirs
    ('attribution.unsourced-report', 'child', 'PC Ray told me on 2 May that no further incidents have been reported.', []),
    ('attribution.unsourced-report', 'child', 'No further incidents have been reported.', [(1, 12)]),
    ('attribution.unsourced-decision', 'child', 'Professionals at the core group on 3 May agreed that the plan should continue.', []),
    ('attribution.unsourced-decision', 'child', 'Present: Ms Cole (chair), Mum, PC Ray. The chair decided the plan will continue. Everyone agreed.', []),
]


@pytest.mark.parametrize("rule, person, sentence, expected", CASES,
                         ids=[f"{c[0]}:{c[2][:40]}" for c in CASES])
def test_misses_design(linter, rule, person, sentence, expected):
    text = f"---\nsubject_type: {person}\n---\n{sentence}\n"
    found = [(d.line - 3, d.column) for d in linter.check(linter.parse(parse_text("note.md", text)))
             if d.rule == rule]
    assert found == expected


def test_an_adult_with_a_child_is_not_a_relationship_and_the_finding_says_why(linter):
    text = ("---\nsubject_type: child\n---\nJasmine is 14. She was found in a car with a 22-year-old "
            "male. She says he is her boyfriend.\n")
    [d] = [d for d in linter.check(linter.parse(parse_text("note.md", text)))
           if d.rule == "labelling.victim-blaming"]
    assert (d.line, d.column) == (4, 83)
    assert "child's age and an adult's" in d.message
    assert "An adult with a child is not a relationship" in d.message
    assert "is sexually exploiting" in d.message  # what to write instead


def test_a_named_source_in_the_same_sentence_is_a_source(linter):
    """Passives whose source the sentence names are not unsourced, however it is named."""
    for sentence in ("It was reported by her teacher Ms Cole that Leah had a bruise.",
                     "Leah was seen by the GP on Monday.",
                     "Dad is believed by police to be living in Leeds; DC Marsh told me this on 2 May.",
                     "It was noted at the review on 2 May that Kai's attendance is 96%."):
        text = f"---\nsubject_type: child\n---\n{sentence}\n"
        assert [d.rule for d in linter.check(linter.parse(parse_text("note.md", text)))
                if d.rule.startswith("attribution.")] == [], sentence


def test_one_problem_gets_one_finding(linter):
    """A guessed injury cause and a hedged judgement are each one problem: the note's
    writer gets one finding for each, from the rule that names it most precisely; a
    judgement and a separate view in one sentence are two problems."""
    def opinion(sentence):
        text = f"---\nsubject_type: adult\n---\n{sentence}\n"
        return [(d.rule, d.column) for d in linter.check(linter.parse(parse_text("note.md", text)))
                if d.rule.startswith("opinion.")]

    assert opinion("Bruise on her left arm, likely from a transfer.") == [("opinion.assumed-injury-cause", 25)]
    assert opinion("Mrs Dale is clearly struggling at home.") == [("opinion.unsupported-opinion", 13)]
    assert opinion("Presented as intoxicated and hostile.") == [("opinion.unsupported-opinion", 1)]
    assert opinion("Mr Ali is very defensive and it is clear he will not accept help.") == [
        ("opinion.unsupported-judgement", 16), ("opinion.unsupported-opinion", 30)]
