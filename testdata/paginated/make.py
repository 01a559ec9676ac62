#!/usr/bin/env python3
"""Writes the paginated test drafts of this folder from the texts below.

id-v1.txt, id-v2.txt: an Internet-Draft as xml2rfc lays it out in plain
text: 72 columns, 49 lines a page (a running head, two blank lines, the
text, a blank line, a footer with [Page N], a form feed), a table of
contents with dot leaders and the pages of the sections. Version 2 adds
text early on, so that its pages break at other places.

pdf-v1.txt, pdf-v2.txt: a resolution as text extracted from a PDF: lines
hard-wrapped at 78 columns (75 in version 2) with words hyphenated (or, as some extractions
do, broken without a hyphen) at line ends, no blank lines between
paragraphs, a running head ("A/HRC/55/L.12") at the top of each page but
the first and a bare page number at the bottom of each but the first,
no form feeds.

Run it from this folder: python3 make.py
"""

import textwrap

# ---------------------------------------------------------------- drafts

ID_TITLE = "Message Framing for the Example Transfer Protocol"

ID_SECTIONS = {
    1: [
        ("1.", "Introduction", [
            "The Example Transfer Protocol (ETP) is a request/response protocol "
            "for moving documents between a client and a server.  This document "
            "defines how messages are framed on a connection, how their length "
            "is determined, and how a recipient recovers when a message is "
            "malformed.",
            "This document obsoletes the framing rules of the earlier "
            "specification.  The changes are listed in Appendix A; none of them "
            "changes what a conforming sender sends.",
        ]),
        ("1.1.", "Requirements Notation", [
            "The key words \"MUST\", \"MUST NOT\", \"SHOULD\" and \"MAY\" in this "
            "document are to be interpreted as described in BCP 14 when, and "
            "only when, they appear in all capitals, as shown here.",
        ]),
        ("1.2.", "Syntax Notation", [
            "This specification uses the Augmented Backus-Naur Form notation "
            "with a list extension that allows for compact definition of "
            "comma-separated lists.  The rules are collected in Appendix B, "
            "where each rule is given once, in the order of its first use, and "
            "the core rules of the notation are named without being defined "
            "again.",
        ]),
        ("2.", "Architecture", [
            "ETP is a stateless protocol: each request is understood on its own, "
            "without reference to any request that came before it on the same "
            "connection.  A client opens a connection to a server, sends one or "
            "more requests, and reads the responses in the order in which the "
            "requests were sent.",
            "Intermediaries may stand between the client and the server.  An "
            "intermediary that forwards a message MUST NOT change its framing "
            "in a way that changes where the message ends, and it MUST remove "
            "the connection options that apply only to its own connection.",
            "The following roles are distinguished:",
            ["o  a client, which opens connections in order to send requests;",
             "o  a server, which accepts connections in order to answer them;",
             "o  a proxy, which is chosen by the client and forwards requests "
             "on its behalf, usually after applying a local policy;",
             "o  a gateway, which acts as the origin for the client but passes "
             "the requests on to other servers."],
            "A single party may play several of these roles at once, for "
            "different connections; the requirements of this document apply "
            "to each role separately.",
        ]),
        ("2.1.", "Connections", [
            "A connection is a reliable, ordered stream of octets.  This document "
            "does not define how connections are opened or closed; it assumes "
            "that both parties can tell when the other has closed its side.",
            "A client SHOULD NOT open more than two connections to the same "
            "server at the same time, and a server MAY close a connection that "
            "has been idle for longer than its configured limit, after "
            "finishing any response it has begun to send.",
        ]),
        ("2.2.", "Well-known Ports", [
            "A server listens on the well-known port 7001 unless the client has "
            "been configured otherwise.  A deployment that uses another port "
            "ought to say so in the addresses it publishes, so that clients do "
            "not have to guess.",
        ]),
        ("3.", "Message Format", [
            "All ETP messages consist of a start line followed by a sequence of "
            "header fields, an empty line indicating the end of the header "
            "section, and an optional message body.  A recipient MUST parse a "
            "message as a sequence of octets in an encoding that is a superset "
            "of US-ASCII; parsing it as a stream of Unicode characters without "
            "regard for the encoding creates security vulnerabilities.",
            "A sender MUST NOT send whitespace between the start line and the "
            "first header field.  A recipient that receives such whitespace "
            "MUST either reject the message as invalid or consume each "
            "whitespace-preceded line without further processing, until a "
            "properly formed header field is received or the header section "
            "is terminated.",
        ]),
        ("3.1.", "Start Line", [
            "A request begins with a request line, which names the method, the "
            "target of the request and the protocol version; a response begins "
            "with a status line, which names the protocol version, a status "
            "code and a reason phrase that is of no consequence to the "
            "protocol.",
            "Recipients of an invalid request line SHOULD respond with an error "
            "and MUST NOT attempt to autocorrect the request and then process "
            "it, because such autocorrection leads to inconsistent views of "
            "the same message along a chain of intermediaries.",
        ]),
        ("3.2.", "Header Fields", [
            "Each header field consists of a case-insensitive field name "
            "followed by a colon, optional leading whitespace, the field value "
            "and optional trailing whitespace.  No whitespace is allowed "
            "between the field name and the colon; a server MUST reject a "
            "request that has such whitespace, and a proxy MUST remove it "
            "before forwarding a response downstream.",
            "The order in which header fields with differing names are "
            "received is not significant.  It is good practice, however, to "
            "send the fields that carry control data first, so that an "
            "implementation can decide early whether to handle the message.",
        ]),
        ("3.3.", "Message Body", [
            "The message body, if any, carries the payload of the request or "
            "response.  Its length is determined by the Content-Length field "
            "when it is present and by the closing of the connection "
            "otherwise; a request without a Content-Length field has no "
            "body.",
            "When a message has both a Transfer-Coding and a Content-Length "
            "field, the Transfer-Coding overrides the Content-Length.  Such a "
            "message might indicate an attempt to perform request smuggling "
            "and ought to be handled as an error; a sender MUST remove the "
            "received Content-Length field before forwarding the message.",
        ]),
        ("4.", "Security Considerations", [
            "Framing errors are the root of a family of attacks in which two "
            "parties disagree on where one message ends and the next begins.  "
            "An attacker who can make an intermediary and a server frame the "
            "same octets differently can hide a request inside another, poison "
            "a cache, or bypass the checks that the intermediary applies.",
            "Implementations MUST therefore treat every deviation from the "
            "grammar of Section 3 as an error, and MUST close the connection "
            "after responding to a message whose length could not be "
            "determined unambiguously.",
        ]),
        ("5.", "IANA Considerations", [
            "This document has no actions for IANA.",
        ]),
        ("Appendix A.", "Changes from the Earlier Specification", [
            "The rules for whitespace before the first header field have been "
            "made explicit, and a recipient is now required to reject or "
            "ignore such lines rather than to treat them as continuations.",
            "The Content-Length field is now ignored when a Transfer-Coding is "
            "present, and the sender must remove it before forwarding.",
        ]),
        ("Appendix B.", "Collected ABNF", [
            "The collected grammar is given in the companion document, so that "
            "the two specifications cannot disagree on a single rule.",
        ]),
    ],
}

# Version 2: a sentence added to the architecture (the pages break at
# other places from there on, though no section moves to another page), a
# word changed in section 2.1, a sentence changed in section 3.3.
V2 = {k: [(a, b, list(c)) for a, b, c in v] for k, v in ID_SECTIONS.items()}
secs = V2[1]
secs[3][2][0] = secs[3][2][0].replace(
    "were sent.",
    "were sent.  Because each request stands on its own, a server can "
    "answer the requests of one connection in parallel.")
secs[4][2][1] = secs[4][2][1].replace("two connections", "four connections")
secs[9][2][1] = ("When a message has both a Transfer-Coding and a Content-Length "
    "field, the Transfer-Coding overrides the Content-Length.  Such a "
    "message might indicate an attempt to perform request smuggling "
    "and MUST be handled as an error; a sender MUST remove the "
    "received Content-Length field before forwarding the message.")


def id_body(sections):
    """Returns the lines of the sections, and the index of each heading."""
    lines, heads = [], []
    for label, title, paras in sections:
        if lines:
            lines.append("")
        heads.append(len(lines))
        lines.append(f"{label}  {title}")
        for p in paras:
            lines.append("")
            if isinstance(p, list):
                for item in p:
                    lines += textwrap.wrap(item, 72, initial_indent="   ",
                                           subsequent_indent="      ",
                                           break_on_hyphens=False)
                    lines.append("")
                lines.pop()
            else:
                lines += textwrap.wrap(p, 72, initial_indent="   ",
                                       subsequent_indent="   ",
                                       break_on_hyphens=False)
    return lines, heads


def toc(sections, pages):
    out = ["Table of Contents", ""]
    for (label, title, _), page in zip(sections, pages):
        depth = 0 if not label[0].isdigit() else label.count(".") - 1
        left = "   " + "  " * depth + f"{label}  {title} "
        num = f" {page}"
        dots = ""
        while len(left) + len(dots) + len(num) < 72:
            dots += ". " if (len(left) + len(dots)) % 2 == 1 else " "
        entry = (left + dots).rstrip() + " " * (72 - len((left + dots).rstrip()) - len(num)) + num
        out.append(entry)
    return out


def front(expires, date):
    return [
        "Network Working Group                                    A. Example, Ed.",
        "Internet-Draft                                              Example Org",
        "Obsoletes: 9999 (if approved)                                  B. Sample",
        f"Intended status: Standards Track                        {date:>16}",
        f"Expires: {expires}",
        "",
        "",
        f"{ID_TITLE:^72}".rstrip(),
        "",
        "Abstract",
        "",
        "   This document defines the framing of messages of the Example",
        "   Transfer Protocol: where a message starts, where it ends, and what a",
        "   recipient does with a message that is not well formed.",
        "",
    ]


def paginate_id(lines, expires, month, per_page=45):
    """Lays lines out in pages; returns the text and the page of each line."""
    pages, page, page_of = [], [], []
    for line in lines:
        if len(page) == per_page:
            pages.append(page)
            page = []
        if not page and line == "" and pages:
            page_of.append(len(pages) + 1)
            continue  # no page starts with a blank line
        page.append(line)
        page_of.append(len(pages) + 1)
    pages.append(page)
    out = []
    for n, page in enumerate(pages, 1):
        if n > 1:
            head = "Internet-Draft"
            mid = "ETP Message Framing"
            out.append(head + mid.center(72 - len(head) - len(month)) + month)
            out += ["", ""]
        out += page
        out += [""] * (per_page - len(page) + 1)
        left = "Example & Sample"
        right = f"[Page {n}]"
        mid = f"Expires {expires}"
        out.append(left + mid.center(72 - len(left) - len(right)) + right)
        if n < len(pages):
            out.append("\f")
    return "\n".join(out) + "\n", page_of


def write_id(name, sections, expires, date, month):
    body, heads = id_body(sections)
    pages = [0] * len(heads)
    for _ in range(3):  # the contents' page numbers settle
        lines = front(expires, date) + toc(sections, pages) + [""] + body
        text, page_of = paginate_id(lines, expires, month)
        offset = len(lines) - len(body)
        pages = [page_of[offset + h] for h in heads]
    with open(name, "w") as f:
        f.write(text)


# ---------------------------------------------------------------- PDF

PDF_PARAS = [
    "Human Rights Council",
    "Fifty-fifth session",
    "Agenda item 3",
    "Promotion and protection of all human rights",
    "The Human Rights Council,",
    # Preambular paragraphs labelled, as in a draft under negotiation.
    "PP1 Guided by the purposes and principles of the Charter of the United Nations, "
    "and recalling the well-known principle that all human rights are universal, "
    "indivisible, interdependent and interrelated,",
    "PP2 Recalling the statement by the President of the Council on the "
    "implementation of its resolutions, and the report of the Secretary-General "
    "on the implementation of the resolutions of the Council,",
    "PP3 Noting that the President of the Council shall convene informal "
    "consultations on the implementation of this resolution, and that the "
    "well-known practice of the Council shall continue to apply,",
    "1. Welcomes the report of the Secretary-General and the recommendations "
    "contained therein, and requests the President of the Council to transmit "
    "it to the General Assembly for its consideration at its next session;",
    "2. Decides that the implementation of the present resolution shall be "
    "reviewed by the Council at its fifty-seventh session, on the basis of a "
    "report of the Secretary-General, and that the review shall take into "
    "account the views of States and of other relevant stakeholders;",
    "3. Requests the Office of the High Commissioner to provide the President "
    "of the Council with the assistance necessary for the implementation of "
    "the present resolution, including the organization of two intersessional "
    "meetings open to all States and to observers;",
    "4. Encourages States to share information on their implementation of the "
    "well-known commitments contained in the outcome documents of the major "
    "conferences, and to consider the voluntary submission of national "
    "reports to the Council, which shall be made public on its website;",
    "5. Calls upon the Secretary-General to ensure that the implementation of "
    "the present resolution is reflected in the programme budget, and requests "
    "the President of the Council to report on its implementation;",
    "6. Invites the treaty bodies, the special procedures and the regional "
    "mechanisms to contribute to the implementation of the present resolution "
    "within their respective mandates, and shall consider their contributions "
    "at its fifty-seventh session;",
    "7. Decides to remain seized of the matter, and requests the President of "
    "the Council to convene, before its fifty-sixth session, a panel discussion "
    "on the implementation of the present resolution, with the participation "
    "of States, treaty bodies and civil society;",
    "8. Requests the Secretary-General to submit to the Council, at its "
    "fifty-seventh session, a report on the implementation of the present "
    "resolution, including the challenges faced by States and the good "
    "practices identified, and to make it available in all official languages "
    "of the United Nations;",
    "9. Decides that the panel discussion referred to in paragraph 7 above "
    "shall be fully accessible to persons with disabilities, and that its "
    "summary shall be prepared by the Office of the High Commissioner in "
    "consultation with the President of the Council;",
    "10. Requests the President of the Council to ensure that the well-known "
    "rules of procedure of the Council shall apply to the intersessional "
    "meetings, and that the implementation of the present resolution shall "
    "not prejudge the outcome of the review referred to in paragraph 2 above;",
    "11. Decides to consider the question at its fifty-seventh session under "
    "the same agenda item, and requests the Secretary-General and the "
    "President of the Council to keep it informed of all developments in "
    "the implementation of the present resolution.",
]

PDF_V2 = list(PDF_PARAS)
PDF_V2.insert(10,
    "2 bis. Welcomes the appointment by the President of the Council of two "
    "co-facilitators for the consultations on the implementation of the "
    "present resolution, and requests them to report on their work;")
PDF_V2[11] = PDF_V2[11].replace("two intersessional", "three intersessional")

# Where a word that does not fit at the end of a line may be broken: with a
# hyphen, or (as some extractions lose it) without.
BREAKS = {
    "President": ("Pre-", "sident"),
    "implementation": ("implemen-", "tation"),
    "well-known": ("well-", "known"),
    "Secretary-General": ("Secretary-", "General"),
    "shall": ("shal", "l"),
    "resolution": ("reso-", "lution"),
    "resolution,": ("reso-", "lution,"),
    "resolution;": ("reso-", "lution;"),
}


def wrap_pdf(text, width):
    lines, line = [], ""
    words = text.split()
    i = 0
    while i < len(words):
        w = words[i]
        cand = (line + " " + w) if line else w
        if len(cand) <= width:
            line = cand
            i += 1
            continue
        if w in BREAKS and line and len(line) + 1 + len(BREAKS[w][0]) <= width:
            head, tail = BREAKS[w]
            lines.append(line + " " + head)
            line = ""
            words[i] = tail
            continue
        lines.append(line)
        line = ""
    lines.append(line)
    return lines


def write_pdf(name, paras, width, per_page=14):
    body = []
    for p in paras:
        body += wrap_pdf(p, width)
    out = []
    pages = [body[i:i + per_page] for i in range(0, len(body), per_page)]
    for n, page in enumerate(pages, 1):
        if n > 1:
            out += ["A/HRC/55/L.12", ""]
        out += page
        if n > 1:
            out += ["", str(n)]
        out.append("")
    with open(name, "w") as f:
        f.write("\n".join(out))


write_id("id-v1.txt", ID_SECTIONS[1], "September 13, 2026", "March 12, 2026", "March 2026")
write_id("id-v2.txt", V2[1], "October 2, 2026", "April 1, 2026", "April 2026")
write_pdf("pdf-v1.txt", PDF_PARAS, 78)
write_pdf("pdf-v2.txt", PDF_V2, 75)
