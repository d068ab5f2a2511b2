"""The registry of rule kinds. A new way of checking is a module here and a line below."""

from __future__ import annotations

from notecheck.kinds import (acronym, agentless, evidence, hedge, institution, judgement, mention, names,
                             pattern, phrase, pronoun, readability, regex, sentence_length, sharing,
                             timeliness, undated, vague, voice)
from notecheck.kinds.base import Kind

KINDS: dict[str, Kind] = {
    "phrase": Kind("phrase", phrase.PhraseOptions, phrase.check, needs=phrase.needs,
                   compile=phrase.compile_terms, fixable=True),
    "pattern": Kind("pattern", pattern.PatternOptions, pattern.check, needs=pattern.needs,
                    compile=pattern.compile_patterns),
    "regex": Kind("regex", regex.RegexOptions, regex.check, compile=regex.compile_regex,
                  fixable=True),
    "acronym": Kind("acronym", acronym.AcronymOptions, acronym.check,
                    compile=acronym.compile_acronyms, placeholders=("acronym",), fixable=True),
    # Evidence and voice (issue 3): these read the dependency parse.
    "hedge": Kind("hedge", hedge.HedgeOptions, hedge.check, needs=hedge.needs,
                  compile=hedge.compile_hedge),
    "judgement": Kind("judgement", judgement.JudgementOptions, judgement.check,
                      needs=judgement.needs, compile=judgement.compile_judgement),
    "agentless": Kind("agentless", agentless.AgentlessOptions, agentless.check,
                      needs=agentless.needs, compile=agentless.compile_agentless),
    "institution-source": Kind("institution-source", institution.InstitutionOptions, institution.check,
                               needs=institution.needs, compile=institution.compile_institution),
    "voice": Kind("voice", voice.VoiceOptions, voice.check, needs=voice.needs,
                  compile=voice.compile_voice, placeholders=("subject",)),
    "mention": Kind("mention", mention.MentionOptions, mention.check, needs=mention.needs,
                    compile=mention.compile_mention),
    "sentence-length": Kind("sentence-length", sentence_length.SentenceLengthOptions,
                            sentence_length.check, needs=sentence_length.needs,
                            placeholders=("words", "max_words")),
    "unclear-pronoun": Kind("unclear-pronoun", pronoun.PronounOptions, pronoun.check,
                            needs=pronoun.needs, placeholders=("subject", "object", "who")),
    "readability": Kind("readability", readability.ReadabilityOptions, readability.check,
                        needs=readability.needs, compile=readability.compile_readability,
                        placeholders=("grade", "max_grade")),
    "vague": Kind("vague", vague.VagueOptions, vague.check, needs=vague.needs,
                  compile=vague.compile_vague),
    "timeliness": Kind("timeliness", timeliness.TimelinessOptions, timeliness.check,
                       needs=timeliness.needs, placeholders=timeliness.PLACEHOLDERS),
    "undated-phrase": Kind("undated-phrase", undated.UndatedOptions, undated.check,
                           needs=undated.needs, compile=undated.compile_terms),
    "sharing": Kind("sharing", sharing.SharingOptions, sharing.check, needs=sharing.needs,
                    compile=sharing.compile_sharing, placeholders=sharing.PLACEHOLDERS),
    # Judgement from sentence evidence learned from labelled notes (issue 10).
    "evidence": Kind("evidence", evidence.EvidenceOptions, evidence.check, needs=evidence.needs,
                     compile=evidence.compile_evidence),
    "person-name": Kind("person-name", names.NameOptions, names.check, needs=names.needs,
                        compile=names.compile_names),
}
