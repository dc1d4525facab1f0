"""Who "he" is: a pronoun or bare-role source read as the speaker its article names.

Analysts record a pronoun source as the pronoun (the guideline), so "he" in one article
is Lloyd Austin and in another Vladimir Putin: counted as one source, "he" would top
the summary's table and merge them all. Here each such source is resolved the way the
suggester resolves it (suggestions.suggest.typed_speakers), from the text of the
article the annotation was made on and the sentences before it:

- a pronoun ("he", "they", "it") that resolves is the speaker it names, written
  "he → Lloyd Austin"; one that does not (no text at hand, a changed text, no fitting
  speaker nearby) stays apart in its own article, "he (unresolved, in “title”)", and is
  never one source across articles. A first-person or possessive source ("we", "his")
  is never resolved and stays apart the same way;
- a definite bare role ("the spokesman", "the ministry") that resolves is grouped the
  same way; one that does not stays as typed (a role is a description of its own). A
  singular role typed without its article ("union", "fire service") is that role (the
  article is not part of the name), unless its sentence writes it after "a"; an office
  ("Minister", "the Labour Minister") that names nobody before it is the one person the
  article names in it (offices.py); a body's role is never a person (qa8 Q7);
- an honorific and a surname ("Ms. Park", "General Ryder", or a surname alone) is the
  person its own article named in full up to its sentence (surnames.py): "Ms. Park →
  Park Jin" in one article, "Mr. Park → Park Won-gon" in another. One that names nobody
  stays apart in its article, "Mr. Park (unresolved, in “title”)", when grouping it as
  typed would be a guess between people: the article has two people it could be, the
  corpus names two people of that surname in full (its sources or its articles' text),
  men and women are called by it, or, with an honorific, it is written in two articles
  and no one of that surname is named in full. Else it stays as typed (source grouping
  joins it to the one person of that surname, as "Mr. Putin" to Vladimir Putin). So the
  figures of two people of one surname are never one origin, and never hide a conflict.

What the analyst accepted wins over any reading (docs/summary.md, Sources): a source
kept as suggested with the speaker it resolved to ("He → Pat Ryder", stored as the
provenance's resolved_source) is that speaker on any text and under any suggester
version, so an article edit that puts another person before "He" never gives the claim
to that person. One nobody accepted is read only on the text it was made on: once its
annotation moved (re-anchored, or to check), the sentences before it may name someone
else, so a pronoun is listed apart, "he (to check, in “title”)" for one to check, "he
(to confirm, in “title”)" for one re-anchored, until the analyst confirms it there, and
a role stays as typed. One kept current on a changed text is read there (re-anchoring
keeps it current only where its neighbours read the same: qa10 Q10). A role
the suggester resolved that source_kind reads as plain ("agency", no "the") is grouped
under the speaker accepted the same way ("agency → South Korean intelligence service").

Each article is read once per summary, up to its last sentence with such a source,
and only when it has one; the answers are kept per article and text (ARTICLE_CACHE),
so a summary rebuilt on the same articles reads none of them again. A source the
analyst accepted from a suggestion as is needs no reading: its provenance names the
speaker (told_speaker), so an article whose every such source was accepted is not read.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Protocol

from workbench.core.analysis import lexicon as lx
from workbench.core.analysis.ledger.readings import Readings
from workbench.core.analysis.sources.grouping import (
    SourceGroup,
    clean_source,
    parse_source,
    source_index,
)
from workbench.core.analysis.sources.nation_roles import (
    LEADERS,
    Holder,
    NationRole,
    holder_by_surname,
    holder_of,
    holders,
    nation_role,
    titled_surnames,
)
from workbench.core.analysis.sources.offices import (
    OFFICE_HEADS,
    Titled,
    office_holder,
    office_words,
    titled_people,
)
from workbench.core.analysis.sources.surnames import (
    InArticle,
    Surname,
    distinct_people,
    in_article,
    read_surname,
    surname_of,
)
from workbench.core.analysis.sources.titled import titled_person, titled_role
from workbench.core.analysis.suggestions.resolve import is_bare_role
from workbench.core.analysis.suggestions.suggest import SUGGESTER_VERSION, typed_speakers
from workbench.core.analysis.suggestions.tokens import tokenize
from workbench.core.annotation import CHECK, CURRENT, Annotation, Suggested
from workbench.core.corpus.sentences import Sentence

ARROW = "→"
PLAIN = 0
PRONOUN = 1
ROLE = 2
SURNAME = 3
"""Speakers.kind only: source_kind() says PLAIN of a surname (what the suggester reads
as a pronoun or a role, and what readings keep, are those two)."""
TITLED = 4
"""Speakers.kind only: a body's spokesman ("Pentagon spokesman"), the person his article
names with that title (titled.py); source_kind() says PLAIN."""

ARTICLE_CACHE = 50_000
"""Articles whose answers are kept between summaries (about 1 kB each): more than a
database of 100,000 annotations has articles with a pronoun source, so a summary rebuilt
on it reads none again (a cache smaller than the articles read in turn keeps none)."""


class ArticleText(Protocol):
    """What resolution reads of an article: workbench.core.corpus.articles.Article fits."""

    @property
    def text(self) -> str: ...

    @property
    def sha256(self) -> str: ...

    @property
    def sentences(self) -> Sequence[Sentence]: ...


Key = tuple[str, int, str]
"""(article_id, sentence index, cleaned source)."""

_answers: OrderedDict[tuple[str, str, frozenset[tuple[int, str]]], dict[tuple[int, str], str]]
_answers = OrderedDict()
_answers_lock = threading.Lock()


class HolderPool:
    """The people named in full in a people's office in the articles a summary reads for
    roles (nation_roles.holders), for a role whose own article names nobody in it but
    names someone by surname: "the Russian leader" of the bundled 003, which writes only
    "Mr. Putin", is the Vladimir Putin another article read calls "President Vladimir V.
    Putin of Russia" (qa7 Q13). Read only where roles are read anyway: no article is
    read for it (reading the corpus's 10,000 articles for each surname took minutes)."""

    def __init__(self) -> None:
        self.by_surname: dict[str, list[Holder]] = defaultdict(list)
        """Holders by the last word of their name, lower case ("putin")."""
        self._read: set[str] = set()
        self.waiting: list[tuple[NationRole, ArticleText, Callable[[str], None]]] = []
        """(role, its article, what to do with its holder) of each role its own article
        names nobody in: answered once every article is read (answer_waiting)."""

    def add(self, article: ArticleText, named: Sequence[Holder]) -> None:
        if article.sha256 not in self._read:
            self._read.add(article.sha256)
            for holder in named:
                self.by_surname[holder.tokens[-1]].append(holder)

    def answer_waiting(self) -> None:
        """Name each role waiting the one person of its office the articles read name in
        full and its own article by surname (nobody when none or several)."""
        answers: dict[tuple[NationRole, str], str | None] = {}
        surnames: dict[str, frozenset[str]] = {}
        for role, article, answered in self.waiting:
            found = set()
            if article.sha256 not in surnames:
                surnames[article.sha256] = titled_surnames(article.text)
            for surname in surnames[article.sha256]:
                if (role, surname) not in answers:
                    named = self.by_surname.get(surname.lower().replace("’", "'"), [])
                    answers[(role, surname)] = holder_by_surname(role, named, surname)
                holder = answers[(role, surname)]
                if holder is not None:
                    found.add(holder)
            if len(found) == 1:
                answered(found.pop())
        self.waiting.clear()


@functools.lru_cache(maxsize=65_536)
def source_kind(source: str) -> int:
    """PRONOUN ("he", "We", "their"), ROLE ("the spokesman") or PLAIN, of a cleaned
    source."""
    lower = source.lower()
    if lower in lx.SOURCE_PRONOUNS:
        return PRONOUN
    words = lower.split()
    if len(words) >= 2 and words[0] != "the" and _head_of_state(source, words):
        return ROLE  # "Russia's president", "Russian leader": the holder meant (qa7 Q13)
    if not words or words[0] in ("a", "an"):
        return PLAIN  # "a spokesman": someone the article does not name
    if words[0] != "the":
        return ROLE if _article_dropped(source, words) else PLAIN
    if len(words) < 2:
        return PLAIN
    tokens = tokenize(source, 0)
    return ROLE if len(tokens) and is_bare_role(tokens, (1, len(tokens))) else PLAIN


def _article_dropped(source: str, words: list[str]) -> bool:
    """ "union", "fire service", "Minister", "Labour Minister": a singular role or an
    office typed without the "the" the sentence writes (a leading article is not part of
    a source's name, and the suggester drops it too: "association → …"). One is the
    role "The union" is, read the same way (qa8 Q7: "union" stayed a source of its own
    where "The union" was the Bangladesh Garment Workers Union named before). A plural
    ("officials", "police", "U.S. officials") is a description with no article to drop."""
    head = words[-1]
    if nation_role(source) is not None:
        return False  # "South Korean minister": _head_of_state decided
    if head in _GROUP_NOUNS or (head.endswith("s") and not head.endswith("ss")):
        return False
    if is_office(source):
        return True
    tokens = tokenize(f"the {source}", 0)  # read as written with it: "the Kremlin" is a name
    return len(tokens) > 1 and is_bare_role(tokens, (1, len(tokens)))


_GROUP_NOUNS = frozenset(["police", "people", "staff", "media", "public"])
"""Singular in form, a group in use ("police said"): no article dropped."""


def indefinite(source: str, sentence: str) -> bool:
    """True if a role typed without its article is written in `sentence` after "a" or
    "an" and never after "the": someone the article does not name ("A senior Ukrainian
    official familiar with troop movements said"), not a reference back."""
    words = source.lower().split()
    if not words or words[0] in lx.ARTICLES or source.lower() in lx.SOURCE_PRONOUNS:
        return False
    found = _indefinite_pattern(source).findall(sentence.replace("’", "'"))
    return bool(found) and all(article.lower() != "the" for article in found)


@functools.lru_cache(maxsize=1024)
def _indefinite_pattern(source: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(word) for word in source.replace("’", "'").split())
    return re.compile(rf"\b(the|an?)\s+{words}\b", re.IGNORECASE)


def is_office(source: str) -> bool:
    """ "Labour Minister", "Defense Secretary": up to three capitalised words ending in an
    office one person holds, as reports write a title before a name ("Labour Minister
    Shirin Akhter"). is_bare_role reads a capital past the first word as a name's."""
    words = source.split()
    return (
        0 < len(words) <= 3
        and words[-1].lower() in OFFICE_HEADS
        and all(word[:1].isupper() and word.isalpha() for word in words)
    )


def _head_of_state(source: str, words: list[str]) -> bool:
    """ "Russia's president", "Russia's foreign minister", "Russian leader": a people's
    office with no "the" that still means one person, the one holding it. A people's
    adjective with any other role ("Russian officials", "South Korean minister") stays
    a description."""
    role = nation_role(source)
    if role is None:
        return False
    return words[0].endswith(("'s", "’s")) or role.office <= LEADERS


def arrow(source: str, speaker: str) -> str:
    """'he → Lloyd Austin'."""
    return f"{source} {ARROW} {speaker}"


class Speakers:
    """The speakers of a summary's pronoun and bare-role sources.

    `texts` gives an article's text by id; an annotation is read on its article only if
    the text is the one it was made on (the same sha256). Without that text, a source
    the analyst accepted from a suggestion is named by its provenance when the
    annotation was made on the text `remembered` gives for its article (article id ->
    the sha256 the store last saw); nothing else there resolves (`unread`). `title_of`
    names an article for an unresolved pronoun. `readings` gives the speakers resolved
    before on the same text (restored from the store): those articles are read only for
    the sources it has no answer for, and the answers read are added to it.
    """

    def __init__(
        self,
        annotations: Iterable[Annotation],
        texts: Mapping[str, ArticleText] | None,
        title_of: Callable[[str], str],
        remembered: Mapping[str, str] | None = None,
        readings: Readings | None = None,
    ) -> None:
        self._kinds: dict[str | None, int] = {}
        self._typed: set[str] = set()
        self._held: set[str] = set()
        """Plain spellings some annotation holds with another speaker accepted."""
        """The sources `sources()` gave as typed (not a resolved speaker's name)."""
        self._title_of = title_of
        self.resolved: dict[Key, str] = {}
        """Each resolved source: its speaker as the article writes it."""
        self.unresolved: set[Key] = set()
        """Pronoun sources that name nobody the text shows, and surname sources kept
        apart in their article."""
        self._labels: dict[tuple[str, str, str], str] = {}
        self.accepted: dict[tuple[Key, str], str] = {}
        """Each source kept as suggested, with the speaker the analyst accepted: that
        speaker (a role of a people as the one its article names in that office)."""
        self.to_check: set[Key] = set()
        """Pronoun sources of annotations to check (moved onto a similar sentence) nobody
        accepted a speaker for."""
        self.to_confirm: set[Key] = set()
        """Pronoun sources of the other moved annotations (re-anchored, not confirmed yet)
        nobody accepted a speaker for: not to check, so not called so (qa10 Q10)."""
        chosen: dict[str, dict[tuple[Key, str], str]] = defaultdict(dict)
        wanted: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
        told: dict[str, dict[tuple[int, str], tuple[str, str]]] = defaultdict(dict)
        sha: dict[str, str] = {}
        surnames: dict[Key, tuple[int, str]] = {}
        titled: dict[Key, str] = {}
        for annotation in annotations:
            kind = self.kind(annotation.source)
            if kind == PLAIN:
                accepted = accepted_speaker(annotation)
                if accepted is not None and annotation.source is not None:
                    # a role the suggester resolved ("agency → South Korean intelligence
                    # service"), which source_kind leaves plain: grouped as accepted
                    source = clean_source(annotation.source)
                    if clean_source(accepted) != source:
                        key = (annotation.article_id, annotation.index, source)
                        chosen[annotation.article_id][(key, accepted)] = annotation.article_sha256
                        self._held.add(annotation.source)
                continue
            source = clean_source(annotation.source or "")
            if kind == TITLED:
                if not moved(annotation):
                    key = (annotation.article_id, annotation.index, source)
                    titled[key] = annotation.article_sha256
                continue
            if kind == SURNAME:
                surnames[(annotation.article_id, annotation.index, source)] = (
                    annotation.end,
                    annotation.article_sha256,
                )
                continue
            key = (annotation.article_id, annotation.index, source)
            accepted = accepted_speaker(annotation)
            if accepted is not None:
                chosen[annotation.article_id][(key, accepted)] = annotation.article_sha256
                continue
            if moved(annotation):
                if source_kind(source) == PRONOUN:
                    waiting = self.to_check if annotation.anchor_state == CHECK else self.to_confirm
                    waiting.add(key)
                continue
            if indefinite(source, annotation.quote):
                continue  # "senior Ukrainian official" of "A senior Ukrainian official said"
            wanted[annotation.article_id][annotation.index].add(source)
            sha.setdefault(annotation.article_id, annotation.article_sha256)
            speaker = told_speaker(annotation)
            if speaker is not None:
                told[annotation.article_id][(annotation.index, source)] = (
                    speaker,
                    annotation.article_sha256,
                )
        self.unread: set[Key] = set()
        """Sources left as they are because their article's text was not at hand (and no
        provenance told their speaker): what a summary without the articles misses."""
        pool = self._pool = HolderPool()
        for article_id, typed in wanted.items():
            article = texts.get(article_id) if texts is not None else None
            found: Mapping[tuple[int, str], str] = {}
            read = False
            told_here: Mapping[tuple[int, str], str] = {}
            if article is not None and article.sha256 == sha[article_id]:
                read = True
                found = _answered(article_id, article, typed, told.get(article_id, {}), readings)
                found = _holders_named(article, typed, found, pool, self._resolve_to(article_id))
                found = _office_holders(article, typed, found)
            elif remembered is not None and article_id in remembered:
                told_here = _told_on(told.get(article_id, {}), remembered[article_id])
                found = {key: speaker for key, speaker in told_here.items() if speaker != NOBODY}
            for index, sources in typed.items():
                for source in sources:
                    key = (article_id, index, source)
                    speaker = found.get((index, source))
                    if speaker is not None:
                        self.resolved[key] = speaker
                        continue
                    if source_kind(source) == PRONOUN:
                        self.unresolved.add(key)
                    if not read and (index, source) not in told_here:
                        self.unread.add(key)
        for article_id, accepted_here in chosen.items():
            self._accept(accepted_here, texts.get(article_id) if texts is not None else None)
        pool.answer_waiting()
        if surnames:
            self._surnames(surnames, texts)
        if titled and texts is not None:
            self._titled(titled, texts)

    def _titled(self, wanted: Mapping[Key, str], texts: Mapping[str, ArticleText]) -> None:
        """Each spokesman source ("Pentagon spokesman") as the one person its article,
        on the text it was made on, names with that title (qa7 Q10 a)."""
        read: dict[tuple[str, str], str | None] = {}  # (article, title): read once
        for key, made_on in wanted.items():
            article = texts.get(key[0])
            title = titled_role(key[2])
            if article is None or article.sha256 != made_on or title is None:
                continue
            if (key[0], title) not in read:
                read[(key[0], title)] = titled_person(article.text, title)
            person = read[(key[0], title)]
            if person is not None:
                self.resolved[key] = person

    def _accept(self, chosen: Mapping[tuple[Key, str], str], article: ArticleText | None) -> None:
        """Name the accepted speakers of one article: each as accepted, but a role of a
        people ("Russian leader") as the person the article names in that office when
        its text is the one the annotation is on."""
        roles = {
            speaker: role
            for (_, speaker), made_on in chosen.items()
            if article is not None
            and made_on == article.sha256
            and (role := nation_role(speaker)) is not None
        }
        named = holders(article.text, article.sentences) if roles and article else None
        if named is not None and article is not None:
            self._pool.add(article, named)
        for (key, speaker), made_on in chosen.items():
            role = roles.get(speaker)
            holder = None
            if role is not None and named is not None and article and made_on == article.sha256:
                holder = holder_of(role, named)
                if holder is None:
                    self._pool.waiting.append((role, article, self._accept_as(key, speaker)))
            self.accepted[(key, speaker)] = holder or speaker

    def _accept_as(self, key: Key, speaker: str) -> Callable[[str], None]:
        def accept(holder: str) -> None:
            self.accepted[(key, speaker)] = holder

        return accept

    def _resolve_to(self, article_id: str) -> Callable[[tuple[int, str]], Callable[[str], None]]:
        def resolving(asked: tuple[int, str]) -> Callable[[str], None]:
            def resolve(holder: str) -> None:
                self.resolved[(article_id, *asked)] = holder

            return resolve

        return resolving

    def resolves(self, source: str | None) -> bool:
        """True if an annotation of this spelling may name another speaker than its
        spelling's group: a pronoun, a role, a surname, or a plain spelling held with
        an accepted speaker ("agency → South Korean intelligence service")."""
        return self.kind(source) != PLAIN or source in self._held

    def kind(self, source: str | None) -> int:
        """PLAIN, PRONOUN or ROLE, remembered per spelling (most sources are PLAIN)."""
        found = self._kinds.get(source)
        if found is None:
            if not source or not source.strip():
                found = PLAIN
            else:
                cleaned = clean_source(source)
                found = source_kind(cleaned)
                if found == PLAIN and surname_of(cleaned) is not None:
                    found = SURNAME
                elif found == PLAIN and titled_role(cleaned) is not None:
                    found = TITLED
            self._kinds[source] = found
        return found

    def _surnames(
        self, wanted: Mapping[Key, tuple[int, str]], texts: Mapping[str, ArticleText] | None
    ) -> None:
        """Resolve each surname source in its article's text (the one it was made on),
        then keep apart those that name nobody where grouping them would be a guess."""
        named: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        """Surname token -> the full names carrying it, in texts and sources."""
        ambiguous: set[Key] = set()
        read: dict[tuple[str, str, bool], InArticle] = {}
        for key, (end, made_on) in wanted.items():
            article_id, _, source = key
            surname = surname_of(source)
            article = texts.get(article_id) if texts is not None else None
            if surname is None or article is None or article.sha256 != made_on:
                continue
            question = (article_id, surname.written, surname.titled)
            found = read.get(question)
            if found is None:
                found = read[question] = _in_article(article, surname)
                named[surname.token].extend(name.tokens for name in found.names)
            reading = read_surname(surname, end, found)
            if reading.speaker is not None:
                self.resolved[key] = reading.speaker
            elif reading.ambiguous:
                ambiguous.add(key)
        pending = [key for key in wanted if key not in self.resolved]
        if not pending:
            return
        of_key = {key: surname for key in pending if (surname := surname_of(key[2])) is not None}
        asked = {surname.token for surname in of_key.values()}
        spoken = [s for s, kind in self._kinds.items() if kind == PLAIN and s]
        for spelling in (*spoken, *self.resolved.values(), *self.accepted.values()):
            kind, tokens = parse_source(spelling)
            if kind == "person" and len(tokens) > 1:
                for token in asked.intersection(tokens):
                    named[token].append(tokens)
        genders: dict[str, set[str]] = defaultdict(set)
        articles: dict[str, set[str]] = defaultdict(set)
        for key, surname in of_key.items():
            genders[surname.token].add(surname.gender or "?")
            if surname.titled:
                articles[surname.token].add(key[0])
        people: dict[str, int] = {}
        for key, surname in of_key.items():
            if surname.token not in people:
                people[surname.token] = len(distinct_people(named[surname.token]))
            if (
                key in ambiguous
                or people[surname.token] > 1
                or {"he", "she"} <= genders[surname.token]
                or (
                    surname.titled
                    and not people[surname.token]
                    and len(articles[surname.token]) > 1
                )
            ):
                self.unresolved.add(key)

    def sources(self, annotations: Iterable[Annotation]) -> Iterator[str]:
        """What source grouping groups: the sources as typed, but for a resolved one the
        speaker it names, and nothing for an unresolved pronoun (its own row)."""
        typed = self._typed
        for annotation in annotations:
            source = annotation.source
            if not source:
                continue
            if not self.resolves(source):
                typed.add(source)
                yield source
                continue
            speaker = self.speaker(annotation)
            if speaker is not None:
                yield speaker
            elif self.unresolved_name(annotation) is None:
                typed.add(source)
                yield source

    def place(self, groups: Sequence[SourceGroup]) -> list[SourceGroup]:
        """`groups` (grouped from `sources()`) with each resolved source shown in its
        speaker's group ("he → Lloyd Austin" among the variants, in place of the
        speaker's name when no analyst typed it; a resolved surname as written, one way
        of writing the name) and a group of its own for each unresolved pronoun, and
        each surname kept apart, of each article."""
        index = source_index(groups)
        arrows: dict[str, set[str]] = defaultdict(set)
        spelt: dict[str, set[str]] = defaultdict(set)
        accepted = ((key, speaker) for (key, _), speaker in self.accepted.items())
        for (_, _, source), speaker in (*self.resolved.items(), *accepted):
            group = index.get(clean_source(speaker), speaker)
            if self.kind(source) == SURNAME:
                spelt[group].add(source)
                continue
            written = source.lower() if source_kind(source) == PRONOUN else source
            arrows[group].add(arrow(written, speaker))
        typed = {clean_source(source) for source in self._typed}
        placed = [
            replace(
                group,
                variants=(
                    *sorted(
                        {v for v in group.variants if v in typed or v == group.canonical}
                        | spelt[group.canonical],
                        key=lambda v: (v.lower(), v),
                    ),
                    *sorted(arrows[group.canonical]),
                ),
            )
            if group.canonical in arrows or group.canonical in spelt
            else group
            for group in groups
        ]
        labels = {
            self._label(key): "pronoun" if source_kind(key[2]) == PRONOUN else "person"
            for key in self.unresolved
        }
        labels.update((self._label(key, TO_CHECK), "pronoun") for key in self.to_check)
        labels.update((self._label(key, TO_CONFIRM), "pronoun") for key in self.to_confirm)
        placed += [SourceGroup(label, (label,), kind) for label, kind in labels.items()]
        return sorted(placed, key=lambda g: (g.canonical.lower(), g.canonical))

    def spellings(self, index: Mapping[str, str]) -> dict[str, str]:
        """Each resolved surname spelling ("Mr. Austin") that names one speaker only, to
        that speaker's canonical name in `index` (source_index of the groups): how a
        summary names that spelling met elsewhere (an annotation it does not count)."""
        found: dict[str, set[str]] = defaultdict(set)
        for (_, _, source), speaker in self.resolved.items():
            if self.kind(source) == SURNAME:
                found[source].add(index.get(clean_source(speaker), speaker))
        return {source: next(iter(names)) for source, names in found.items() if len(names) == 1}

    def key(self, annotation: Annotation) -> Key:
        return (annotation.article_id, annotation.index, clean_source(annotation.source or ""))

    def speaker(self, annotation: Annotation) -> str | None:
        """The speaker a pronoun or role source resolves to (the one the analyst
        accepted, else the one read on the text it was made on), else None."""
        key = self.key(annotation)
        kind = self.kind(annotation.source)
        if kind != SURNAME:
            accepted = accepted_speaker(annotation)
            if accepted is not None and (kind != PLAIN or clean_source(accepted) != key[2]):
                return self.accepted.get((key, accepted), accepted)
            if kind == PLAIN or moved(annotation):
                return None
        return self.resolved.get(key)

    def unresolved_name(self, annotation: Annotation) -> str | None:
        """'he (unresolved, in “Title”)' for a pronoun source that names nobody, 'he (to
        check, in “Title”)' for one whose annotation is to check with no speaker
        accepted, 'he (to confirm, in “Title”)' for one otherwise moved (re-anchored),
        else None: one per article and pronoun."""
        key = self.key(annotation)
        if self.kind(annotation.source) != SURNAME:
            if accepted_speaker(annotation) is not None:
                return None
            if moved(annotation):
                if key in self.to_check:
                    return self._label(key, TO_CHECK)
                return self._label(key, TO_CONFIRM) if key in self.to_confirm else None
        return self._label(key) if key in self.unresolved else None

    def _label(self, key: Key, why: str = "unresolved") -> str:
        """One string per article, source and reason, shared by every line naming it
        (22,000 pronoun lines at 100,000 annotations, 5 MB in the open summary screen)."""
        where = (key[0], key[2], why)
        label = self._labels.get(where)
        if label is None:
            source = key[2].lower() if source_kind(key[2]) == PRONOUN else key[2]
            label = self._labels[where] = f"{source} ({why}, in “{self._title_of(key[0])}”)"
        return label


NOBODY = ""
"""told_speaker's answer for a pronoun the suggester resolved to nobody."""


TO_CHECK = "to check"
"""The label's reason for a pronoun whose annotation is to check (moved onto a similar
sentence) with no speaker accepted."""

TO_CONFIRM = "to confirm"
"""The label's reason for a pronoun whose annotation was re-anchored (moved, or kept at
its sentence while the article changed before it) with no speaker accepted: the
analyst confirms it (`y`), it is not to check."""


def accepted_speaker(annotation: Annotation) -> str | None:
    """The speaker the analyst accepted for the source: the suggestion showed "He →
    Pat Ryder" and the analyst kept "He". It is the analyst's judgement of the sentence
    in the text they read, so it holds on any text and under any suggester version."""
    return taken_for(annotation.source, annotation.suggestion)


def taken_for(source: str | None, suggestion: Suggested | None) -> str | None:
    """The speaker `source` is taken for when recorded with `suggestion` as its
    provenance (accepted_speaker): the source prompt says it while "She" is typed,
    before it is saved (qa17 Q2), not only the panel after."""
    if (
        suggestion is None
        or not suggestion.resolved_source
        or suggestion.source is None
        or suggestion.source != source
        or _body_as_person(suggestion.source, suggestion.resolved_source)
    ):
        return None
    return suggestion.resolved_source


@functools.lru_cache(maxsize=4096)
def _body_as_person(source: str, speaker: str) -> bool:
    """True if the speaker resolved for a body's role is a person ("fire service → Main
    Uddin", a suggester before qa8 Q7): the guideline's source is the body the sentence
    names, and the same words are the body where nothing was accepted, so such an
    acceptance is not followed (one body, one source, whatever sentence it speaks in).
    A one-word name is a body's as often as a person's ("company → Norrchem": qa9 Q10),
    and is followed."""
    words = clean_source(source).lower().split()
    if not words or words[-1] not in lx.ORGANISATION_ROLES:
        return False
    kind, tokens = parse_source(speaker)
    return kind == "person" and len(tokens) > 1


def reads_its_neighbours(annotation: Annotation) -> bool:
    """True if the annotation's speaker is read from the sentences before it: a pronoun
    or bare-role source ("He", "the spokesman") with no speaker the analyst accepted.
    Re-anchored onto a changed text, such an annotation is marked as not on the text it
    was made on even where its own sentence kept its number (qa6 Q25): the sentence
    before "He added …" may now name someone else."""
    source = annotation.source
    if not source or accepted_speaker(annotation) is not None:
        return False
    return source_kind(clean_source(source)) != PLAIN


def moved(annotation: Annotation) -> bool:
    """True if the annotation may not read as on the text it was made on: re-anchored,
    to check or orphaned. The sentences before it may then name another speaker than
    those the analyst read. One kept "current" on a changed text is not: re-anchoring
    keeps a source read from its neighbours current only where they read the same
    (placement._kept_state), so an edit elsewhere in the article changes nothing of it
    (qa10 Q10: "the minister" of an untouched headline lost its speaker because its
    provenance, like every annotation's of the article, was marked as made on an
    earlier text). That mark says what the provenance's own answer is worth (told_speaker
    reads it only under this text's suggester version), not where the annotation is."""
    return annotation.anchor_state != CURRENT


def speaker_stance(annotation: Annotation | None) -> tuple[str | None, bool] | None:
    """What, beside its source, decides its speaker: the accepted one, and (for a
    pronoun or role) whether it moved; None without a source. An edit that changes it
    names the speaker anew (the live summary rebuilds)."""
    if annotation is None or not annotation.source:
        return None
    accepted = accepted_speaker(annotation)
    source = clean_source(annotation.source)
    if source_kind(source) == PLAIN and titled_role(source) is None:
        return (accepted, False)
    return accepted, moved(annotation)  # a spokesman's person is read where it is too


def told_speaker(annotation: Annotation) -> str | None:
    """The speaker the annotation's provenance names for its source (NOBODY: none), else
    None (read it): the one the analyst accepted; or, for a plain pronoun ("he", "they")
    or a role written without its article ("spokesman") kept as suggested by this
    suggester version on the text it was made on, NOBODY when the suggester named
    nobody. Resolution reads the article as the suggester did (typed_speakers shares its
    speaker step), so on the same text (the caller checks the sha256) that is the
    answer; a role of a people's ("Russia's president") depends on the words around it
    too, and offices (offices.py) are read on the text after it."""
    accepted = accepted_speaker(annotation)
    if accepted is not None:
        return accepted
    suggestion = annotation.suggestion
    if (
        suggestion is None
        or moved(annotation)
        or suggestion.version != SUGGESTER_VERSION
        or suggestion.source is None
        or suggestion.source != annotation.source
    ):
        return None
    source = suggestion.source
    if source.lower() in lx.PRONOUNS:
        return NOBODY
    words = source.lower().split()
    # a role the suggester wrote without its article ("spokesman"): it read it on this
    # text and named nobody (what the analyst accepted), as for a pronoun (qa8 Q7)
    return NOBODY if words and words[0] != "the" and _article_dropped(source, words) else None


def _answered(
    article_id: str,
    article: ArticleText,
    typed: Mapping[int, set[str]],
    told: Mapping[tuple[int, str], tuple[str, str]],
    readings: Readings | None,
) -> Mapping[tuple[int, str], str]:
    """The speakers of `typed` in one article: those the provenance tells on this very
    text as told, those `readings` restores as restored, the others resolved (reading the
    article only up to the last of them; each source's answer depends on the article and
    its sentence alone, not on what else is asked)."""
    sha256 = article.sha256
    known = {key: speaker for key, (speaker, sha) in told.items() if sha == sha256}
    if readings is not None:
        for index, sources in typed.items():
            for source in sources:
                if (index, source) not in known:
                    restored = readings.speaker(sha256, index, source)
                    if restored is not None:
                        known[(index, source)] = restored
    if not known:
        asked: Mapping[int, set[str]] = typed
    else:
        asked = {}
        for index, sources in typed.items():
            left = {source for source in sources if (index, source) not in known}
            if left:
                asked[index] = left
    found = {key: speaker for key, speaker in known.items() if speaker != NOBODY}
    if asked:
        resolved = _resolve(article_id, article, asked)
        found.update(resolved)
        if readings is not None:
            for index, sources in asked.items():
                for source in sources:
                    speaker = resolved.get((index, source), NOBODY)
                    readings.add_speaker(sha256, index, source, speaker)
    return found


def _holders_named(
    article: ArticleText,
    typed: Mapping[int, set[str]],
    found: Mapping[tuple[int, str], str],
    pool: HolderPool,
    resolving: Callable[[tuple[int, str]], Callable[[str], None]],
) -> Mapping[tuple[int, str], str]:
    """`found` with each role of a people ("the Russian leader"), typed or resolved to
    (a "he" the suggester read as "Russian leader"), read as the person the article
    names in that office (nation_roles.py), when it names one; else left to `pool`,
    answered once every article is read (HolderPool: the person of that office another
    article names in full and this one by surname)."""
    roles: dict[tuple[int, str], NationRole] = {}
    for index, sources in typed.items():
        for source in sources:
            speaker = found.get((index, source))
            if speaker is None and source_kind(source) != ROLE:
                continue
            role = nation_role(speaker if speaker is not None else source)
            if role is not None:
                roles[(index, source)] = role
    if not roles:
        return found
    named = holders(article.text, article.sentences)
    pool.add(article, named)
    answered = dict(found)
    for asked, role in roles.items():
        holder = holder_of(role, named)
        if holder is not None:
            answered[asked] = holder
        else:
            pool.waiting.append((role, article, resolving(asked)))
    return answered


def _office_holders(
    article: ArticleText,
    typed: Mapping[int, set[str]],
    found: Mapping[tuple[int, str], str],
) -> Mapping[tuple[int, str], str]:
    """`found` with each office typed that names nobody there ("Minister", "the Labour
    Minister") read as the one person the article names in that office (offices.py:
    "Labour Minister Shirin Akhter", written anywhere in it)."""
    offices: dict[tuple[int, str], frozenset[str]] = {}
    for index, sources in typed.items():
        for source in sources:
            if (index, source) in found or source_kind(source) != ROLE:
                continue
            words = office_words(source)
            if words is not None and nation_role(source) is None:
                offices[(index, source)] = words
    if not offices:
        return found
    people = _titled_people(article)
    answered = dict(found)
    for asked, words in offices.items():
        holder = office_holder(words, people)
        if holder is not None:
            answered[asked] = holder
    return answered


_titled_read: OrderedDict[str, list[Titled]] = OrderedDict()
TITLED_CACHE = 10_000
"""Articles whose titled people are kept between summaries (read only for an office
that names nobody before it: few articles)."""


def _titled_people(article: ArticleText) -> list[Titled]:
    """titled_people, remembered by article text."""
    with _answers_lock:
        found = _titled_read.get(article.sha256)
    if found is None:
        found = titled_people(article.text, article.sentences)
        with _answers_lock:
            _titled_read[article.sha256] = found
            if len(_titled_read) > TITLED_CACHE:
                _titled_read.popitem(last=False)
    return found


def _told_on(
    told: Mapping[tuple[int, str], tuple[str, str]], sha256: str
) -> Mapping[tuple[int, str], str]:
    """The speakers (NOBODY included) the provenance tells on the text of `sha256`, for
    an article whose text is not at hand but whose sha256 is known (the one the store
    last saw): the answers _answered takes from the provenance when the text is there."""
    return {key: speaker for key, (speaker, sha) in told.items() if sha == sha256}


def unread_sources(
    annotations: Iterable[Annotation],
    texts: Mapping[str, ArticleText] | None,
    remembered: Mapping[str, str],
) -> tuple[int, int]:
    """(sources, articles): the pronoun and role sources a summary leaves as typed because
    their article's text is not in `texts` (with the sha256 they were made on) and no
    provenance made on the text `remembered` tells their speaker (Speakers.unread,
    without reading any article)."""
    kinds: dict[str, int] = {}
    unread: set[Key] = set()
    for annotation in annotations:
        source = annotation.source
        if not source or not source.strip():
            continue
        kind = kinds.get(source)
        if kind is None:
            kind = kinds[source] = source_kind(clean_source(source))
        if kind == PLAIN:
            continue
        if accepted_speaker(annotation) is not None or moved(annotation):
            continue  # the accepted speaker, or apart "to check" / as typed: no text needed
        if indefinite(clean_source(source), annotation.quote):
            continue  # as typed, someone the article does not name
        article = texts.get(annotation.article_id) if texts is not None else None
        if article is not None and article.sha256 == annotation.article_sha256:
            continue
        if (
            remembered.get(annotation.article_id) == annotation.article_sha256
            and told_speaker(annotation) is not None
        ):
            continue
        unread.add((annotation.article_id, annotation.index, clean_source(source)))
    return len(unread), len({article_id for article_id, _, _ in unread})


def forget_answers() -> None:
    """Empty the answers kept between summaries: the next summary reads its articles
    again, as a new process would (benchmarks of a cold summary)."""
    with _answers_lock:
        _answers.clear()
        _surnames_read.clear()
        _titled_read.clear()


_surnames_read: OrderedDict[tuple[str, str, bool], InArticle] = OrderedDict()
SURNAME_CACHE = 100_000
"""Surnames read in articles kept between summaries (most are not written there: one
shared empty answer each), so the summary screen's rebuilds read none again."""


def _in_article(article: ArticleText, surname: Surname) -> InArticle:
    """in_article, remembered by article text and surname."""
    key = (article.sha256, surname.written, surname.titled)
    with _answers_lock:
        found = _surnames_read.get(key)
    if found is None:
        found = in_article(article.text, surname)
        with _answers_lock:
            _surnames_read[key] = found
            if len(_surnames_read) > SURNAME_CACHE:
                _surnames_read.popitem(last=False)
    return found


def _resolve(
    article_id: str, article: ArticleText, typed: Mapping[int, set[str]]
) -> Mapping[tuple[int, str], str]:
    """typed_speakers for one article, remembered by article, text and question."""
    question = frozenset((index, source) for index, sources in typed.items() for source in sources)
    cache_key = (article_id, article.sha256, question)
    with _answers_lock:
        found = _answers.get(cache_key)
        if found is not None:
            _answers.move_to_end(cache_key)
            return found
    found = typed_speakers(
        article.text,
        article.sentences,
        {index: sorted(sources) for index, sources in typed.items()},
    )
    with _answers_lock:
        _answers[cache_key] = found
        if len(_answers) > ARTICLE_CACHE:
            _answers.popitem(last=False)
    return found
