"""The registry of rule kinds. A new way of checking is a module here and a line below."""

from __future__ import annotations

from notecheck.kinds import acronym, names, pattern, phrase, regex, sharing, timeliness, undated
from notecheck.kinds.base import Kind

KINDS: dict[str, Kind] = {
    "phrase": Kind("phrase", phrase.PhraseOptions, phrase.check, needs=phrase.needs,
                   compile=phrase.compile_terms),
    "pattern": Kind("pattern", pattern.PatternOptions, pattern.check, needs=pattern.needs,
                    compile=pattern.compile_patterns),
    "regex": Kind("regex", regex.RegexOptions, regex.check, compile=regex.compile_regex),
    "acronym": Kind("acronym", acronym.AcronymOptions, acronym.check,
                    compile=acronym.compile_acronyms, placeholders=("acronym",)),
    "timeliness": Kind("timeliness", timeliness.TimelinessOptions, timeliness.check,
                       needs=timeliness.needs, placeholders=timeliness.PLACEHOLDERS),
    "undated-phrase": Kind("undated-phrase", undated.UndatedOptions, undated.check,
                           needs=undated.needs, compile=undated.compile_terms),
    "sharing": Kind("sharing", sharing.SharingOptions, sharing.check, needs=sharing.needs,
                    compile=sharing.compile_sharing, placeholders=sharing.PLACEHOLDERS),
    "person-name": Kind("person-name", names.NameOptions, names.check, needs=names.needs,
                        compile=names.compile_names),
}
