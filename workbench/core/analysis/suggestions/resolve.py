"""Who "he", "they" or "the spokesman" is: the speaker an article named before.

News reports name a speaker in full once ("Air Force Maj. Gen. Pat Ryder, the Pentagon
spokesman, told reporters") and then write "General Ryder", "he", "the spokesman". The
article is read in order, remembering every speaker and every titled name with the
words that described them (and a person named beside a role, "its chief executive, Jonas
Brandt, resigned", who acts whether or not they speak); a pronoun or a bare role
resolves to the latest fitting one, given in its fullest form ("he" -> "Pat Ryder", not
"General Ryder"). Only the few sentences before count: an old antecedent is more often
wrong than right.

What kind of speaker a name is decides what can resolve to it: "he" only to a person,
"the company" only to a body of that kind. Two name words are a person's unless the
article writes them as a body's ("the Red Cross", "Halden Hydro, the state-owned
company"); a plural opening the sentence ("Rescuers said") is a group, not a name.

"he" and "she" skip a speaker the article shows to be of the other gender: an honorific
("Ms. Lopez"), a role noun ("the ministry spokesman"), a pronoun that resolved to them
before, a "his"/"her" after their name in their own sentence, and last a short list of
common first names. When the nearest speaker is of the other gender and no earlier one
is shown to fit, the pronoun stays unresolved: a wrong name is worse than none.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from workbench.core.analysis import lexicon as lx
from workbench.core.analysis.suggestions.tokens import Tokens

REACH = 6
"""Sentences looked back for an antecedent."""

PERSON = "person"
GROUP = "group"
BODY = "body"

GENDER_OF = {"his": "he", "her": "she"}
"""A possessive after a speaker's name, and the gender it tells."""
BODY_OR_PERSON = ("his", "her", "its")
"""The possessives that tell a body ("its") from a person."""


@dataclass(slots=True)
class Speaker:
    """One speaker of the article: its fullest written form and what described it."""

    text: str
    start: int
    end: int
    kind: str
    sentence: int
    names: int
    """Name words in `text` (titles excluded): a fuller form has more."""
    descriptions: set[str] = field(default_factory=set)
    gender: str = ""
    definite: bool = False
    """Written after "the" ("the Red Cross"): a body's name, never a brand's (_bare_name)."""
    by_form: bool = False
    """A name read as a body or a group from its form alone ("its" after it, a plural or
    a single name): a "he" or "she" of the next sentence may tell a person (_pronoun_tells)."""
    seen_at: int = -1
    """Where it was last named, an offset into the article: a pronoun before that in the
    same sentence is not it (Discourse.resolve)."""


@dataclass(frozen=True, slots=True)
class Resolved:
    text: str
    start: int
    end: int


class Discourse:
    """The speakers met so far in one article, in reading order. `as_trained` reads them
    as rules-11 did, the reading the denial model was trained on (suggest._ModelView):
    no person remembered from an apposition alone, and a name's kind as it was read
    (_kind's `as_trained`)."""

    def __init__(self, as_trained: bool = False) -> None:
        self.speakers: list[Speaker] = []
        self._people: dict[str, Speaker] = {}
        self._as_trained = as_trained

    def resolve(
        self,
        tokens: Tokens,
        span: tuple[int, int],
        sentence: int,
        learn: bool = False,
        any_body: bool = False,
        at: int | None = None,
    ) -> Resolved | None:
        """The antecedent of a pronoun or bare-role source, or None. With `learn` (the
        article's own pronoun, not one an analyst typed), a "he"/"she" that resolves
        tells the speaker's gender from then on. With `any_body`, a body's bare role is
        the latest body of any kind: the reading the article's speakers are followed by
        and the denial model was trained on (suggest._remember_speaker), not one to
        show (_of_kind). `at` is where the source stands in the article (default: where
        `tokens`, the sentence's, put it): someone its sentence names only after a
        pronoun is not it ("She added that … Governor Ilse Marwood led": not the
        governor, qa16 Q1)."""
        start, end = span
        words = tokens.lowers[start:end]
        if at is None:
            at = tokens[start].start if end > start else -1
        recent = [s for s in reversed(self.speakers) if sentence - s.sentence <= REACH]
        if len(words) == 1 and words[0] in lx.PRONOUNS:
            if not self._as_trained:  # a role may be the name after it: "the spokesman, Ola Lund"
                recent = [s for s in recent if s.sentence != sentence or s.seen_at < at]
            match = _for_pronoun(words[0], recent)
            if match is None and _pronoun_tells(words[0], recent, sentence):
                match = recent[0]
                if learn:
                    self._become_person(match)
            if learn and match is not None and words[0] in lx.PERSON_PRONOUNS:
                match.gender = match.gender or words[0]
        elif is_bare_role(tokens, span):
            match = _for_role(words[:-1], words[-1], recent, any_body)
        else:
            return None
        if match is None or match.text.lower() == tokens.span_text(start, end).lower():
            return None
        return Resolved(match.text, match.start, match.end)

    def remember_source(
        self,
        tokens: Tokens,
        written: tuple[int, int],
        span: tuple[int, int],
        sentence: int,
        resolved: bool,
    ) -> None:
        """Record the speaker of a sentence: `span` is the source, `written` the whole
        phrase it was cut from ("Air Force Maj. Gen. Pat Ryder"). A pronoun, or a role
        that resolved to someone named before, is not a new speaker."""
        words = tokens.lowers[span[0] : span[1]]
        if resolved or (len(words) == 1 and words[0] in lx.PRONOUNS):
            return
        kind = _kind(tokens, span, written, self._as_trained)
        by_form = False
        if (
            kind == PERSON
            and not self._as_trained
            and _possessive_after(tokens, written, BODY_OR_PERSON) == "its"
            and not _first_name_gender(tokens, span)  # "Tomas Reyes said its members" (rv13 R12)
        ):
            kind = BODY  # "Marlow Agrochem said its plant…": a company, not a person (qa11 Q1)
            by_form = True
        elif kind != PERSON and not self._as_trained:
            by_form = _name_alone(tokens, span, written)
        speaker = self._add(
            tokens, span, kind, sentence, _descriptions(tokens, written),
            _role_gender(tokens, written),
        )  # fmt: skip
        speaker.definite = speaker.definite or _after_the(tokens, span)
        speaker.by_form = speaker.kind != PERSON and by_form and not speaker.definite
        if kind == PERSON and not speaker.gender:
            speaker.gender = GENDER_OF.get(_possessive_after(tokens, written), "")

    def remember_names(self, tokens: Tokens, sentence: int) -> None:
        """Record titled names ("Defense Secretary Lloyd Austin") met anywhere."""
        items = tokens.items
        j = 0
        while j < len(items):
            followed_by_name = j + 1 < len(items) and items[j + 1].is_name
            if tokens.lowers[j] not in lx.TITLES or not followed_by_name:
                j += 1
                continue
            title_start = j
            while (
                title_start > 0
                and (tokens.lowers[title_start - 1] in lx.TITLES or items[title_start - 1].is_name)
                and not items[title_start - 1].is_possessive
            ):
                title_start -= 1
            name_start = j + 1
            while name_start < len(items) and tokens.lowers[name_start] in lx.TITLES:
                name_start += 1
            if self._headline_verb(tokens, name_start):
                j = name_start + 1
                continue
            name_end = name_start
            while name_end < len(items) and (
                (items[name_end].is_name and tokens.lowers[name_end] not in lx.TITLES)
                or items[name_end].is_particle
            ):
                name_end += 1
            if name_end - name_start >= 2:
                descriptions = {tokens.lowers[k] for k in range(title_start, name_start)}
                gender = _title_gender(tuple(descriptions))
                self._add(tokens, (name_start, name_end), PERSON, sentence, descriptions, gender)
            j = max(name_end, j + 1)
        if not self._as_trained:
            self._remember_appositions(tokens, sentence)

    def _headline_verb(self, tokens: Tokens, k: int) -> bool:
        """Whether the word after a title is the verb of a title-case headline ("Mayor
        Says Flood Killed 47"): "Says Flood Killed" is no titled person (qa17 Q1). The
        denial model's reading (`as_trained`) keeps rules-11's."""
        return (
            not self._as_trained
            and k < len(tokens)
            and tokens.lowers[k] in lx.REPORTING_THIRD_PERSON
        )

    def _remember_appositions(self, tokens: Tokens, sentence: int) -> None:
        """Record a person named in apposition after a role ("Halden Hydro's chief
        executive, Jonas Brandt, resigned"): named as acting, whoever speaks, so a "he"
        after it is that person, not an earlier speaker (qa10 Q3)."""
        if "," not in tokens.lowers:
            return  # both readings set a name and a role between commas
        items = tokens.items
        for comma in range(1, len(items) - 2):
            if items[comma].text != "," or not _person_role(tokens, comma - 1):
                continue
            name_end = comma + 1
            while name_end < len(items) and (
                (items[name_end].is_name and tokens.lowers[name_end] not in lx.TITLES)
                or items[name_end].is_particle
            ):
                name_end += 1
            closed = name_end == len(items) or items[name_end].text in (",", ".", "!", "?")
            named = range(comma + 1, name_end)
            if (
                name_end - comma - 1 < 2
                or not closed
                or any(items[k].is_possessive for k in named)
                or any(tokens[k].bare in lx.ORGANISATION_WORDS for k in named)
            ):
                continue
            role = _clause(tokens, comma - 1, -1)[::-1]
            descriptions = {tokens[k].bare for k in role if tokens[k].is_word} - lx.NEVER_NAMES
            gender = _title_gender(tuple(tokens[k].bare for k in role))
            self._add(tokens, (comma + 1, name_end), PERSON, sentence, descriptions, gender)
        self._remember_named_roles(tokens, sentence)

    def _remember_named_roles(self, tokens: Tokens, sentence: int) -> None:
        """Record a person named before a role set between commas ("Tomas Reyes,
        secretary of the plant workers' union, led the walkout"), whoever speaks: the
        "Reyes" of a later sentence is that person, not a brand (qa11 Q1)."""
        items = tokens.items
        name_start = 0
        while name_start < len(items):
            named = items[name_start].is_name
            name_end = _name_run_end(tokens, name_start) if named else name_start
            if name_end == name_start:
                name_start += 1
                continue
            span = (name_start, name_end)
            if _named_before_a_role(tokens, span):
                descriptions = _descriptions(tokens, span)
                self._add(tokens, span, PERSON, sentence, descriptions, _role_gender(tokens, span))
            name_start = name_end

    def _add(
        self,
        tokens: Tokens,
        span: tuple[int, int],
        kind: str,
        sentence: int,
        descriptions: set[str],
        described: str = "",
    ) -> Speaker:
        """The speaker, new or met again; `described` is the gender its description
        tells (an honorific or a role noun), if any."""
        start, end = span
        first, last = tokens[start], tokens[end - 1]
        text, text_end = tokens.span_text(*span), last.end
        if last.is_possessive and kind == PERSON and not self._as_trained:
            cut = 2 if last.lower.endswith("'s") else 1  # "Marwood's" -> "Marwood" (qa16 Q2)
            text, text_end = text[:-cut], text_end - cut
        names = sum(1 for k in range(start, end) if tokens.lowers[k] not in lx.TITLES)
        gender = _title_gender(tokens.lowers[start:end]) or described
        if kind == PERSON:
            gender = gender or _first_name_gender(tokens, span, self._as_trained)
        known = self._people.get(last.bare)
        if (
            known is not None
            and not self._as_trained
            and _another_person(known, tokens, span, gender)
        ):
            known = None  # one family name, two people ("Mrs. Biden", "Hunter Biden")
        if known is not None and (kind == PERSON or end - start == 1):
            # the same person again ("Austin" after "Lloyd Austin"): keep the fullest form
            known.descriptions |= descriptions
            known.sentence = sentence
            known.gender = known.gender or gender
            known.seen_at = first.start
            if names > known.names:
                known.text, known.start, known.end = text, first.start, text_end
                known.names = names
            self._touch(known)
            return known
        speaker = Speaker(
            text, first.start, text_end, kind, sentence, names, descriptions, gender,
            seen_at=first.start,
        )  # fmt: skip
        if kind == PERSON:
            self._people[last.bare] = speaker
        self.speakers.append(speaker)
        return speaker

    def _become_person(self, speaker: Speaker) -> None:
        """A name a "he" or "she" told to be a person's: the person from then on."""
        speaker.kind, speaker.by_form = PERSON, False
        self._people.setdefault(speaker.text.split()[-1].lower(), speaker)

    def _touch(self, speaker: Speaker) -> None:
        """Move a speaker met again to the end: it is the latest one."""
        self.speakers.remove(speaker)
        self.speakers.append(speaker)


def _another_person(known: Speaker, tokens: Tokens, span: tuple[int, int], gender: str) -> bool:
    """Whether a name sharing a remembered person's last word is someone else of that
    family: its gender is shown to be the other ("Mrs. Biden" never joins "Hunter Biden",
    a man's given name: src14), or both give a given name and they differ ("Joe Biden",
    "Hunter Biden")."""
    if gender and known.gender and gender != known.gender:
        return True
    start, end = span
    given = [w for w in tokens.lowers[start : end - 1] if w not in lx.TITLES]
    known_words = [w.lower() for w in known.text.split()[:-1]]
    known_given = [w for w in known_words if w not in lx.TITLES]
    return bool(given and known_given) and given[0] != known_given[0]


def _descriptions(tokens: Tokens, written: tuple[int, int]) -> set[str]:
    """Words of the phrase and of its apposition ("Pat Ryder, the Pentagon spokesman,
    said" -> pentagon, spokesman…): what a later "the spokesman" can match."""
    return {tokens[k].bare for k in _around(tokens, written) if tokens[k].is_word} - lx.NEVER_NAMES


def _around(tokens: Tokens, written: tuple[int, int]) -> list[int]:
    """Token indices of the phrase and of its apposition, in reading order."""
    start, end = written
    around = list(range(start, end))
    if end < len(tokens) and tokens[end].text == ",":
        after = _clause(tokens, end + 1, 1)
        if after and after[-1] + 1 < len(tokens) and tokens[after[-1] + 1].text == ",":
            around += after
        elif start > 1 and tokens[start - 1].text == ",":
            around = _clause(tokens, start - 2, -1)[::-1] + around
    return around


def _clause(tokens: Tokens, k: int, step: int) -> list[int]:
    """Token indices from k, walking by `step`, up to the next clause boundary."""
    found = []
    while 0 <= k < len(tokens) and tokens[k].text not in lx.SEGMENT_BOUNDARIES:
        found.append(k)
        k += step
    return found


def is_bare_role(tokens: Tokens, span: tuple[int, int]) -> bool:
    """'spokesman', 'agency', 'South Korean minister': a role with no name of its own.
    Not "his office" (whose office depends on "his") nor a document ("statement")."""
    start, end = span
    head = tokens[end - 1]
    if not _lower_case_word(tokens, end - 1):
        return False
    if head.bare not in lx.ROLES or head.bare in lx.DOCUMENT_ROLES:
        return False
    if tokens.lowers[start] in lx.POSSESSIVE_DETERMINERS or "and" in tokens.lowers[start:end]:
        return False
    return not any(
        tokens[k].is_name and tokens.lowers[k] not in lx.TITLES and not _nationality(tokens, k)
        for k in range(start, end - 1)
    )


def _lower_case_word(tokens: Tokens, k: int) -> bool:
    """Lower case, or capitalised only because it opens the sentence ("Officials say")."""
    return not tokens[k].is_capitalised or k == 0


def _nationality(tokens: Tokens, k: int) -> bool:
    """'South Korean', 'Russian': describes a role, does not name anyone."""
    word = tokens.lowers[k]
    return word.endswith(("an", "ese", "ish", "i")) or word in ("south", "north", "u.s")


def _plural(word: str) -> bool:
    """'officials', not 'witness': a plural role is a group's."""
    return word.endswith("s") and not word.endswith("ss")


def _person_role(tokens: Tokens, k: int) -> bool:
    """A lower-case role one person holds ("chief executive", "spokeswoman"), not a
    body's ("company")."""
    word = tokens[k].bare
    return (
        tokens[k].is_word
        and not tokens[k].is_capitalised
        and (word in lx.ROLES or word in lx.TITLES)
        and word not in lx.ORGANISATION_ROLES
    )


def _after_the(tokens: Tokens, span: tuple[int, int]) -> bool:
    """A name written after "the" ("the Red Cross", "the Valley Post"): a body's name,
    as no person's is."""
    start = span[0]
    return start > 0 and tokens.lowers[start - 1] == "the" and tokens[start].is_name


def _sentence_opening_plural(tokens: Tokens, span: tuple[int, int]) -> bool:
    """'Rescuers said': one plural word capitalised only because it opens the sentence,
    a group of people ("rescuers"), not a name."""
    start, end = span
    word = tokens[start]
    return (
        start == 0
        and end == 1
        and word.is_word
        and not word.is_possessive
        and word.lower.endswith("s")
        and not word.lower.endswith("ss")
        and word.text[1:].islower()
        and word.lower not in lx.NAMED_BODIES
    )


def _apposition_head(tokens: Tokens, written: tuple[int, int]) -> str:
    """The head of the description set beside a name between commas ("Halden Hydro, the
    state-owned company that runs the dam," -> "company"), or ""."""
    around = _around(tokens, written)
    head = _head_word(tokens, [k for k in around if not written[0] <= k < written[1]])
    return tokens[head].bare if head is not None else ""


def _head_word(tokens: Tokens, described: list[int]) -> int | None:
    """The index of a description's head: its last word before any relative clause or
    post-modifier ("the state-owned company that runs the dam" -> "company"; "a military
    expert with the Black Bird Group" -> "expert"), or None."""
    words: list[int] = []
    for k in described:
        if tokens.lowers[k] in lx.RELATIVE_PRONOUNS or tokens.lowers[k] in lx.PREPOSITIONS:
            break
        words.append(k)
    return words[-1] if words and tokens[words[-1]].is_word else None


def _name_run_end(tokens: Tokens, start: int) -> int:
    """The end of the run of name words from `start` (titles, times and places excluded:
    "Tomas Reyes", "Jean de la Croix"); `start` when none begins there."""
    end = start
    while end < len(tokens) and (
        (
            tokens[end].is_name
            and tokens.lowers[end] not in lx.TITLES
            and tokens.lowers[end] not in lx.TIME_WORDS
        )
        or (end > start and tokens[end].is_particle)
    ):
        end += 1
    return end


def _named_before_a_role(tokens: Tokens, span: tuple[int, int]) -> bool:
    """Whether a run of name words is a person's set before a role between commas
    ("Tomas Reyes, secretary of the plant workers' union,"): two name words at least,
    none a body's word nor a possessive, not written after "the", and a description
    whose head is a role one person holds (_person_role; not "Halden Hydro, the company")."""
    start, end = span
    named = range(start, end)
    if (
        end - start < 2
        or end + 1 >= len(tokens)
        or tokens[end].text != ","
        or (start > 0 and tokens[start - 1].is_name)
        or _after_the(tokens, span)
        or any(tokens[k].is_possessive or tokens[k].bare in lx.ORGANISATION_WORDS for k in named)
        or any(tokens.lowers[k] in lx.COUNTRIES for k in named)
    ):
        return False
    described = _clause(tokens, end + 1, 1)
    closed = bool(described) and described[-1] + 1 < len(tokens)
    if not closed or tokens[described[-1] + 1].text != ",":
        return False
    head = _head_word(tokens, described)
    return head is not None and _person_role(tokens, head) and not _plural(tokens[head].bare)


def _kind(
    tokens: Tokens,
    span: tuple[int, int],
    written: tuple[int, int] | None = None,
    as_trained: bool = False,
) -> str:
    """PERSON, GROUP or BODY. Two name words are a person's, unless the article writes
    them as a body's: after "the" ("the Red Cross"), or beside a body's role ("Halden
    Hydro, the state-owned company"), or one is a body's word in any language
    (ORGANISATION_WORDS: "Policía Nacional", "Acme Technologies" are no "he": src14); a
    plural opening the sentence is a group. With `as_trained`, as rules-11 read it (none
    of the exceptions)."""
    start, end = span
    if not as_trained and _sentence_opening_plural(tokens, span):
        return GROUP
    modified = next(
        (k for k in range(start + 1, end) if tokens.lowers[k] in lx.SOURCE_POSTMODIFIERS), None
    )
    if modified is not None and _lower_case_word(tokens, modified - 1):
        end = modified  # "Relatives of the trapped men": a group, whatever the men are
    head = tokens[end - 1]
    words = tokens.lowers[start:end]
    if "and" in words or "&" in words:
        return GROUP
    if _lower_case_word(tokens, end - 1) and head.bare in lx.ROLES:
        if head.bare in lx.ORGANISATION_ROLES:
            return BODY
        return GROUP if _plural(head.bare) or head.bare in ("police", "people") else PERSON
    named = [k for k in range(start, end) if tokens.lowers[k] not in lx.TITLES]
    people_like = all(tokens[k].is_name or tokens[k].is_particle for k in named)
    titled = len(named) < end - start
    if (
        people_like
        and (titled or len(named) >= 2)
        and not any(tokens[k].bare in lx.ORGANISATION_ROLES or "." in tokens[k].text for k in named)
        and (titled or as_trained or not _written_as_body(tokens, span, written or span))
        and (as_trained or not any(tokens[k].bare in lx.ORGANISATION_WORDS for k in named))
    ):
        return PERSON
    return BODY


def _written_as_body(tokens: Tokens, span: tuple[int, int], written: tuple[int, int]) -> bool:
    """Whether the article writes the name as a body's: after "the", or with a body's
    role in apposition, before it or after it ("The ferry operator, Lakeline Transport,
    denied": an operator is a kind of company, lexicon.BODY_KINDS, qa15 Q5)."""
    if _after_the(tokens, span):
        return True
    head = _apposition_head(tokens, written)
    return head in lx.ORGANISATION_ROLES or any(head in kind for kind in lx.BODY_KINDS)


def _one_gender(male: bool, female: bool) -> str:
    """'he' or 'she' when the evidence points one way only."""
    return "he" if male and not female else "she" if female and not male else ""


def _title_gender(words: tuple[str, ...]) -> str:
    """The gender an honorific or a role noun among `words` tells ("Ms.", "Spokesman")."""
    male = any(w in lx.MALE_TITLES or w in lx.MALE_ROLE_NOUNS for w in words)
    female = any(w in lx.FEMALE_TITLES or w in lx.FEMALE_ROLE_NOUNS for w in words)
    return _one_gender(male, female)


def _role_gender(tokens: Tokens, written: tuple[int, int]) -> str:
    """The gender a role noun of the phrase or its apposition tells ("Tomas Rijk, the
    ministry spokesman,", "Denise Price, his mother,"); a relative clause speaks of
    someone else ("Rosa Imre, whose son…")."""
    words = []
    for k in _around(tokens, written):
        if tokens.lowers[k] in lx.RELATIVE_PRONOUNS:
            break
        words.append(tokens[k].bare)
    return _title_gender(tuple(words))


def _first_name_gender(tokens: Tokens, span: tuple[int, int], as_trained: bool = False) -> str:
    """The gender a common first name tells: the weakest evidence, read last (`as_trained`:
    of the names the denial model's reading knew)."""
    start, end = span
    names = [k for k in range(start, end) if tokens.lowers[k] not in lx.TITLES]
    if len(names) < 2:  # a surname alone ("Rijk") tells nothing
        return ""
    first = tokens[names[0]].bare
    men = lx.MALE_FIRST_NAMES_AS_TRAINED if as_trained else lx.MALE_FIRST_NAMES
    return _one_gender(first in men, first in lx.FEMALE_FIRST_NAMES)


def _possessive_after(
    tokens: Tokens, written: tuple[int, int], possessives: Collection[str] = GENDER_OF
) -> str:
    """The first of `possessives` after the speaker's name and its apposition in its own
    sentence ("Rijk said his ministry…": a man; "Marlow Agrochem said on Monday its
    plant…": a body), unless another name comes between; else "". Asked for "its", a
    day or a month is no name (the gender's reading stays the one the denial model was
    trained on)."""
    around = _around(tokens, written)
    passed = lx.TIME_WORDS if "its" in possessives else frozenset()
    for j in range(max(around, default=written[1] - 1) + 1, len(tokens)):
        name = tokens.lowers[j] not in lx.TITLES and tokens.lowers[j] not in passed
        if tokens[j].is_name and name:
            return ""
        if tokens.lowers[j] in possessives:
            return tokens.lowers[j]
    return ""


def _name_alone(tokens: Tokens, span: tuple[int, int], written: tuple[int, int]) -> bool:
    """Whether a source read as a body or a group is a name and nothing else that says
    what it is ("Sanders", "Oren Vasko"): capitalised words only, none a role, a body's
    word, a country or a body known by name, not written after "the" nor beside a body's
    role. Such a reading comes from the form alone ("Rescuers said" is a group, "Halvane
    said" a brand), which a pronoun may overrule (_pronoun_tells)."""
    start, end = span
    if end - start > 3 or _written_as_body(tokens, span, written):
        return False
    for k in range(start, end):
        word = tokens[k]
        bare = word.bare
        if (
            not word.is_capitalised
            or not word.is_word
            or word.is_possessive
            or bare in lx.ROLES
            or bare.removesuffix("s") in lx.ROLES
            or bare in lx.ORGANISATION_WORDS
            or bare in lx.ORGANISATION_ROLES
            or bare in lx.NAMED_BODIES
            or bare in lx.COUNTRIES
            or bare in lx.TITLES
        ):
            return False
    return True


def _pronoun_tells(pronoun: str, recent: list[Speaker], sentence: int) -> bool:
    """Whether a "he" or "she" that fits no person is the name read as a body or a group
    from its form alone just before it: the latest speaker, of this sentence or the one
    before, with no person between ("Sanders said 3,000 … He said", rv13 R6; "Oren Vasko
    said its members … He said", rv13 R12). A reader takes the pronoun for that name; a
    body the article writes as one ("the Red Cross") is never it."""
    return (
        pronoun in lx.PERSON_PRONOUNS
        and bool(recent)
        and recent[0].by_form
        and sentence - recent[0].sentence <= 1
    )


def _for_pronoun(pronoun: str, recent: list[Speaker]) -> Speaker | None:
    if pronoun in lx.PERSON_PRONOUNS:
        return _for_person_pronoun(pronoun, [s for s in recent if s.kind == PERSON])
    if pronoun in lx.PLURAL_PRONOUNS:
        return next((s for s in recent if s.kind == GROUP), None)
    if pronoun in lx.THING_PRONOUNS:
        return next((s for s in recent if s.kind == BODY), None)
    return None


def _for_role(
    modifiers: tuple[str, ...], head: str, recent: list[Speaker], any_body: bool = False
) -> Speaker | None:
    """The latest speaker described by the same role and the same modifiers ("the South
    Korean minister" -> "Kim Yong-hyun", never "U.S. officials" -> "Ukrainian officials"),
    a body's role never a person shown (a body speaks through its people, who are not
    it; the `any_body` reading the denial model was trained on is left as it was);
    for a body's role with no modifier ("the agency"), the latest body of that kind
    (_of_kind)."""
    wanted = {w.removesuffix("'s") for w in modifiers if w not in lx.DETERMINERS}
    body = head in lx.ORGANISATION_ROLES and not any_body
    for speaker in recent:
        if body and speaker.kind == PERSON:
            continue  # "the fire service" is not "fire service director Main Uddin" (qa8 Q7)
        if head in speaker.descriptions and wanted <= speaker.descriptions:
            return speaker
    if head in lx.ORGANISATION_ROLES and not wanted:
        return next((s for s in recent if s.kind == BODY and (any_body or _of_kind(head, s))), None)
    return None


def _of_kind(head: str, body: Speaker) -> bool:
    """Whether a body is what the role names: its words (or what described it) hold a
    word of the role's kind (lexicon.BODY_KINDS: "the agency" is "South Korea's National
    Intelligence Service", not "North Korea's foreign ministry"); a role of no listed
    kind, its own word. A role a place can be ("the government": PLACE_ROLES) is also a
    place the lexicon knows ("Pyongyang"), never another kind of body (_place); a bare
    place is never "the agency" (qa6 Q6: it was, and the claim of Seoul's intelligence
    service became North Korea's)."""
    kinds = [kind for kind in lx.BODY_KINDS if head in kind]
    words = body.descriptions
    if any(not kind.isdisjoint(words) for kind in kinds) if kinds else head in words:
        return True
    if _trade_named(body) and any("company" in kind for kind in kinds):
        return True  # "Lakeline Transport ... the company said" (qa15 Q5)
    if head in lx.PLACE_ROLES:
        return _place(body)
    return head in lx.BRAND_ROLES and _bare_name(body)


def _trade_named(body: Speaker) -> bool:
    """A company whose name ends in its trade ("Lakeline Transport", "Norvik Airlines")."""
    return body.text.split()[-1].lower() in lx.COMPANY_TRADES


def _place(body: Speaker) -> bool:
    """A body named by a place the lexicon knows ("Pyongyang", "Russia"): what "the
    government" may stand for. Any other body is not a government (qa10 Q3: "the
    government" was the civil protection agency, one of its agencies)."""
    name = body.text.lower().replace("’", "'")
    return name in lx.COUNTRIES or name in lx.COUNTRY_NAMES


def _bare_name(body: Speaker) -> bool:
    """A body named by a name alone, capitalised, which is no place the lexicon knows
    ("Halvane", not "Pyongyang" nor "North Korea") and holds no word of a kind of body
    (nor "its manifest", "statement")."""
    words = body.descriptions
    return (
        not body.definite
        and all(word[:1].isupper() for word in body.text.split())
        and all(kind.isdisjoint(words) for kind in lx.BODY_KINDS)
        and lx.ORGANISATION_WORDS.isdisjoint(words)
        and not any(place in body.text.lower() for place in lx.COUNTRIES)
    )


def _for_person_pronoun(pronoun: str, people: list[Speaker]) -> Speaker | None:
    """The nearest person of the pronoun's gender or of none known; past a person of the
    other gender, only one shown to fit (never a guess among the unknown)."""
    passed_other = False
    for person in people:
        if person.gender == pronoun:
            return person
        if person.gender:
            passed_other = True
        elif not passed_other:
            return person
    return None
