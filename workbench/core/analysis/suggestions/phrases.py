"""Noun phrases that name a speaker, found around a reporting verb.

The positions news English puts a speaker in: right before the verb ("U.S. officials
said"), in apposition ("Pat Ryder, the Pentagon spokesman, told"), after the verb or
"according to" ("said Mr. Melnyk"), before a post-modifier ("officials familiar with
the matter said"), or as the subject of the main clause ("…, saying"). A phrase is
made of names, role nouns ("officials", "agency"), their modifiers, numbers and
possessives, joined by "of", "and", "to", "for"…; leading determiners are dropped.
"""

from __future__ import annotations

from workbench.core.analysis import lexicon as lx
from workbench.core.analysis.suggestions.tokens import Token, Tokens

TokenSpan = tuple[int, int]
"""[first, last) token indices."""


def is_source_name(token: Token) -> bool:
    """A name word that may be part of a source ("Thursday" may not)."""
    return token.is_name and token.lower not in lx.TIME_WORDS


def is_head(token: Token) -> bool:
    """Can end a source: a name, an abbreviation or a role noun."""
    return (
        (is_source_name(token) and not token.is_number)
        or token.bare in lx.ROLES
        or (token.bare in lx.DOCUMENT_SOURCES and not token.is_capitalised)
    )


def _is_part(token: Token) -> bool:
    """Can stand inside a source: a head, a modifier, a number, a possessive."""
    if token.lower in lx.TIME_WORDS:
        return False
    if token.is_name or token.is_number:
        return True
    low = token.lower
    if low in lx.SOURCE_MODIFIERS or low in lx.QUANTIFIERS or token.bare in lx.ROLES:
        return True
    if token.bare in lx.DOCUMENT_SOURCES:
        return True
    if token.is_possessive and token.is_word:
        return True
    return "-" in low and token.is_word and low.split("-")[-1] in lx.COMPOUND_MODIFIER_ENDS


def _segment_start(tokens: Tokens, end: int) -> int:
    """Index after the last clause boundary before `end`."""
    for j in range(end - 1, -1, -1):
        if tokens[j].text in lx.SEGMENT_BOUNDARIES:
            return j + 1
    return 0


def noun_phrase_before(
    tokens: Tokens, low: int, end: int, offices: bool = True
) -> TokenSpan | None:
    """The source ending just before `end`, scanning left no further than `low`; with
    `offices`, a lower-case title before a title is part of it ("prime minister": not
    in the reading the denial model was trained on, attribution.find_attribution)."""
    if end <= low:
        return None
    head = tokens[end - 1]
    if tokens.lowers[end - 1] in lx.PRONOUNS:
        return (end - 1, end)
    if tokens.lowers[end - 1] in lx.FIRST_PERSON:
        return None
    if not is_head(head):
        return plain_noun_subject(tokens, low, end)
    start = end - 1
    while start > low:
        token = tokens[start - 1]
        word = tokens.lowers[start - 1]
        inside = start - 1 > low  # a word on the left can still be part of the phrase
        if (
            _is_part(token)
            or (offices and _title_before_title(tokens, start - 1))
            or (token.is_particle and inside and tokens[start - 2].is_name)
            or (word in lx.NP_CONNECTORS and inside and _is_part(tokens[start - 2]))
            or (word == "the" and inside and tokens.lowers[start - 2] in lx.NP_CONNECTORS)
        ):
            start -= 1
        else:
            start = _described_by_determiner(tokens, low, start, PLAIN_WORDS if offices else 2)
            break
    if start > low and tokens.lowers[start - 1] in lx.POSSESSIVE_DETERMINERS:
        start -= 1
    return trim(tokens, start, end)


def _title_before_title(tokens: Tokens, k: int) -> bool:
    """'prime minister', 'vice president': a lower-case title word before another is part
    of one office (qa10 Q6: a headline's "prime minister denies" was "minister")."""
    return (
        k + 1 < len(tokens)
        and not tokens[k].is_capitalised
        and tokens.lowers[k] in lx.TITLES
        and tokens.lowers[k + 1] in lx.TITLES
    )


def plain_noun_subject(tokens: Tokens, low: int, end: int) -> TokenSpan | None:
    """'The clinic denied', 'Some parents told', '…, operators said': a plain lower-case
    noun is a subject when a determiner, a quantifier or the start of the clause stands
    at most three words before it (the role list cannot name every kind of speaker)."""
    for start in range(end - 1, max(low, end - 4) - 1, -1):
        token = tokens[start]
        word = tokens.lowers[start]
        if word in lx.DETERMINERS or word in lx.POSSESSIVE_DETERMINERS:
            return trim(tokens, start, end) if start + 1 < end else None
        if word in lx.QUANTIFIERS or token.is_possessive:
            if token.is_possessive:
                start = _possessor_start(tokens, low, start)
            return (start, end) if start + 1 < end else None
        plain = (
            word.isalpha()
            and (not token.is_capitalised or start == 0)
            and word not in lx.NEVER_NAMES
            and word not in lx.AUXILIARIES
            and word not in lx.VERB_ADVERBS
            and not word.endswith(("ed", "ing", "ly"))
        )
        if not plain:
            return None
        if start == low:
            return (start, end)
    return None


def _possessor_start(tokens: Tokens, low: int, possessive: int) -> int:
    """Where the name ending in `possessive` starts: every name word of it, not its last
    alone ("South Korea's spy agency" was "Korea's spy agency", another speaker; "New
    Zealand's", "Saudi Arabia's": qa21 #4), as a role's phrase keeps them."""
    start = possessive
    while start > low and (
        (is_source_name(tokens[start - 1]) and not tokens[start - 1].is_possessive)
        or (tokens[start - 1].is_particle and start - 1 > low and tokens[start - 2].is_name)
    ):
        start -= 1
    return start


PLAIN_WORDS = 3
"""Plain words a determiner's phrase may hold before its head: "The Spanish data
protection agency said" (qa14 Q8; was two, the reading the denial model was trained on)."""


def _described_by_determiner(tokens: Tokens, low: int, start: int, plain_words: int) -> int:
    """'the central bank', 'the national security communications adviser': plain words
    between a determiner and the phrase belong to it (at most `plain_words`)."""
    for reach in range(1, plain_words + 2):
        k = start - reach
        if k < low:
            break
        word = tokens.lowers[k]
        if tokens[k].is_possessive:
            return _possessor_start(tokens, low, k)
        if word in lx.DETERMINERS or word in lx.POSSESSIVE_DETERMINERS:
            return k + 1 if word in lx.DETERMINERS else k
        plain = word.isalpha() and word not in lx.NEVER_NAMES and word not in lx.AUXILIARIES
        if not plain or word.endswith("ly"):
            break
    return start


def noun_phrase_after(tokens: Tokens, start: int, stop: int) -> TokenSpan | None:
    """The source starting at `start` (after "according to", or an inverted verb)."""
    while start < stop and tokens.lowers[start] in lx.DETERMINERS:
        start += 1
    if start < stop and tokens.lowers[start] in lx.PRONOUNS:
        return (start, start + 1)
    end = start
    if end < stop and tokens.lowers[end] in lx.POSSESSIVE_DETERMINERS:
        end += 1
    while end < stop:
        token = tokens[end]
        word = tokens.lowers[end]
        if _is_part(token) or (token.is_particle and end > start and tokens[end - 1].is_name):
            end += 1
            continue
        if _leads_to_role(tokens, end, stop) or _describes_name(tokens, end, stop):
            end += 1
            continue
        following = end + 1
        if word in lx.NP_CONNECTORS and end > start:
            if following < stop and tokens.lowers[following] == "the":
                following += 1
            if following < stop and is_source_name(tokens[following]):
                end = following
                continue
        break
    span = trim(tokens, start, end)
    if span is None or not is_head(tokens[span[1] - 1]):
        return None
    return span


PLAIN_PHRASE_REACH = 5
"""Words of a plain noun phrase after "according to" ("a court-appointed receiver")."""


def plain_phrase_after(tokens: Tokens, start: int) -> TokenSpan | None:
    """'according to villagers', 'according to a court-appointed receiver': after
    "according to", whatever noun phrase follows names the source, up to a preposition,
    a clause or the sentence's end (role lists cannot name every kind of witness)."""
    while start < len(tokens) and tokens.lowers[start] in lx.DETERMINERS:
        start += 1
    end = start
    while end < len(tokens) and end - start < PLAIN_PHRASE_REACH:
        token, word = tokens[end], tokens.lowers[end]
        if not token.is_word or word in lx.PREPOSITIONS or word in lx.NEVER_NAMES:
            break
        if word in lx.AUXILIARIES or word in ("who", "which", "that"):
            break
        if end > start and _opens_post_modifier(tokens, end):
            break  # "a mediator appointed by the ministry": the mediator (qa18 F8)
        end += 1
    if end == start or (end < len(tokens) and tokens[end].is_word and end - start == 0):
        return None
    stops = (
        end == len(tokens)
        or not tokens[end].is_word
        or tokens.lowers[end] in lx.PREPOSITIONS
        or _opens_post_modifier(tokens, end)
    )
    return (start, end) if stops else None


def _opens_post_modifier(tokens: Tokens, at: int) -> bool:
    """A participle in -ed right before a preposition ("appointed by", "hired by",
    "stationed in"): it opens what is said of the noun before it, no part of its name."""
    following = at + 1
    return (
        tokens.lowers[at].endswith("ed")
        and following < len(tokens)
        and tokens.lowers[following] in lx.PREPOSITIONS
    )


def _describes_name(tokens: Tokens, at: int, stop: int) -> bool:
    """A plain lower-case word right before a full name: "singer" in "Award-winning
    chef Maria Lund" (naming.py keeps the name)."""
    word = tokens.lowers[at]
    if not word.isalpha() or word in lx.NEVER_NAMES or tokens[at].is_capitalised:
        return False
    return at + 2 < stop and tokens[at + 1].is_name and tokens[at + 2].is_name


def _leads_to_role(tokens: Tokens, at: int, stop: int) -> bool:
    """A plain lower-case word with a role noun at most two words on: "census" in
    "the census bureau"."""
    word = tokens.lowers[at]
    if not word.isalpha() or word in lx.NEVER_NAMES or word in lx.AUXILIARIES:
        return False
    for k in range(at + 1, min(stop, at + 3)):
        if tokens[k].bare in lx.ROLES or tokens[k].bare in lx.DOCUMENT_SOURCES:
            return True
        if not tokens[k].is_word or tokens.lowers[k] in lx.NEVER_NAMES:
            return False
    return False


def trim(tokens: Tokens, start: int, end: int) -> TokenSpan | None:
    """Drop clause openers and determiners from the front, connectors from the back."""
    while start < end and (
        tokens.lowers[start] in lx.LEAD_INS
        or (tokens.lowers[start] in lx.DETERMINERS and not _counts(tokens, start, end))
        or tokens.lowers[start] in lx.NP_CONNECTORS
    ):
        start += 1
    while end > start and (
        tokens.lowers[end - 1] in lx.NP_CONNECTORS or tokens.lowers[end - 1] == "the"
    ):
        end -= 1
    return (start, end) if start < end else None


def _counts(tokens: Tokens, at: int, end: int) -> bool:
    """'Both companies': "both" counts the speakers of a role, like "Two people", and
    stays; before names it goes ("Both Russia and North Korea" -> "Russia and North Korea")."""
    if tokens.lowers[at] != "both" or at + 1 >= end:
        return False
    following = tokens[at + 1]
    return following.is_word and not following.is_capitalised


def subject_before(tokens: Tokens, verb: int, shown: bool = True) -> TokenSpan | None:
    """The subject of the verb at `verb`: right before it, in apposition, or further back
    with a post-modifier ("officials familiar with the matter said"). `shown` is the
    reading shown since rules-13; without it, the one the denial model was trained on
    (attribution.find_attribution): no office of two titles ("prime minister"), and a
    phrase inside a relative clause or an apposition's post-modifier may be the subject."""
    segment = _segment_start(tokens, verb)
    end = verb
    while end > segment and (
        tokens.lowers[end - 1] in lx.VERB_ADVERBS or tokens.lowers[end - 1] in lx.AUXILIARIES
    ):
        end -= 1
    if end == segment and end > 0 and tokens[end - 1].text == ",":
        return _apposition(tokens, end - 1, shown)
    return _phrase_ending(tokens, segment, end, shown)


def _phrase_ending(tokens: Tokens, segment: int, end: int, shown: bool) -> TokenSpan | None:
    """The subject phrase of the clause from `segment` that ends at `end`: the noun
    phrase right before `end`, unless it hangs on a preposition or (`shown`) on the verb
    of a relative clause ("Officials at the agency that oversees the dam said"), when the
    subject is the head before them ("Officials"; qa11 Q2)."""
    found = noun_phrase_before(tokens, segment, end, shown)
    inside = found is not None and (
        _object_of_preposition(tokens, found)
        or (shown and _in_relative_clause(tokens, segment, found))
    )
    if found is not None and not inside:
        return found
    return _modified_subject(tokens, segment, end, shown) or (
        None if found is None or _object_of_preposition(tokens, found) else found
    )


def _in_relative_clause(tokens: Tokens, segment: int, span: TokenSpan) -> bool:
    """'the agency that oversees the dam': a relative pronoun before the phrase in its
    clause, with a word between them that is not a determiner (its verb). Not "that"
    opening a reported clause ("…said that the minister…": the phrase right after)."""
    for k in range(span[0] - 1, segment - 1, -1):
        if tokens.lowers[k] in lx.RELATIVE_PRONOUNS:
            between = range(k + 1, span[0])
            return any(tokens.lowers[j] not in lx.DETERMINERS for j in between)
    return False


def _object_of_preposition(tokens: Tokens, span: TokenSpan) -> bool:
    """'…shared on social media claimed', 'familiar with the negotiations said': the
    phrase hangs on a preposition, with a determiner or up to two plain modifiers
    between."""
    before = span[0] - 1
    if before >= 0 and tokens.lowers[before] in lx.DETERMINERS:
        before -= 1
    else:
        for _ in range(2):
            if before >= 0 and _plain_modifier(tokens, before):
                before -= 1
    return before >= 0 and tokens.lowers[before] in lx.PREPOSITIONS


def _plain_modifier(tokens: Tokens, k: int) -> bool:
    word = tokens.lowers[k]
    return (
        word.isalpha()
        and not tokens[k].is_capitalised
        and word not in lx.NEVER_NAMES
        and word not in lx.AUXILIARIES
        and word not in lx.PREPOSITIONS
    )


def _apposition(tokens: Tokens, comma: int, shown: bool) -> TokenSpan | None:
    """'NAME, DESCRIPTION, said' -> NAME; 'DESCRIPTION, NAME, said' -> NAME (also 'The
    agency’s chief scientist, Dr. Omar Feld of the Vienna Institute, pushed…' and
    'Norway’s public broadcaster, NRK, reported')."""
    inner = _segment_start(tokens, comma)
    if inner == 0 or tokens[inner - 1].text != ",":
        return None
    if is_full_name(tokens, inner, comma):
        return (inner, comma)
    outer_start = _segment_start(tokens, inner - 1)
    if shown:  # "A former inspector at the authority, who asked…, said": the inspector
        outer = _phrase_ending(tokens, outer_start, inner - 1, shown)
    else:
        outer = noun_phrase_before(tokens, outer_start, inner - 1, shown)
    if outer is None or not tokens[outer[1] - 1].is_name:
        opening = inner + (tokens.lowers[inner] == "the" and inner + 1 < comma)
        named = (
            name_opening(tokens, opening, comma)
            or _organisation_name(tokens, opening, comma)
            or _described_name(tokens, opening, comma)
        )
        if named is not None:
            return named  # a description, then the name it describes
    return outer


def _described_name(tokens: Tokens, start: int, end: int) -> TokenSpan | None:
    """'…, the Norwegian rider Jonas Vik, wrote', '…, the energy company Helvia, said',
    '…, incumbent clerk Ruth Ambrose, called': an apposition that describes its name
    before giving it; the name is the capitalised words that end it (two or more, or one
    after a word for an organisation or a role)."""
    first = end
    while first > start and (tokens[first - 1].is_name or tokens[first - 1].is_particle):
        first -= 1
    if first in (start, end) or tokens[first - 1].is_capitalised:
        return None  # all names (handled before), none, or a name run cut short
    before = tokens[first - 1]
    if not before.is_word or before.lower in lx.NP_CONNECTORS or before.is_possessive:
        return None  # "One of the Leaders", "the team's Vik"
    if any(tokens.lowers[j] in lx.PREPOSITIONS for j in range(start, first)):
        return None  # "…, filed by Curtis Bell in Los Angeles, alleges": not a description
    if is_full_name(tokens, first, end):
        return (first, end)
    role = before.bare in lx.ROLES or before.bare in lx.ORGANISATION_ROLES
    if end - first == 1 and role and not tokens[first].is_possessive:
        return (first, end)
    return None


def _organisation_name(tokens: Tokens, start: int, end: int) -> TokenSpan | None:
    """'…, the Pacific Insurers Council, said': a name of two or more capitalised words
    (an organisation's, which may end in a role word) in apposition to a description."""
    if end - start < 2:
        return None
    words = range(start, end)
    if all(
        (tokens[j].is_capitalised and not tokens[j].is_possessive)
        or (start < j < end - 1 and tokens.lowers[j] in lx.NAME_CONNECTORS)
        for j in words
    ):  # "the Pacific Insurers Council", "Parents for Safe Products"
        return (start, end)
    return None


def _modified_subject(
    tokens: Tokens, segment: int, end: int, shown: bool = True
) -> TokenSpan | None:
    start = segment
    while start < end and tokens.lowers[start] in lx.LEAD_INS:
        start += 1
    found = (
        noun_phrase_after(tokens, start, end)
        or _person_before_who(tokens, start, end)
        or _determined_noun(tokens, start, end, PLAIN_HEAD_WORDS if shown else 1)
    )
    if found is None or found[1] >= end:
        return None
    following = tokens.lowers[found[1]]
    if (
        following in lx.POSTMODIFIER_STARTS
        or (len(following) > 4 and following.endswith("ed"))
        or (shown and following == "by")  # "A statement by the ministry said" (qa15 Q15)
        or (
            shown
            and following in _PARTICIPLES
            and tokens.lowers[found[1] + 1 : found[1] + 2] == ("by",)
        )
    ):
        return _with_its_modifier(tokens, found, end)  # "officials familiar with…"
    return None


def _with_its_modifier(tokens: Tokens, found: TokenSpan, end: int) -> TokenSpan:
    """'Relatives of the trapped men', 'Lawyers for the plaintiffs', 'the union
    representing port workers': a post-modifier that says whose is part of the source;
    an adjective or a clause is not ("a senior official familiar with troop movements",
    "officials who…"); "by" says whose a document is ("A statement by the ministry":
    read only in the reading shown, _modified_subject)."""
    start, stop = found
    whose = tokens.lowers[stop] in lx.SOURCE_POSTMODIFIERS or tokens.lowers[stop] == "by"
    if not whose or end - stop > MODIFIER_REACH:
        return found
    for k in range(stop + 1, end):
        token, word = tokens[k], tokens.lowers[k]
        if not token.is_word or word in lx.AUXILIARIES or word in ("who", "which", "that"):
            return found
        if token.is_possessive:
            continue
        if not token.is_capitalised and len(word) > 4 and word.endswith(("ed", "ly")):
            if word not in lx.ROLES and k < end - 1:
                continue  # "the trapped men": a participle modifying the noun after it
            return found
    return (start, end) if end > stop + 1 else found


_PARTICIPLES = frozenset(["seen", "shown", "given", "written", "drawn", "taken", "held"])
"""Irregular participles that open a subject's post-modifier before "by", as a regular
one does ("Port records seen by this newspaper show that …", qa15 Q15)."""


MODIFIER_REACH = 7
"""Tokens of a post-modifier kept in a source ("of one of the babies")."""


PLAIN_HEAD_WORDS = 3
"""Plain words after a determiner read as one noun phrase before a post-modifier ("A
former inspector at the authority")."""


def _determined_noun(tokens: Tokens, start: int, end: int, words: int = 1) -> TokenSpan | None:
    """'A post …': a determiner and one plain noun opening the clause; up to `words` of
    them before a post-modifier ("A former inspector at …": qa11 Q2, the subject was
    "former", then nothing)."""
    if start + 1 >= end or tokens.lowers[start] not in lx.DETERMINERS:
        return None
    word = tokens.lowers[start + 1]
    if not word.isalpha() or word in lx.NEVER_NAMES or tokens[start + 1].is_capitalised:
        return None
    stop = start + 2
    while stop < min(end, start + 1 + words) and _plain_noun_word(tokens, stop):
        stop += 1
    if stop > start + 2 and (stop == end or tokens.lowers[stop] not in lx.POSTMODIFIER_STARTS):
        return (start + 1, start + 2)  # no post-modifier after them: as one word before
    return (start + 1, stop)


def _plain_noun_word(tokens: Tokens, k: int) -> bool:
    """A lower-case word that may go on a plain noun phrase ("inspector" after "former";
    not "who", "at", "shared", "speaking")."""
    word = tokens.lowers[k]
    return (
        word.isalpha()
        and word not in lx.NEVER_NAMES
        and not tokens[k].is_capitalised
        and word not in lx.POSTMODIFIER_STARTS
        and word not in lx.AUXILIARIES
        and word not in lx.VERB_ADVERBS
        and not (len(word) > 4 and word.endswith(("ed", "ing", "ly")))
    )


def _person_before_who(tokens: Tokens, start: int, end: int) -> TokenSpan | None:
    """'A firefighter who asked not to be named told…': "who" makes any noun a person."""
    if start < end and tokens.lowers[start] in lx.DETERMINERS:
        start += 1
    for k in range(start + 1, min(end, start + 4)):
        if tokens.lowers[k] in ("who", "whose"):
            words = range(start, k)
            if all(tokens[j].is_word and tokens.lowers[j] not in lx.NEVER_NAMES for j in words):
                return (start, k)
            return None
    return None


def main_subject(tokens: Tokens, limit: int) -> TokenSpan | None:
    """The subject of the sentence's main clause: its first noun phrase that is not in
    an opening adverbial ("On Friday, …") or a dateline ("BERLIN — …"), the name
    in apposition if one follows ("The energy minister, Claire Duval, went…")."""
    found = _first_phrase(tokens, after_dateline(tokens), limit)
    if (
        found is not None
        and found[1] < limit
        and tokens[found[1]].text == ","
        and not tokens[found[1] - 1].is_name
    ):
        return _named_apposition(tokens, found[1] + 1, limit) or found
    return found


DATELINE_REACH = 10
"""Tokens at the start of a sentence searched for the dash that ends a dateline."""


def after_dateline(tokens: Tokens) -> int:
    """Where the sentence starts after a dateline: 'BERLIN —', 'PARIS, June 3 —',
    'NAIROBI, Kenya (AP) —' (an upper-case place, then a dash)."""
    first = tokens[0] if len(tokens) else None
    if first is None or not (first.is_word and first.text.isupper() and len(first.text) > 1):
        return 0
    for k in range(1, min(len(tokens), DATELINE_REACH)):
        if tokens[k].text in ("—", "–", "-", "--"):
            return k + 1
    return 0


def _named_apposition(tokens: Tokens, start: int, limit: int) -> TokenSpan | None:
    """'…, Claire Duval, …', '…, Dr. Omar Feld of the Vienna Institute, …', '…, NRK,
    …': the name between two commas after a description."""
    end = start
    while end < limit and tokens[end].text != ",":
        end += 1
    if end >= limit:
        return None
    return name_opening(tokens, start, end)


def name_opening(tokens: Tokens, start: int, end: int) -> TokenSpan | None:
    """The name that tokens[start:end] is or opens with: a full name (titles kept for
    naming.py to drop) before "of…"/"at…", or a single capitalised name or acronym."""
    stop = next((j for j in range(start, end) if tokens.lowers[j] in ("of", "at", "from")), end)
    if stop > start and is_full_name(tokens, start, stop):
        return (start, stop)
    token = tokens[start]
    one_name = stop == end == start + 1 and token.is_name and not token.is_possessive
    if one_name and token.lower not in lx.TITLES and token.bare not in lx.ROLES:
        return (start, end)
    return None


def _first_phrase(tokens: Tokens, start: int, limit: int) -> TokenSpan | None:
    while start < limit:
        word = tokens.lowers[start]
        opener = tokens[start].is_capitalised and word in lx.ADVERBIAL_OPENERS
        if opener or (word in lx.LEAD_INS and word not in ("that", "who", "which")):
            if opener:
                comma = next((j for j in range(start, limit) if tokens[j].text == ","), None)
                if comma is None:
                    return None
                start = comma + 1
                continue
            start += 1
            continue
        return noun_phrase_after(tokens, start, limit) or _determined_noun(tokens, start, limit)
    return None


def is_full_name(tokens: Tokens, start: int, end: int) -> bool:
    """Two or more name words, after any titles, and nothing else ("John Kirby",
    "Dr. Priya Raman", "Ursula von der Leyen")."""
    while start < end and tokens.lowers[start] in lx.TITLES:
        start += 1
    names = 0
    for j in range(start, end):
        token = tokens[j]
        if token.is_name and tokens.lowers[j] not in lx.TITLES and token.bare not in lx.ROLES:
            names += 1
        elif not token.is_particle:
            return False
    return names >= 2
