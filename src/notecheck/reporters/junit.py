"""JUnit XML, for CI systems that show test reports: one test suite per file with
findings, one failing test case per finding. A clean run is one passing test case.

Every string is made safe first: XML 1.0 has no way to write most control characters (a
note's ESC or form feed would make the whole file unreadable), so they are written as
escapes (ESC as \\x1b), as are lone surrogates from a file name that is not UTF-8."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from notecheck.diagnostics import Diagnostic
from notecheck.reporters import Reporter, Summary, printable, summary_line


class JunitReporter(Reporter):
    def __init__(self, stream, **kwargs):
        super().__init__(stream, **kwargs)
        self.by_path: dict[str, list[Diagnostic]] = defaultdict(list)

    def handle(self, d: Diagnostic) -> None:
        self.by_path[d.path].append(d)

    def finish(self, summary: Summary) -> None:
        root = ET.Element("testsuites", name="notecheck", tests=str(max(summary.total, 1)),
                          failures=str(summary.total))
        for path, diagnostics in self.by_path.items():
            path = printable(path, lines=False)
            suite = ET.SubElement(root, "testsuite", name=path, tests=str(len(diagnostics)),
                                  failures=str(len(diagnostics)), errors="0")
            for d in diagnostics:
                case = ET.SubElement(suite, "testcase", classname=path,
                                     name=f"{d.rule} at {d.line}:{d.column}")
                failure = ET.SubElement(case, "failure", message=printable(d.message),
                                        type=d.severity.value)
                lines = [f"{path}:{d.line}:{d.column}: {d.severity.value} {d.rule}", d.message]
                if d.suggestion:
                    lines.append(f"Instead: {d.suggestion}")
                if d.note:
                    lines.append(f"Note: {d.note}")
                failure.text = printable("\n".join(lines))
        if not self.by_path:
            suite = ET.SubElement(root, "testsuite", name="notecheck", tests="1", failures="0",
                                  errors="0")
            case = ET.SubElement(suite, "testcase", classname="notecheck", name="notecheck")
            ET.SubElement(case, "system-out").text = summary_line(summary)
        ET.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(root, encoding="unicode"))
        self.stream.write("\n")
