"""Which claim groups a denial is aimed at.

A denial is compared with the groups that share one of its rare words or figures and
with the groups that speak of its subject, when at most max_subject_groups do. A group
is aimed at only when one of its texts takes up what the denial denies (answers.py: its
words after the denying verb, beyond the subject): two of those words, or one with a
text that resembles the denial (denial_threshold, lowered by subject_bonus when both
speak of the same subject). The texts compared are a group's first FIRST_TEXTS and
every later one holding the denial's rare words or subject (what made the group a
candidate): comparing the first three alone let a merge drop a link, the texts that
answered pushed out by the sentence merged in (qa6 Q17). A shared subject alone is no
evidence: in a news corpus every sentence has it ("North Korean troops" linked one
denial to a third of all groups). All candidates of one denial are scored in a single
rapidfuzz call; a verdict on a group depends on that group and the denial alone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import chain, compress

from rapidfuzz import fuzz, process, utils

from workbench.core.analysis.figures.conflicts import Figure
from workbench.core.analysis.ledger.answers import (
    DeniedWords,
    denied_clause,
    denied_figures,
    denied_span,
    denied_words,
    figure_span,
    quote_quantities,
    said_stems,
    speaker_phrase,
    stated_figures,
    stems,
    whole_stems,
    whose_claim,
    whose_figure,
    words_needed,
)
from workbench.core.analysis.ledger.claim_text import ClaimText
from workbench.core.analysis.ledger.grouping import key_order
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.annotation import Annotation, AnnotationKey


def denial_targets(
    denials: Sequence[ClaimText],
    groups: Sequence[Sequence[ClaimText]],
    settings: LedgerSettings,
    denied: Sequence[frozenset[str]],
) -> list[list[int]]:
    """For each denial text, the numbers of the groups it targets (in order).

    `groups` holds each group's distinct texts, in member order; `denied` each denial's
    denied words (answers.denied_words of its quote).
    """
    if not denials:
        return []
    group_keys = [_joined([text.keys for text in texts]) for texts in groups]
    frequency: Counter[str] = Counter(chain.from_iterable(group_keys))
    claimed = set(chain.from_iterable(groups))
    rare = {text: rare_keys(text, frequency, settings, text in claimed) for text in denials}
    values = frozenset().union(*(w.figures for w in denied if isinstance(w, DeniedWords)))
    index = figure_index(frequency, values)
    stating = {
        text: stating_keys(words, index, frequency, settings.max_block)
        for text, words in zip(denials, denied, strict=True)
    }
    wanted = chain(chain.from_iterable(rare.values()), chain.from_iterable(stating.values()))
    by_key = _holders(group_keys, frozenset(wanted))
    group_subjects = [_joined([text.subjects for text in texts]) for texts in groups]
    by_subject = _holders(group_subjects, frozenset().union(*(t.subjects for t in denials)))
    usable = {
        text: [
            subject
            for subject in text.subjects
            if len(by_subject.get(subject, ())) <= settings.max_subject_groups
        ]
        for text in denials
    }
    samples = Samples(
        groups, set(chain.from_iterable(rare.values())), set(chain.from_iterable(usable.values()))
    )
    targets = []
    for text, words in zip(denials, denied, strict=True):
        by_text = set(chain.from_iterable(by_key.get(key, ()) for key in rare[text]))
        by_text.update(chain.from_iterable(by_key.get(key, ()) for key in stating[text]))
        usable_here = usable[text]
        by_topic = set(chain.from_iterable(by_subject.get(s, ()) for s in usable_here))
        targets.append(
            scored(text, words, by_text, by_topic, samples, settings, rare[text], usable_here)
        )
    return targets


def figure_index(keys: Iterable[str], values: Collection[str]) -> dict[str, set[str]]:
    """The figure keys among `keys` ('fig:<topic>:<value>') by their value, for these
    values: what stating_keys reads (the live ledger keeps one for every value)."""
    index: dict[str, set[str]] = defaultdict(set)
    if values:
        for key in keys:
            if key.startswith("fig:") and (value := key.rpartition(":")[2]) in values:
                index[value].add(key)
    return index


def stating_keys(
    denied: frozenset[str],
    index: Mapping[str, Collection[str]],
    frequency: Mapping[str, int],
    most: int,
) -> list[str]:
    """The groups' figure keys stating a value the denial denies (answers.denied_values),
    each held by at most `most` groups: a denial is compared with the groups holding one,
    as with those holding its rarest keys. "no basis for the figure of 47 given by the
    town's mayor" is compared with the groups stating 47, whatever they count, where its
    rarest words (the minister's own name) led to none of them (qa17 Q3)."""
    figures = denied.figures if isinstance(denied, DeniedWords) else ()
    return sorted(
        key for value in figures for key in index.get(value, ()) if frequency[key] <= most
    )


def _joined(values: list[Collection[str]]) -> Collection[str]:
    """The distinct values of these (a text's own keys when it is the only one)."""
    return values[0] if len(values) == 1 else frozenset().union(*values)


def rare_keys(
    text: ClaimText, frequency: Counter[str], settings: LedgerSettings, own: bool = False
) -> list[str]:
    """The denial's keys_per_claim rarest keys among those some group holds; `own`: the
    denial is itself a claim of some group (tagged claim and denial), and a key only that
    group holds leads nowhere else ("Tehran denied supplying any drones to Russia" would
    be compared with its own group alone)."""
    return sorted(
        (key for key in text.keys if own < frequency[key] <= settings.max_block),
        key=lambda key: (frequency[key], key_order(key)),
    )[: settings.keys_per_claim]


def _holders(
    group_values: Sequence[Collection[str]], wanted: frozenset[str]
) -> dict[str, list[int]]:
    """For each wanted key or subject held by some group, the groups holding it."""
    holders: dict[str, list[int]] = defaultdict(list)
    if wanted:
        for number, values in enumerate(group_values):
            for value in wanted.intersection(values):
                holders[value].append(number)
    return dict(holders)


FIRST_TEXTS = 3
"""How many of a group's distinct texts (in member order) a denial is always compared
with; beyond them, only those holding what made the group a candidate (Samples.later)."""


LaterIndex = tuple[dict[str, list[int]], dict[str, list[int]]]
"""Where each key and each subject is held among a group's texts after its first
FIRST_TEXTS (their positions in the group's texts): later_index."""


def later_index(texts: Sequence[ClaimText]) -> LaterIndex:
    """The LaterIndex of a group's texts: made once for a group that many denials are
    scored on again in one change (the live ledger), so each Samples finds the later
    texts holding its denial's keys without reading all of them (a group of 700 texts,
    read again for each of its denials, doubled the tag update's p95)."""
    by_key: dict[str, list[int]] = defaultdict(list)
    by_subject: dict[str, list[int]] = defaultdict(list)
    for position in range(FIRST_TEXTS, len(texts)):
        text = texts[position]
        for key in text.keys:
            by_key[key].append(position)
        for subject in text.subjects or ():
            by_subject[subject].append(position)
    return dict(by_key), dict(by_subject)


class Samples:
    """The distinct texts of each group a denial is compared with, and their words as a
    denial's are compared (answers.stems). A group's first FIRST_TEXTS are laid out so
    that those of a denial's candidate groups are gathered without a Python loop over
    the groups (most groups have one text); its later texts holding one of `keys` or
    `subjects` (those denials may be compared on: their rare keys, their usable
    subjects) are indexed by them, their words read the first time a denial is compared
    with them (`later`)."""

    def __init__(
        self,
        groups: Sequence[Sequence[ClaimText]],
        keys: Collection[str] = (),
        subjects: Collection[str] = (),
        indexes: Callable[[int], LaterIndex | None] | None = None,
    ) -> None:
        """`indexes(number)`: the LaterIndex of group `number` where one is kept, else
        None (the same later texts are found, in the same order, without reading every
        one)."""
        self.first = [texts[0] for texts in groups]
        self.first_stems = [stems(text.words) for text in self.first]
        self.rest = {
            number: list(texts[1:FIRST_TEXTS])
            for number, texts in enumerate(groups)
            if len(texts) > 1
        }
        self.rest_stems = {
            number: [stems(text.words) for text in texts] for number, texts in self.rest.items()
        }
        self.several = frozenset(self.rest)
        self.later_texts: list[ClaimText] = []
        self.later_owners: list[int] = []
        self.later_stems: dict[int, frozenset[str]] = {}
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.by_subject: dict[str, list[int]] = defaultdict(list)
        """Each key or subject asked for: the later texts holding it (places in
        later_texts). Two maps: a subject may be a word ("troops") a key also is."""
        wanted, topics = frozenset(keys), frozenset(subjects)
        more = [number for number, texts in enumerate(groups) if len(texts) > FIRST_TEXTS]
        for number in more if wanted or topics else ():
            texts = groups[number]
            index = None if indexes is None else indexes(number)
            if index is None:
                chosen: Iterable[ClaimText] = texts[FIRST_TEXTS:]
            else:
                held_keys, held_subjects = index
                places = {p for key in wanted for p in held_keys.get(key, ())}
                places.update(p for subject in topics for p in held_subjects.get(subject, ()))
                chosen = [texts[place] for place in sorted(places)]
            for text in chosen:
                found = wanted.intersection(text.keys)
                about = topics.intersection(text.subjects) if text.subjects else ()
                if found or about:
                    place = len(self.later_texts)
                    self.later_texts.append(text)
                    self.later_owners.append(number)
                    for key in found:
                        self.by_key[key].append(place)
                    for subject in about:
                        self.by_subject[subject].append(place)
        self.more = frozenset(self.later_owners)

    def of(self, numbers: list[int]) -> tuple[list[ClaimText], list[frozenset[str]], list[int]]:
        """The first texts of these groups, their words, and the group each belongs to."""
        texts = list(map(self.first.__getitem__, numbers))
        words = list(map(self.first_stems.__getitem__, numbers))
        owners = list(numbers)
        for number in self.several.intersection(numbers):
            rest = self.rest[number]
            texts += rest
            words += self.rest_stems[number]
            owners += [number] * len(rest)
        return texts, words, owners

    def later(
        self, numbers: Collection[int], keys: Iterable[str], subjects: Iterable[str]
    ) -> tuple[list[ClaimText], list[frozenset[str]], list[int]]:
        """The later texts of these groups that hold one of `keys` or `subjects` (asked
        for when made), their words, and the group each belongs to."""
        owners = self.later_owners
        holding = chain(
            chain.from_iterable(self.by_key.get(key, ()) for key in keys),
            chain.from_iterable(self.by_subject.get(subject, ()) for subject in subjects),
        )
        places = sorted({place for place in holding if owners[place] in numbers})
        known = self.later_stems
        for place in places:
            if place not in known:
                known[place] = stems(self.later_texts[place].words)
        return (
            list(map(self.later_texts.__getitem__, places)),
            list(map(known.__getitem__, places)),
            list(map(owners.__getitem__, places)),
        )


WHOLE_CLAUSE = 3
"""Words a denied clause holds, its subject's included, for a claim taking up all of them
to answer it with only one beyond the subject ("denied sending troops to Russia"
answers "troops had been sent to Russia"; "denied sending troops" alone does not
answer every claim that troops were sent somewhere)."""


def scored(
    text: ClaimText,
    denied: frozenset[str],
    by_text: set[int],
    by_topic: set[int],
    samples: Samples,
    settings: LedgerSettings,
    rare: Collection[str] = (),
    usable: Collection[str] = (),
) -> list[int]:
    """The candidate groups one of whose texts takes up what the denial denies: enough
    of its denied words (answers.words_needed), or the whole denied clause, its subject's
    words included, when that has at least WHOLE_CLAUSE words (answers.DeniedWords), or
    one with a text resembling the denial (denial_threshold; denial_threshold -
    subject_bonus for a group speaking of its subject). The texts compared: a group's
    first FIRST_TEXTS, then, for a group none of those answers, every later text holding
    one of the denial's `rare` keys or `usable` subjects (what made groups its
    candidates): a group's first texts alone made a merge drop the denial a text of
    the group it joined answered (qa6 Q17), and comparing every later text took 14 s
    at 100,000 annotations against 2 s."""
    if not denied or (not by_text and not by_topic):
        return []
    candidates = by_text | by_topic
    hits = _answered(text, denied, by_topic, *samples.of(list(candidates)), settings)
    left = samples.more.intersection(candidates).difference(hits)
    if left and (rare or usable):
        hits |= _answered(text, denied, by_topic, *samples.later(left, rare, usable), settings)
    return sorted(hits)


def _answered(
    text: ClaimText,
    denied: frozenset[str],
    by_topic: set[int],
    texts: list[ClaimText],
    words: list[frozenset[str]],
    owners: list[int],
    settings: LedgerSettings,
) -> set[int]:
    """The groups (`owners`) one of these texts (`words`: their stems) answers (scored)."""
    if isinstance(denied, DeniedWords) and denied.names:
        taken = list(map(denied.taken_up, words))
    else:
        taken = list(map(len, map(denied.intersection, words)))
    if isinstance(denied, DeniedWords) and denied.figures:
        # a figure denied and stated counts as a word taken up (answers.denied_values);
        # a figure put aside is all a denial without a denying verb denies
        stated = [_states_one(text, denied.figures) for text in texts]
        taken = [
            count + said if said or not denied.figure_needed else 0
            for count, said in zip(taken, stated, strict=True)
        ]
    hits = set(compress(owners, map(words_needed(denied).__le__, taken)))
    some = [place for place in compress(range(len(taken)), taken) if owners[place] not in hits]
    clause = denied.clause if isinstance(denied, DeniedWords) else frozenset()
    if some and len(clause) >= WHOLE_CLAUSE:
        hits.update(owners[p] for p in some if clause <= whole_stems(texts[p].words))
        some = [place for place in some if owners[place] not in hits]
    if not some:
        return hits
    needed = max(settings.denial_threshold, 0)
    by_subject = max(settings.denial_threshold - settings.subject_bonus, 0)
    lowest = min(needed, by_subject) if by_topic else needed
    for _, score, position in process.extract(
        text.sorted_tokens,
        [texts[place].sorted_tokens for place in some],
        scorer=fuzz.ratio,
        score_cutoff=lowest,
        limit=None,
    ):
        number = owners[some[position]]
        if score >= (by_subject if number in by_topic else needed):
            hits.add(number)
    return hits


def _states_one(text: ClaimText, figures: frozenset[str]) -> bool:
    """Whether the text states one of these figure values (its figure keys end with it)."""
    return any(key.rpartition(":")[2] in figures for key in text.figure_keys)


def own_words(
    members: Sequence[Annotation],
    denial: Annotation,
    source_of: Callable[[Annotation], str | None],
) -> bool:
    """Whether the group is the denial's speaker's own words (every member of that
    source): not what the denial answers ("These statements ... are all barefaced lies"
    is not denied by the same speaker's "denying North Korean troops were on the front
    lines"; at a low threshold the interior ministry's "rejected the mayor's figure"
    resembled its own toll, qa10 Q14)."""
    speaker = source_of(denial)
    return speaker is not None and all(source_of(member) == speaker for member in members)


def states_other_figures(denial: Annotation, figures: Iterable[Figure]) -> bool:
    """Whether a denial naming a figure ("denied that 200 people had died") is aimed at a
    group whose figures are all others ("Forty-one dead", "up to 80 people may have
    died"): it denies a figure they do not state (qa10 Q17). A group stating no figure
    may still be what it denies."""
    return denies_other_spans(denial, [figure_span(f.quantity) for f in figures])


def denies_other_spans(denial: Annotation, spans: Sequence[tuple[float, float]]) -> bool:
    """states_other_figures over figure spans read from the group's sentences."""
    denied = denied_figures(denial.quote)
    return (
        bool(denied)
        and bool(spans)
        and not any(low <= high and most <= value for low, value in spans for most, high in denied)
    )


def group_sides(
    members: Sequence[Annotation],
    aimed: Sequence[Annotation],
    source_of: Callable[[Annotation], str | None],
    figures: Callable[[], Iterable[Figure]] = tuple,
    tokens: Callable[[str], str] | None = None,
) -> tuple[tuple[Annotation, ...], tuple[Annotation, ...]]:
    """A group's claims and its denials, in key order: the denials aimed at it (none on
    a sentence of its own members: another analyst's judgement of a member's sentence as
    a denial is that line's ≠, never the group's denial of itself, qa7 Q1; none by the
    speaker of a group made only of its words, qa10 Q14; none denying what every claim of
    the group denies too: denies_the_same; none naming a figure the group's `figures` do
    not state: states_other_figures), and the members that deny what the group's other
    claims say (denying_members). Both ledgers (ledger.py, live.py) split a group this
    way, from its members, figures and aimed denials alone. `tokens`: a quote's words as
    the ledger read them (denying_members)."""
    answering = denying_members(members, tokens) if len(members) > 1 else ()
    if not answering and not aimed:
        return tuple(members), ()
    claims = [m for m in members if m not in answering] if answering else members
    sentences = {(member.article_id, member.index) for member in members}
    all_deny = all("denial" in member.tags for member in claims)
    denials = [
        d
        for d in aimed
        if (d.article_id, d.index) not in sentences
        and not own_words(claims, d, source_of)
        and not (all_deny and all(denies_the_same(d, member) for member in claims))
    ]
    if any(map(denied_figures, (d.quote for d in denials))):
        stated = tuple(figures())
        if stated:
            denials = [d for d in denials if not states_other_figures(d, stated)]
        else:  # figures credited to no source are still the figures its sentences state
            spans = [span for claim in claims for span in stated_figures(claim.quote)]
            denials = [d for d in denials if not denies_other_spans(d, spans)]
    if answering:
        denials = sorted(chain(denials, answering), key=_key)
    return tuple(claims), tuple(denials)


def denies_the_same(denial: Annotation, member: Annotation) -> bool:
    """Whether `member` (tagged denial) takes up what `denial` denies in what it denies
    itself more than in what it says: then the two deny one thing, and neither is the
    other's "Denied by" (qa8 Q4: the headline "Minister rejects union figure of missing
    workers" and the minister's "… denied that any workers were missing …" were listed
    as denying each other; both deny the union's claim)."""
    denied = denied_words(denial.quote)
    if not denied:
        return False
    quote = member.quote
    start, end = denied_span(quote)
    inside = len(denied.intersection(said_stems(quote[start:end])))
    return inside > len(denied.intersection(said_stems(f"{quote[:start]} {quote[end:]}")))


NAMED_REACH = 3
"""How many sentences back an anaphoric denial naming whose claim it rejects looks for
that claim ("Halden Hydro dismissed Mr. Dorn's account" two sentences after Mr. Dorn
spoke, qa10 Q7); one naming no one answers only the sentence just before it."""
FIGURE_REACH = 5
"""How many sentences back one naming whose figure it rejects looks ("A ministry
spokesman dismissed the mayor's figure as premature" four sentences after the mayor's
toll, qa18 F1): only that party's claims holding a number answer it, so it may look
further than one naming their claim of any kind; not as far as seven ("The mayor
rejected Ms. Costa's estimate" seven sentences after Ms. Costa spoke is not taken as
answered, qa10 Q7)."""


def antecedents(key: AnnotationKey, quote: str) -> tuple[AnnotationKey, ...]:
    """The keys of the same analyst's annotations an anaphoric denial (answers.anaphoric)
    may answer: the sentence before it, or, when it names whose claim it rejects, each of
    the NAMED_REACH before it (FIGURE_REACH when it names their figure: answered_before
    then takes only theirs)."""
    annotator, article_id, index = key
    reach = 1
    if whose_figure(quote) is not None:
        reach = FIGURE_REACH
    elif whose_claim(quote) is not None:
        reach = NAMED_REACH
    return tuple((annotator, article_id, index - back) for back in range(1, reach + 1))


def answered_before(
    denial: Annotation, claim: Annotation, source_of: Callable[[Annotation], str | None]
) -> bool:
    """Whether an anaphoric denial (answers.anaphoric) answers `claim`, a claim its
    analyst tagged on a sentence before it (antecedents): "The Labour Ministry said the factory
    had failed a fire-safety inspection." / "Factory manager Abdul Karim rejected that,
    saying …" (qa8 Q11 b: never linked, having no denied words). Not a claim that is
    itself a denial (two denials in a row deny alike), nor one of the same speaker (its
    own words are not what it rejects), nor, when the denial names whose claim it rejects
    ("the union's account"), a claim not said by them: by its source or the speaker its
    sentence names (speaker_phrase). The sentence just before may also report their
    claim without naming them as its speaker: "The mayor's figure was 50." / "The
    ministry rejected the mayor's figure" (it names their claim), or a claim no one is
    said to give that mentions them. A claim another speaker gives that merely mentions
    the party is that speaker's, however close (rv11 R4: "Marta Vell said the mayor had
    been told to keep quiet" is not "the mayor's figure"; qa14 Q9: "Police said 30 union
    members had been arrested" just before "rejected the union's claim" was listed as
    its target, the union's own claim two sentences back being the one it rejects). One
    naming whose figure it rejects ("the mayor's figure") answers only a claim holding a
    number (qa18 F1); a quote longer than a sentence can be (quote_cap.too_long, a text
    pasted whole) holds none here and names no speaker (speaker_phrase), neither being
    read in it (rv18 H2: a 122,652-character claim took the summary 22.9 s of CPU)."""
    if "denial" in claim.tags:
        return False
    speaker = source_of(denial)
    if speaker is not None and source_of(claim) == speaker:
        return False
    whose = whose_claim(denial.quote)  # "rejected the union's account": the union's claim
    if whose is None:
        return True
    if whose_figure(denial.quote) is not None and not quote_quantities(claim.quote):
        return False  # "the mayor's figure": a claim of theirs holding no number is not it
    said_by = f"{source_of(claim) or ''} {speaker_phrase(claim.quote)}"
    if whose in _WORDS.findall(said_by.lower()):
        return True
    if denial.index - claim.index != 1:
        return False
    if re.search(rf"\b{re.escape(whose)}['’]s\b", claim.quote, re.I):
        return True  # "The mayor's figure was 50.": their claim, whoever reports it
    return not said_by.strip() and whose in _WORDS.findall(claim.quote.lower())


_WORDS = re.compile(r"[^\W\d_]+")


def _key(annotation: Annotation) -> AnnotationKey:
    return annotation.key


def denying_members(
    members: Sequence[Annotation], tokens: Callable[[str], str] | None = None
) -> list[Annotation]:
    """The members tagged claim and denial that deny what the group's plain claims (not
    tagged denial) say: one of them resembles what such a sentence denies (the clause
    after its denying verb) more than the rest of the sentence, what it says (a plain
    claim that itself reports a denial is compared with the whole sentence: the same
    sentence tagged claim elsewhere, or a version of it, resembles the whole more: it is
    no claim the sentence denies). Compared with the whole, "Police denied that 52
    people had died, saying the toll was 41" resembled "The hospital said 52 people had
    died" a little more than its denied clause did (the counter-figure's words), and
    joined the 52 group as its source (qa8 Q9). "Russian Defence Minister Andrei
    Belousov denied that 12,000 North Korean soldiers had been sent to Russia" joins "The
    Pentagon said 12,000 North Korean troops had been sent to Russia" by the words it
    denies: it is that group's denial, not one of its sources (qa6 Q5). "Ukraine said
    12,000 troops were in Kursk and denied that Russia had retaken the town" joins it by
    what it says, and stays a claim of the group.

    `tokens`: a plain claim's words as the ledger read them (its ClaimText's
    sorted_tokens, the same string as _tokens makes of it), so that they are not read
    again nor kept a second time; without it they are read here."""
    both = [m for m in members if "claim" in m.tags and "denial" in m.tags]
    if not both or len(both) == len(members):
        return []
    words = tokens or _tokens
    # each distinct plain claim once: a group of hundreds of claims repeats its quotes
    quotes = dict.fromkeys(m.quote for m in members if "denial" not in m.tags)
    plain = list(dict.fromkeys((words(quote), _reports_denial(quote)) for quote in quotes))
    claimed = {(m.article_id, m.index) for m in members if "denial" not in m.tags}
    found = []
    for member in both:
        if (member.article_id, member.index) in claimed:
            # another analyst judged this very sentence a plain claim of the group: it
            # stays one line with its ≠, never the group's denial of itself (qa6 Q33)
            continue
        parts = _denying_parts(member.quote) if plain else None
        if parts is None:
            continue
        inside, whole, rest = parts
        if any(
            fuzz.ratio(inside, said) > fuzz.ratio(whole if reports else rest, said)
            for said, reports in plain
        ):
            found.append(member)
    return found


def _tokens(text: str) -> str:
    """Words as the ledger compares texts (ClaimText.sorted_tokens)."""
    return " ".join(sorted(utils.default_process(text).split()))


def _reports_denial(quote: str) -> bool:
    """Whether a plain claim reports a denial itself (it has a denied clause), as
    denying_members compares it: read once per distinct quote (denied_clause keeps its
    answers). At 100,000 annotations a build reads 32,000 plain claims of 16,000 quotes,
    each time its group holds a claim that denies (tok13). A cache of (words, this) here
    kept a second copy of those 16,000 quotes' words, which their ClaimTexts hold: about
    5 MB of the open summary screen (issue 15)."""
    return denied_clause(quote) is not None


@lru_cache(maxsize=1 << 13)
def _denying_parts(quote: str) -> tuple[str, str, str] | None:
    """The words of a claim that denies, as denying_members compares them: of its denied
    clause, of the whole sentence and of the rest of it (None: no denied clause)."""
    clause = denied_clause(quote)
    if clause is None:
        return None
    inside, whole = _tokens(quote[clause[0] : clause[1]]), _tokens(quote)
    return inside, whole, _tokens(f"{quote[: clause[0]]} {quote[clause[1] :]}")
