"""Every word list of core, as data, in one place.

Read by the suggester (suggestions/), the figures (figures/: what a number counts and
measures), the claim ledger (ledger/claim_text.py), source grouping (sources/) and the
ClaimReview export (interchange/export/claimreview.py). A list that two of them need is
written once; where they need different words for the same idea, the lists are built
from each other ("SOURCE_PRONOUNS = PRONOUNS | ..."), so that the difference is visible.

The suggester's lists come from the tagging guideline (its cue words and examples) and
from general English news style (reporting verbs, titles, the way a speaker is
introduced), never from a tally of the bundled articles: the suggester is judged on text
it has not seen. The figure, subject and source tables were written for news of the kind
the workbench is used on (the bundled reports on the war in Ukraine), and name its
places and peoples. All entries are lower case; a curly apostrophe is written straight
(tokens are compared with ’ turned into ').

One list of core lives elsewhere: the abbreviations that never end a sentence
(corpus/sentences.py), because a change to them moves sentence boundaries and is
versioned with the segmenter's repairs (REPAIRS_VERSION), and the corpus sits below
this wing. The words the summary writes ("killed or wounded", "a day") stay beside the
sentences that write them (figures/conflicts.py); this module holds words read in text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def _forms(table: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Inflected form -> lemma, from lemma -> its forms."""
    return {form: lemma for lemma, forms in table.items() for form in forms}


def word_set(text: str) -> frozenset[str]:
    """The words of `text`, split on white space: a compact way to write a word table."""
    return frozenset(text.split())


# ---------------------------------------------------------------- common words

FUNCTION_WORDS = frozenset(
    ["a", "about", "an", "and", "are", "as", "at", "be", "been", "being", "but", "by",
     "for", "from", "had", "has", "have", "he", "in", "into", "is", "it", "its", "more",
     "most", "no", "not", "of", "on", "or", "over", "she", "so", "some", "such", "than",
     "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
     "to", "was", "we", "were", "which", "who", "with", "you"]
)  # fmt: skip
"""Too common to say what a sentence is about: the base of the figures' and the claim
ledger's stop words, each of which adds the words that matter to its own question."""

ARTICLES = ("the", "a", "an")

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")  # fmt: skip
"""In calendar order ("may" is a month here; TIME_WORDS leaves it out, as a name)."""
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                       "oct", "nov", "dec")  # fmt: skip
MONTHS = frozenset(MONTH_NAMES + MONTH_ABBREVIATIONS)

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = frozenset(WEEKDAY_NAMES)


# ---------------------------------------------------------------- reporting cues

REPORTING_VERBS: dict[str, str] = _forms(
    {
        # the guideline's cues
        "say": ("say", "says", "said", "saying"),
        "tell": ("tell", "tells", "told", "telling"),
        "add": ("add", "adds", "added", "adding"),
        "confirm": ("confirm", "confirms", "confirmed", "confirming"),
        "report": ("report", "reports", "reported", "reporting"),
        "warn": ("warn", "warns", "warned", "warning"),
        "estimate": ("estimate", "estimates", "estimated", "estimating"),
        "assess": ("assess", "assesses", "assessed", "assessing"),
        "claim": ("claim", "claims", "claimed", "claiming"),
        "quote": ("quote", "quotes", "quoted", "quoting"),
        "argue": ("argue", "argues", "argued", "arguing"),
        "announce": ("announce", "announces", "announced", "announcing"),
        "call": ("call", "calls", "called", "calling"),
        "accuse": ("accuse", "accuses", "accused", "accusing"),
        # general reporting verbs of news English
        "state": ("state", "states", "stated", "stating"),
        "write": ("write", "writes", "wrote", "writing"),
        "insist": ("insist", "insists", "insisted", "insisting"),
        "note": ("note", "notes", "noted", "noting"),
        "explain": ("explain", "explains", "explained", "explaining"),
        "acknowledge": ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
        "admit": ("admit", "admits", "admitted", "admitting"),
        "assert": ("assert", "asserts", "asserted", "asserting"),
        "allege": ("allege", "alleges", "alleged", "alleging"),
        "contend": ("contend", "contends", "contended", "contending"),
        "declare": ("declare", "declares", "declared", "declaring"),
        "predict": ("predict", "predicts", "predicted", "predicting"),
        "testify": ("testify", "testifies", "testified", "testifying"),
        "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
        "ask": ("ask", "asks", "asked"),
        "reply": ("reply", "replies", "replied"),
        "continue": ("continued",),
        "recall": ("recall", "recalls", "recalled"),
        "concede": ("concede", "concedes", "conceded", "conceding"),
        "caution": ("caution", "cautions", "cautioned", "cautioning"),
        "emphasize": ("emphasize", "emphasizes", "emphasized", "emphasise", "emphasised"),
        "stress": ("stressed", "stresses"),
        "believe": ("believe", "believes", "believed"),
        "suggest": ("suggest", "suggests", "suggested"),
        "cite": ("cite", "cites", "cited", "citing"),
        "brand": ("branded",),
        "label": ("labelled", "labeled"),
        "term": ("termed",),
        "describe": ("describe", "describes", "described"),
        "characterize": ("characterize", "characterizes", "characterized", "characterised"),
        "urge": ("urge", "urges", "urged", "urging"),
        "blame": ("blame", "blames", "blamed", "blaming"),
        "recommend": ("recommend", "recommends", "recommended"),
        "criticize": ("criticize", "criticizes", "criticized", "criticised", "criticises"),
        "respond": ("responded",),
        "plead": ("plead", "pleads", "pleaded", "pled"),
        "advise": ("advise", "advises", "advised"),
        "maintain": ("maintain", "maintains", "maintained", "maintaining"),
        # denial verbs also report what a source said
        "deny": ("deny", "denies", "denied", "denying"),
        "refute": ("refute", "refutes", "refuted", "refuting"),
        "reject": ("reject", "rejects", "rejected", "rejecting"),
        "dismiss": ("dismiss", "dismisses", "dismissed", "dismissing"),
        "dispute": ("dispute", "disputes", "disputed", "disputing"),
        "question": ("questioned", "questions", "questioning"),
        "repudiate": ("repudiate", "repudiates", "repudiated", "repudiating"),
        "disavow": ("disavow", "disavows", "disavowed", "disavowing"),
        "denounce": ("denounce", "denounces", "denounced", "denouncing"),
        "rebuff": ("rebuff", "rebuffs", "rebuffed"),
        "slam": ("slam", "slams", "slammed"),
        "challenge": ("challenged", "challenging"),
        "counter": ("countered",),
        "contest": ("contested", "contests"),
        "contradict": ("contradicted", "contradicts"),
    }
)
"""Every form of a verb that reports what a source said, wrote, assessed or believes."""

REPORTING_THIRD_PERSON = frozenset(
    form for form, lemma in REPORTING_VERBS.items() if form != lemma and form.endswith("s")
)
"""The present forms a headline reports in ("Mayor Says", "Ministry Denies", "Coroner
Confirms"): capitalised in a title-case line, yet never a name's first word (qa17 Q1)."""

STRONG_REPORTING = frozenset(
    [
        "say", "tell", "add", "confirm", "report", "warn", "estimate", "assess", "claim",
        "quote", "argue", "announce", "accuse", "state", "write", "insist", "note",
        "explain", "acknowledge", "admit", "assert", "allege", "contend", "declare",
        "predict", "testify", "tweet", "deny", "refute", "concede", "caution", "plead",
    ]
)  # fmt: skip
"""Lemmas that report speech on their own; the others (believe, call, blame, reject…)
need a source and still score lower, and lose to a strong cue in the same sentence."""

OTHER_SENSE_AFTER: dict[str, frozenset[str]] = {
    "contend": frozenset(["with"]),
    "add": frozenset(["to", "up"]),
    "maintain": frozenset(["the", "a", "an", "order", "control", "contact", "pressure"]),
    "call": frozenset(["off", "up", "in", "back"]),
    "report": frozenset(["to", "for"]),
    "note": frozenset(["of"]),
    "state": frozenset(["of"]),
    "counter": frozenset(["with", "by"]),
}
"""A reporting verb's lemma -> words after it that give it another sense ("contend with
the cold", "added to the pressure", "reports to the minister")."""

INVERTIBLE = frozenset(["say", "add", "write", "ask", "reply", "continue", "explain", "note"])
"""Lemmas that may come before their speaker: '“…,” said Mr. Melnyk'. Never 'told'."""

NOUN_LIKE_FORMS = frozenset(
    [
        "report", "reports", "claim", "claims", "estimate", "estimates", "quote", "quotes",
        "call", "calls", "note", "notes", "state", "states", "question", "questions",
        "dispute", "disputes", "caution", "cautions", "tweet", "tweets", "stress", "stresses",
        "say", "reported", "alleged", "called", "described", "cited", "stated", "warning",
    ]
)  # fmt: skip
"""Forms that are often nouns or adjectives ("the reports", "the alleged attack"): they
count as verbs only right after a subject, never after a determiner."""

NAMING_FORMS = frozenset(["called", "named", "dubbed", "known"])
"""Before a name they name, not report: "a town called Millbrook" (not before a
possessive: "called the mayor's figures misleading" reports)."""

SILENT_WHEN_NEGATED = frozenset(
    ["say", "comment", "confirm", "specify", "disclose", "reveal", "elaborate", "explain",
     "answer", "respond", "identify", "estimate", "announce", "report", "tell", "state"]
)  # fmt: skip
"""Refused ("would not confirm that report", "declined to comment") they report that
nothing was said: a narrated fact, not an attribution."""

SILENT_VERBS = frozenset(
    ["say", "comment", "specify", "disclose", "reveal", "elaborate", "answer", "respond",
     "identify", "explain", "deny", "reply", "declare", "announce"]
)  # fmt: skip
"""Negated at all ("has not said which firm", "did not respond"), they report that
nothing was said. Not "confirm": "have not officially confirmed the agreement" reports
where the source stands."""

REFUSALS = frozenset(["declined", "declines", "refused", "refuses", "refusing", "declining"])
"""'declined to say', 'refused to confirm': a negation of what follows."""

ACCORDING_TO = ("according", "to")
"""The prepositional cue; its source follows it."""

SCARE_QUOTE_WORDS = 3
"""Tokens inside quotation marks up to which a quotation is a term ("the word
“misled”"), not the speaker's own statement."""

WH_WORDS = frozenset(["whether", "if", "when", "which", "who", "whom", "how", "why", "what",
                      "where"])  # fmt: skip
"""After a negated reporting verb ("has not announced whether…"): nothing was said."""

STATEMENT_NOUNS = frozenset(
    ["statement", "statements", "letter", "note", "post", "message", "video", "email",
     "release", "response", "tweet", "filing"]
)  # fmt: skip
"""What a source issues that speaks for it: "issued a statement denying…", "handed
reporters a note saying…" report the source of the main clause."""

PARTICIPLE_CUES = frozenset(
    ["saying", "citing", "adding", "warning", "denying", "arguing", "claiming", "insisting",
     "accusing", "noting", "stating", "asserting", "calling", "rejecting", "dismissing"]
)  # fmt: skip
"""'…, saying …': the speaker is the subject of the main clause."""

# ---------------------------------------------------------------- denial cues

DENY_VERBS = frozenset(
    ["deny", "denies", "denied", "denying", "denial", "denials", "refute", "refutes",
     "refuted", "refuting", "rebut", "rebuts", "rebutted", "debunk", "debunked", "debunks"]
)  # fmt: skip
"""Deny on its own is a denial ("Both Russia and North Korea deny any transfer of arms")."""

DENY_NOT_A_DENIAL_OBJECTS = frozenset(
    ["access", "entry", "visa", "visas", "bail", "permission", "service", "treatment",
     "asylum", "a", "an", "him", "her", "them", "us", "me"]
)  # fmt: skip
"""'denied access', 'denied him a visa': refusing something, not denying a claim."""

NAME_CONNECTORS = frozenset(["for", "of", "and", "&", "on", "the"])
"""Lower-case words inside an organisation's name ("Parents for Safe Products")."""

ASKED_REACH = 4
"""Words looked back from a deny verb for "whether"/"if": a denial asked about, not made."""

REFUTING_VERBS = frozenset(
    ["refute", "refutes", "refuted", "refuting", "rebut", "rebuts", "rebutted", "debunk",
     "debunked", "debunks"]
)  # fmt: skip
"""Deny verbs that have no sense of refusing ("refuted a claim" is never "denied a visa")."""

RULING_OBJECTS = frozenset(
    ["request", "requests", "motion", "motions", "application", "applications", "appeal",
     "appeals", "petition", "petitions", "bail", "parole", "permit", "permits", "licence",
     "license", "payment", "payments", "refund", "refunds", "coverage", "benefits"]
)  # fmt: skip
"""What a court, an insurer or an office denies when it refuses something ("denied the
insurer's request", "denied the appeal"): a decision, not a claim said to be false."""

RULING_SUBJECTS = frozenset(["judge", "court", "tribunal", "magistrate", "panel", "justice"])
"""Who denies as a ruling ("a judge denied…", "The court denied him bail")."""

QUANTITY_WORDS = frozenset(
    ["nearly", "about", "some", "almost", "more", "over", "roughly", "around", "at", "least",
     "thousands", "hundreds", "dozens"]
)  # fmt: skip
"""Before a number after "denied" ("denied nearly 3,400 claims"): counted things (insurance
claims, applications), not an assertion."""

PASSIVE_DISPUTES = frozenset(
    ["rejected", "dismissed", "disputed", "questioned", "contested", "contradicted",
     "challenged", "denied", "refuted", "rebutted", "debunked", "repudiated", "disavowed",
     "denounced", "rebuffed", "ridiculed", "mocked", "brushed", "waved", "swatted",
     "shrugged", "laughed"]
)  # fmt: skip
"""Participles of dispute and deny verbs (and of phrasal ones: "brushed aside") that,
in the passive with an agent, report the agent disputing the claim before them ("the
allegations were rejected by the party")."""

PASSIVE_PARTICLES = frozenset(["aside", "off", "away"])
"""Particles of the phrasal disputes in the passive ("brushed aside by")."""

DISPUTE_VERBS = frozenset(
    ["reject", "rejects", "rejected", "rejecting", "dismiss", "dismisses", "dismissed",
     "dismissing", "dispute", "disputes", "disputed", "disputing", "question",
     "questioned", "questioning", "contest", "contests", "contested", "contradict",
     "contradicted", "contradicts", "brushed", "scoffed", "ridiculed", "mocked", "doubted",
     "slammed", "denounced", "challenged", "rebuffed", "repudiate", "repudiates",
     "repudiated", "repudiating", "disavow", "disavows", "disavowed", "disavowing",
     "denounce", "denounces", "denouncing", "rebuff", "rebuffs", "slam", "slams",
     "challenging", "countered"]
)  # fmt: skip
"""Deny-like, and reporting a source at all, only with a claim as object ("rejected the
allegations", not "rejected the plan"), or with "as" + a falsehood word ("dismissed …
as groundless rumors")."""

CLAIM_NOUNS = frozenset(
    ["claim", "claims", "allegation", "allegations", "accusation", "accusations", "report",
     "reports", "reporting", "charge", "charges", "assertion", "assertions", "suggestion",
     "suggestions", "statement", "statements", "rumor", "rumors", "rumour", "rumours",
     "account", "accounts", "speculation", "story", "stories", "notion", "idea",
     "assessment", "findings", "figures", "narrative", "version", "news", "figure",
     "number", "numbers", "estimate", "estimates", "comments", "remarks", "criticism",
     "characterization", "characterisation", "description", "portrayal", "theory",
     "assumptions", "methodology", "premise", "conclusions", "conclusion", "explanation",
     "explanations", "finding", "criticisms", "insinuation", "insinuations", "innuendo",
     "interpretation", "depiction", "argument", "arguments", "contention", "count", "counts",
     "tally", "tallies", "toll", "tolls"]
)  # fmt: skip
"""What a dispute verb must be aimed at to count as a denial ("rejected the ministry's
count" as "… figure", qa18 F2)."""

CLAIM_BEARERS = CLAIM_NOUNS | frozenset(
    ["study", "studies", "paper", "research", "data", "analysis", "results", "article",
     "articles", "coverage", "evidence", "survey", "poll", "reporting", "journalism"]
)  # fmt: skip
"""What can be said not to hold ("the study does not show…", "their data did not support
the report's estimates") or be stood by ("stood by its reporting"): claims and the
texts that carry them."""

DISPUTED_TEXTS = frozenset(
    ["study", "studies", "paper", "analysis", "analyses", "results", "result", "data",
     "evidence", "survey", "poll", "method", "methods", "methodology", "commentary",
     "calculations", "calculation", "testimony", "interview", "article", "articles"]
)  # fmt: skip
"""Texts and results that carry a claim: a dispute verb aimed at one disputes what it
says ("rejected that analysis", "took issue with the study's method", "disputed the
result")."""

CONTESTING_VERBS = frozenset(
    ["disputed", "disputes", "contested", "contests", "contradicted", "contradicts",
     "refuted", "rebutted", "countered"]
)  # fmt: skip
"""Dispute verbs that deny whatever they are aimed at ("Brightwarm disputed that"),
used as verbs (not "the disputed territory")."""

DISMISSING_AS = frozenset(["dismiss", "dismisses", "dismissed", "dismissing", "slammed",
                           "denounced", "brushed", "ridiculed", "mocked"])  # fmt: skip
"""Dispute verbs that deny whatever they are aimed at when followed by "as …"
("dismissed her comments as a smokescreen"), unless aimed at a person ("as a traitor")."""

CLAIM_BEFORE_REACH = 4
"""Tokens before a dispute verb searched for the claim it answers in a relative clause
("…, an account the defense disputes", "…, a charge Brussels dismissed")."""

DISPUTE_REACH = 6
"""Tokens after a dispute verb searched for its claim noun."""

FALSEHOOD_WORDS = frozenset(
    ["groundless", "baseless", "unfounded", "untrue", "false", "falsely", "fabricated",
     "fabrication", "fabrications", "fake", "bogus", "lie", "lies", "lying", "liar", "liars",
     "disinformation", "misinformation", "slander", "slandering", "slanderous", "smear",
     "smears", "hoax", "nonsense", "absurd", "ridiculous", "distort", "distorts",
     "distorting", "distorted", "distortion", "distortions", "fiction", "fantasy",
     "concocted", "unsubstantiated", "misleading", "fabricate", "fabricates", "fabricating",
     "inaccurate", "incorrect", "erroneous", "untruthful", "falsehood", "falsehoods",
     "propaganda", "frivolous", "meritless", "scaremongering", "fearmongering", "baloney",
     "rubbish", "slanderous", "defamatory", "libelous", "unfounded", "flawed", "untruths",
     "trumped-up", "made-up", "spurious", "specious", "preposterous", "outlandish",
     "nonsensical", "invented", "staged", "doctored", "forged"]
)  # fmt: skip
"""A source calling something false: a denial when the sentence attributes it."""

PREDICATIVE_FALSEHOOD = frozenset(
    ["fake", "false", "fabricated", "bogus", "misleading", "distorted", "absurd",
     "ridiculous", "concocted", "fiction", "fantasy", "inaccurate", "incorrect", "erroneous",
     "propaganda", "flawed", "frivolous", "made-up", "preposterous", "outlandish", "invented",
     "staged", "doctored", "forged"]
)  # fmt: skip
"""Describe a thing as well as a claim ("fake identification documents"): a denial only
said of something ("were false", "dismissed as absurd", "completely false") or of a
claim ("false claims", "fake news")."""

CALLING_FALSE = frozenset(
    ["as", "completely", "totally", "simply", "entirely", "utterly", "patently",
     "absolutely", "blatantly", "outright", "wholly", "clearly", "obviously", "is", "are",
     "was", "were", "be", "been", "being", "pure", "sheer", "'s", "called", "calling",
     "call", "calls", "termed", "labeled", "labelled", "branded", "described", "deemed",
     "wholly", "deeply", "totally", "a", "more", "just", "nothing", "but", "categorically",
     "demonstrably", "flatly", "plainly", "wildly"]
)  # fmt: skip
"""Words before a falsehood word that make it said of something."""

NOT_FALSEHOOD_AFTER = frozenset(
    ["in", "on", "at", "with", "ahead", "behind", "within", "beyond", "between", "low", "down",
     "outside", "beneath", "under", "upon", "above", "below", "across", "near", "along"]
)  # fmt: skip
"""'The problem lies in…', 'lie low': the verb, not the noun."""

CALLING_VERBS = frozenset(["call", "calls", "called", "calling", "branded", "brands",
                           "labelled", "labeled", "labels", "termed", "terms", "dubbed",
                           "described", "describes"])  # fmt: skip
"""Verbs that put a name to what they are aimed at ("called the reports a provocation")."""

CALLED_REACH = 8
"""Words after the claim a calling verb names, searched for what it is called ("described
claims to the contrary as “mistaken”")."""

DISMISSIVE_NOUNS = frozenset(
    ["misreading", "misreadings", "misrepresentation", "misrepresentations",
     "mischaracterization", "mischaracterisation", "mistaken", "wrong", "misguided",
     "wishful", "stunt", "theatre", "theater", "assassination", "witch-hunt", "overblown",
     "alarmist", "error", "errors", "provocation", "provocations", "provocative", "rumor",
     "rumors", "rumour", "rumours",
     "gossip", "hysteria", "myth", "myths", "fairy", "fairytale", "fairytales", "invention",
     "inventions", "slur", "slurs", "insult", "fantasies", "speculation", "exaggeration",
     "exaggerations", "sensationalism", "hearsay", "whitewash", "laughable", "cover-up",
     "smokescreen", "farce", "charade", "spin"]
)  # fmt: skip
"""Not falsehood words in themselves ("rumors of a merger", "the attack was a
provocation"), but naming a claim ("called the reports a provocation") they dismiss it."""

NEGATED_CLAIM_PHRASES: tuple[tuple[str, ...], ...] = (
    ("not", "true"),
    ("not", "the", "case"),
    ("not", "what", "happened"),
    ("never", "said", "that"),
    ("never", "claimed"),
    ("not", "a", "shred", "of", "truth"),
    ("further", "from", "the", "truth"),
    ("no", "truth"),
    ("nothing", "to", "do", "with"),
    ("never", "happened"),
    ("did", "not", "happen"),
    ("didn't", "happen"),
    ("not", "happened"),
    ("never", "occurred"),
    ("did", "not", "occur"),
    ("never", "took", "place"),
    ("not", "directed", "against"),
    ("not", "aimed", "at"),
    ("not", "targeted", "at"),
    ("did", "not", "cause"),
    ("didn't", "cause"),
    ("was", "not", "involved"),
    ("were", "not", "involved"),
    ("not", "responsible", "for"),
    ("had", "no", "role"),
    ("played", "no", "part"),
    ("no", "such"),
    ("did", "not", "take", "place"),
    ("pleaded", "not", "guilty"),
    ("pleads", "not", "guilty"),
    ("plead", "not", "guilty"),
    ("pled", "not", "guilty"),
    ("without", "merit"),
    ("no", "merit"),
    ("witch", "hunt"),
    ("fishing", "expedition"),
    ("smear", "campaign"),
    ("political", "stunt"),
    ("conspiracy", "theory"),
    ("conspiracy", "theories"),
    ("fake", "news"),
    ("not", "credible"),
    ("not", "accurate"),
    ("not", "correct"),
    ("no", "basis"),
    ("nothing", "wrong"),
    ("no", "wrongdoing"),
    ("made", "it", "up"),
    ("made", "that", "up"),
    ("made", "this", "up"),
    ("made", "things", "up"),
    ("making", "it", "up"),
    ("making", "things", "up"),
    ("political", "theatre"),
    ("political", "theater"),
    ("publicity", "stunt"),
    ("politically", "motivated"),
    ("without", "foundation"),
    ("no", "foundation"),
    ("without", "basis"),
    ("out", "of", "context"),
    ("his", "innocence"),
    ("her", "innocence"),
    ("their", "innocence"),
    ("its", "innocence"),
)
"""Asserting that a reported thing is false or not happening."""

EXISTENTIAL_NEGATION = (("there", "is", "no"), ("there", "are", "no"), ("there", "was", "no"),
                        ("there", "were", "no"), ("there's", "no"))  # fmt: skip
"""'There are no North Korean soldiers, yet': a denial, unless what is absent is a
confirmation or evidence (ABSENCE_NOUNS)."""

ABSENCE_NOUNS = frozenset(
    ["evidence", "indication", "indications", "confirmation", "sign", "signs",
     "information", "comment", "word", "details", "data", "proof", "way", "doubt", "need",
     "plan", "plans", "decision", "timeline", "agreement", "reason", "guarantee", "risk",
     "risks", "danger", "threat", "cause"]
)  # fmt: skip
"""Absence of confirmation is not a denial ("have not officially confirmed")."""

PHRASAL_DISPUTES: tuple[tuple[frozenset[str], tuple[str, ...], tuple[str, ...]], ...] = (
    (frozenset(["push", "pushes", "pushed", "pushing", "hit", "hits", "hitting", "fire",
                "fires", "fired", "firing", "strike", "strikes", "struck", "striking"]),
     ("back",), ("on", "at", "against")),
    (frozenset(["brush", "brushes", "brushed", "brushing", "wave", "waves", "waved",
                "waving", "shrug", "shrugs", "shrugged", "shrugging", "laugh", "laughs",
                "laughed", "laughing"]),
     ("off",), ()),
    (frozenset(["brush", "brushes", "brushed", "brushing", "wave", "waves", "waved",
                "waving", "swat", "swats", "swatted"]),
     ("aside",), ()),
    (frozenset(["wave", "waves", "waved", "waving"]), ("away",), ()),
    (frozenset(["take", "takes", "took", "taking", "taken"]), ("issue",), ("with",)),
    (frozenset(["cast", "casts", "casting", "threw", "throw", "throws", "throwing"]),
     ("doubt",), ("on", "over", "upon")),
    (frozenset(["pour", "pours", "poured", "pouring"]), ("cold", "water"), ("on", "over")),
)  # fmt: skip
"""A verb, its particle and the preposition before the claim (none: the claim is the
object): "pushed back on the criticism", "brushed off the allegations", "waved away
the reports", "took issue with the figures", "cast doubt on the account" (a dispute, and
a report of what the source said, when a claim follows within reach; not "brushed off
the rain", "pushed back into the building")."""

STANDING_VERBS = frozenset(["stand", "stands", "stood", "standing"])

STOOD_BY_OBJECTS = frozenset(["decision", "decisions", "ruling", "rulings", "handling",
                              "conduct", "record", "assessment", "position"])  # fmt: skip
"""Besides a claim or its text, what a source stands by against a challenge ("stood by
its decisions"; not "stood by the athlete")."""
"""Before "by" a claim or its text: "stood by its reporting" (a source rejecting a
challenge to what it said)."""

UNSUPPORTED_VERBS = frozenset(
    ["support", "supports", "supported", "supporting", "show", "shows", "showed", "shown",
     "showing", "prove", "proves", "proved", "proven", "proving", "back", "backs", "backed",
     "hold", "holds", "held", "stand", "demonstrate", "demonstrates", "demonstrated",
     "establish", "establishes", "established", "justify", "justifies", "justified",
     "reflect", "reflects", "reflected", "account", "accounts", "accounted"]
)  # fmt: skip
"""Negated after a claim or its text, they say it does not hold: "the conclusions are not
supported by the data", "this paper does not come close to showing", "the study failed
to account for…"."""

MISSTATING_WORDS = frozenset(
    ["exaggerated", "exaggerates", "exaggerate", "exaggerating", "exaggeration",
     "overstated", "overstates", "overstate", "overstating", "overblown", "inflated",
     "inflates", "inflating", "misrepresented", "misrepresents", "misrepresent",
     "misrepresenting", "misrepresentation", "mischaracterized", "mischaracterised",
     "mischaracterizes", "mischaracterises", "mischaracterize", "mischaracterise",
     "misquoted", "misquotes", "misquote", "misreported", "misreports", "twisted",
     "twisting", "twists", "wrong", "wrongly"]
)  # fmt: skip
"""Said of a claim or its text ("the report exaggerated the toll", "the figures are
wrong", "twisted my words"), a claim said not to hold as stated. Said of an agent
("the company inflated its sales") they accuse instead, and are not a denial."""

OWN_WORDS = frozenset(["remarks", "comments", "words", "statement", "statements", "position",
                       "views", "testimony", "answer", "answers", "record"])  # fmt: skip
"""After a possessive, the speaker's own words: "misrepresented her remarks"."""

GENERIC_ADVERBS = frozenset(["often", "sometimes", "usually", "generally", "frequently",
                             "typically", "routinely", "tend", "tends", "can", "may",
                             "might", "commonly", "notoriously"])  # fmt: skip
"""A misstating word said in general ("estimates are often exaggerated") disputes no
particular claim."""

NO_SUPPORT = (("no", "evidence"), ("no", "proof"), ("not", "a", "shred", "of", "evidence"),
              ("no", "basis"))  # fmt: skip
"""Before "to support", "for" or "backing" a claim ("no evidence to support the
allegations"): the claim said not to hold. Alone ("no evidence of an attack") it is
absence of confirmation, which is not a denial."""

NOT_ACCEPTING = frozenset(
    ["accept", "accepts", "accepted", "recognise", "recognize", "recognises", "recognizes",
     "buy", "buys", "share", "shares"]
)  # fmt: skip
"""Negated before a claim ("does not accept the findings", "did not recognise the
figures"): the claim rejected."""

UNSUPPORTED_REACH = 4
"""Tokens after a negation (or "failed to") searched for an UNSUPPORTED_VERBS word."""

# ---------------------------------------------------------------- counter-assertions

NEGATIONS = frozenset(["not", "never", "no", "nothing", "nobody", "none", "neither", "nor"])
"""With any "…n't" word: a statement of what is not so."""

EMPHATIC_NEGATIONS = frozenset(["never", "nothing", "nobody", "none", "anything", "anyone",
                                "single", "categorically", "absolutely"])  # fmt: skip

REINFORCERS = frozenset(["ever", "any", "anything", "anyone", "anybody", "else",
                         "whatsoever", "single"])  # fmt: skip
"""After a negation they close every exception: "never negotiated anything", "no decision
had ever been sold", "not by any decision", "nothing else"."""
"""Near a negation, they make it a flat rebuttal: "I have never…", "has done nothing",
"did not take anything", "not a single…"."""

MODALS = frozenset(
    ["will", "would", "could", "can", "should", "might", "may", "must", "shall", "'ll",
     "won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't", "mustn't", "going"]
)  # fmt: skip
"""A negation under a modal is a plan, a refusal or advice ("would not intervene",
"should not change their diet"), not a rebuttal of what happened."""

NOT_A_REBUTTAL_AFTER = frozenset(
    ["yet", "only", "just", "least", "longer", "before", "immediately", "necessarily",
     "confirm", "confirms", "confirmed", "verify", "verified", "receive", "received",
     "review", "reviewed", "decide", "decided", "comment", "commented", "say", "said",
     "specify", "specified", "know", "known", "knew", "disclose", "disclosed", "reveal",
     "revealed", "elaborate", "elaborated", "respond", "responded", "return", "returned",
     "identify", "identified", "name", "named", "answer", "answered", "need", "needed",
     "able", "allowed", "permitted", "expected", "clear", "aware", "sure", "see", "seen",
     "possible", "impossible", "certain", "seeking", "asking", "planning", "intending",
     "saw", "surprised", "shocked", "worried", "concerned", "happy", "pleased", "convinced",
     "satisfied", "impressed", "disappointed", "easy", "enough", "afraid", "interested",
     "ruled", "rule", "give", "gave", "given", "provide", "provided", "explain",
     "explained", "discuss", "discussed", "mention", "mentioned",
     "address", "addressed", "raise", "raised", "expect", "expected", "think", "believe",
     "want", "intend", "plan", "planned", "consulted", "informed", "told", "notified",
     "invited", "warned", "offered", "paid", "asked", "briefed", "hear", "heard", "notice",
     "noticed", "feel", "felt", "read", "such", "so", "much", "many", "far", "deny",
     "denies", "denied", "dispute", "disputes", "disputed", "contest", "contested"]
)  # fmt: skip
"""Right after a negation (two words at most), the negation reports absence of
confirmation, of a decision or of a comment, a state of mind, a grievance or a record
("had not yet received", "does not comment on", "was not surprised", "had not been
consulted", "had never faced such a deficit"), or a denial not made ("did not deny",
"has not disputed"): not a source answering a claim."""

EVIDENCE_AFTER = frozenset(["suggest", "suggests", "indicate", "indicates", "show"])
"""'nothing to suggest…': absence of evidence, not a rebuttal."""

ABSENCE_VERBS = frozenset(["reported", "recorded", "found", "detected", "seen", "observed",
                           "made", "reached", "taken", "announced", "set"])  # fmt: skip
"""'no injuries were reported', 'no decision has been made': absence, not a rebuttal."""

CONCESSION_LEMMAS = frozenset(["acknowledge", "admit", "concede", "confirm", "agree"])
"""Reporting verbs that grant a point: what follows a denial with one of them is not
part of the denial ("He acknowledged that two shops had failed inspections")."""

REASSURANCE_WORDS = frozenset(
    ["safe", "secure", "legitimate", "lawful", "legal", "accurate", "innocent", "proper",
     "sound", "harmless", "compliant"]
)  # fmt: skip
"""Asserted by a source under suspicion, the opposite of what it is accused of ("insisted
its products were safe", "told jurors the payments were legitimate"): a weak cue."""

ACTED_WELL = frozenset(["lawfully", "legally", "properly", "appropriately", "responsibly",
                        "correctly", "legitimately", "honestly", "transparently"])  # fmt: skip
ACTING_VERBS = frozenset(["acted", "act", "acts", "acting", "behaved", "behave", "behaves",
                          "operated", "operates", "complied"])  # fmt: skip
"""'had acted lawfully', 'behaved properly': a reassurance, as "were legitimate" is."""

ACCUSING_WORDS = frozenset(
    ["accuse", "accuses", "accused", "accusing", "accusation", "accusations", "allege",
     "alleges", "alleged", "allegedly", "allegation", "allegations", "claim", "claims",
     "claimed", "claiming", "charge", "charges", "charged", "blame", "blames", "blamed",
     "suspect", "suspects", "suspected", "suspicion", "suspicions", "reportedly"]
)  # fmt: skip
"""A sentence with one of these puts something to someone: what a later statement
can answer, even when it does not name the one who answers."""

INSISTING_LEMMAS = frozenset(["insist", "maintain", "assert", "contend"])

EXPLAINING_WORDS = word_set(
    """because since caused due reason explained explanation actually fact merely only
    simply genuine legitimate routine normal ordinary natural naturally unrelated abroad
    away elsewhere attending records receipts invoices tickets footage logs documents
    proof prove proves proved evidence showed shows misunderstanding mistaken confusion
    different another instead"""
)
"""Words of an explanation or an alibi ("the payment was for genuine building work",
"records placed her 1,800 kilometres away"): said by the accused after an accusation,
they answer it in plain words (the denial model's feature; no rule reads them)."""

REJECTING_WORDS = word_set(
    """insult insulting nonsense absurd ridiculous grudge smear baseless outrageous
    fantasy laughable believe shameful disgraceful cheap desperate political politically
    motivated campaign attack attacks"""
)
"""Evaluative or sarcastic words a rejection is said in ("an insult to the dead", "a
cheap shot from a man with a grudge", "we simply do not believe them")."""

DENIAL_NOUN_BEFORE = frozenset(["the", "this", "that", "in", "whose"])
"""Before "denial" these make it a denial named, not one made ("the denial was carefully
worded", "living in denial", "repeating the denial"); "its denial", "issued a denial"
still report one."""

WRONGDOING_WORDS = frozenset(
    ["lie", "lied", "lies", "lying", "cheat", "cheated", "cheating", "steal", "stole",
     "stolen", "stealing", "hide", "hid", "hidden", "hiding", "conceal", "concealed",
     "concealing", "bribe", "bribes", "bribed", "bribery", "faked", "falsify", "falsified",
     "forge", "forged", "mislead", "misled", "defraud", "defrauded", "fraud", "embezzle",
     "embezzled", "launder", "laundered", "harass", "harassed", "abuse", "abused",
     "assault", "assaulted", "threaten", "threatened", "dope", "doped", "doping", "leak",
     "leaked", "spy", "spied", "spying", "rig", "rigged", "tamper", "tampered",
     "plagiarise", "plagiarised", "plagiarize", "plagiarized", "pocket", "pocketed",
     "wrongdoing", "crime", "crimes", "illegal", "illegally", "unlawful", "unlawfully",
     "kickback", "kickbacks"]
)  # fmt: skip
"""What a source is accused of and answers for: negated by the source ("I never lied",
"did not cheat", "we hid nothing") a counter-assertion is a denial more surely, and a
sentence stating it of someone puts something to them (an accusation)."""

CONTESTED_WORDS = (
    ACCUSING_WORDS
    | WRONGDOING_WORDS
    | DENY_VERBS
    | REFUTING_VERBS
    | CONTESTING_VERBS
    | word_set("reject rejects rejected rejecting dismissed dismisses disagree disagrees disagreed")
)
"""An article with one of these anywhere is contested: someone is accused or answers.
Its headline and lede may answer what the article says after them."""

CONCEDING_WORDS = frozenset(
    ["mistake", "mistakes", "regret", "regrets", "regretted", "sorry", "apologise",
     "apologised", "apologize", "apologized", "apology", "apologies", "error", "errors",
     "fault", "faults", "misjudged", "shortcomings", "failings"]
)  # fmt: skip
"""A statement with one of these grants a point ("I made mistakes"): it does not go on
with the denial before it."""
"""Reporting verbs that hold a position against another: they strengthen a rebuttal."""

SPEAKER_ROLE_WORDS = frozenset(["spokesman", "spokeswoman", "spokesperson", "official",
                                "officials", "lawyer", "lawyers", "representative"])  # fmt: skip
"""Words of a source that say its role, not who it is: the denial model matches
speakers by the others ("army", "rusu")."""

FIRST_PERSON_SUBJECTS = frozenset(["i", "we", "my", "our", "me", "us"])
"""In a statement, a subject that is the speaker (or the speaker's own) answers for
itself."""

# ---------------------------------------------------------------- the source span

DETERMINERS = frozenset([*ARTICLES, "both", "all", "this", "that", "these", "those"])
"""Dropped from the front of a source ("The Pentagon spokesman" -> "Pentagon spokesman")."""

POSSESSIVE_DETERMINERS = frozenset(["his", "her", "its", "their", "our", "my", "your"])
"""Kept: they are part of naming the speaker ("his office")."""

QUANTIFIERS = frozenset(
    ["some", "several", "many", "most", "few", "other", "two", "three", "four", "five",
     "six", "seven", "eight", "nine", "ten", "one", "dozens", "hundreds", "thousands",
     "numerous", "multiple", "various"]
)  # fmt: skip
"""Kept inside a source ("two U.S. officials", "some residents")."""

PRONOUNS = frozenset(["he", "she", "they", "it"])
"""A pronoun source is recorded as the pronoun; the suggester resolves it."""

FIRST_PERSON = frozenset(["we", "i", "us", "me", "you"])
"""Never a source: inside quotes the quoted speaker themself ("We call for…"), outside
them the outlet ("We monitor…")."""

PERSON_PRONOUNS = frozenset(["he", "she"])
PLURAL_PRONOUNS = frozenset(["they"])
THING_PRONOUNS = frozenset(["it"])
OBJECT_PRONOUNS = frozenset(["him", "her", "them"])

SOURCE_PRONOUNS = PRONOUNS | FIRST_PERSON | POSSESSIVE_DETERMINERS | OBJECT_PRONOUNS
"""A source an analyst typed as a pronoun ("he", "we", "their") names nobody by itself:
source grouping keeps it apart and never merges it into a person."""

MALE_TITLES = frozenset(["mr", "mr.", "sir", "lord"])
FEMALE_TITLES = frozenset(["mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady"])
"""Honorifics that say whether a later "he" or "she" can be the person named."""

MALE_ROLE_NOUNS = frozenset(
    ["spokesman", "chairman", "congressman", "businessman", "councilman", "policeman",
     "fireman", "actor", "father", "son", "husband", "brother", "uncle", "grandfather",
     "widower", "king", "prince", "emperor", "man", "boy", "nephew"]
)  # fmt: skip
FEMALE_ROLE_NOUNS = frozenset(
    ["spokeswoman", "chairwoman", "congresswoman", "businesswoman", "councilwoman",
     "policewoman", "actress", "mother", "daughter", "wife", "sister", "aunt",
     "grandmother", "widow", "queen", "princess", "empress", "woman", "girl", "niece"]
)  # fmt: skip
"""Role nouns with a gender, before a name ("Spokeswoman Maria Zakharova") or in its
apposition ("Tomas Rijk, the ministry spokesman"): evidence for a later "he"/"she"."""

MALE_FIRST_NAMES_AS_TRAINED = frozenset(
    ["john", "james", "david", "michael", "robert", "william", "thomas", "tomas", "peter",
     "paul", "mark", "george", "richard", "joseph", "daniel", "andrew", "hugo", "ivan",
     "sergei", "vladimir", "dmitry", "alexander", "mohammed", "muhammad", "ahmed", "ali",
     "pierre", "hans", "carlos", "juan", "jose", "luis", "antonio"]
)  # fmt: skip
"""The men's first names the denial model's reading of speakers was trained with
(resolve.Discourse `as_trained`): kept as they were, so its features stay the same."""
MALE_FIRST_NAMES = MALE_FIRST_NAMES_AS_TRAINED | frozenset(
    # news's most named men (src14: "Hunter Biden" beside "Mrs. Biden")
    ["hunter", "joe", "donald", "barack", "bill", "boris", "emmanuel", "olaf", "benjamin",
     "charles", "henry", "edward", "steven", "stephen", "kevin", "brian", "jason", "ryan",
     "eric", "matthew", "christopher", "anthony", "jonathan", "patrick", "frank", "jack",
     "harry", "oliver", "lloyd", "mike", "chris", "tom", "ben", "sam", "rishi", "keir",
     "volodymyr", "andriy", "oleksandr", "mikhail", "alexei", "yuri", "igor", "sergey",
     "viktor", "recep", "xi", "narendra", "jair", "javier", "pedro", "miguel", "francisco",
     "giuseppe", "marco", "luca", "friedrich", "karl", "klaus", "jens"]
)  # fmt: skip
FEMALE_FIRST_NAMES = frozenset(
    ["mary", "anna", "anne", "maria", "elizabeth", "sarah", "susan", "jennifer", "linda",
     "laura", "emma", "olga", "natalia", "elena", "irina", "clara", "claire", "sophie",
     "julia", "catherine", "karen", "fatima", "ursula", "angela", "kamala", "marie",
     "ana", "lucia", "helen", "margaret"]
)  # fmt: skip
"""A short list of very common first names, the weakest evidence of a speaker's gender:
read only when no honorific, role noun or pronoun says otherwise."""

RELATIVE_PRONOUNS = frozenset(["who", "whose", "whom", "which", "that"])
"""Open a clause about someone else inside an apposition ("Rosa Imre, whose son…"): its
role nouns do not describe the speaker."""

TITLES = frozenset(
    [
        # honorifics
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
        "rev", "reverend", "father", "sheikh", "imam", "rabbi",
        # military ranks
        "gen", "general", "maj", "major", "lt", "lieutenant", "col", "colonel", "capt",
        "captain", "adm", "admiral", "commodore", "ensign", "sgt", "sergeant", "brig",
        "brigadier", "cmdr",
        "commander", "cpl", "corporal", "pvt", "private", "marshal", "field", "rear",
        # offices
        "president", "vice", "prime", "premier", "chancellor", "minister", "secretary",
        "state", "deputy", "ambassador", "envoy", "senator", "sen", "rep", "representative",
        "congressman", "congresswoman", "governor", "gov", "mayor", "sheriff", "judge",
        "justice", "attorney", "chief", "chair", "chairman", "chairwoman", "director",
        "spokesman", "spokeswoman", "spokesperson", "speaker", "king", "queen", "prince",
        "princess", "pope", "emperor", "leader", "head", "ceo", "executive", "commissioner",
        "inspector", "superintendent", "officer", "detective", "constable", "mp", "mep",
        "foreign", "defense", "defence", "interior", "finance", "health", "acting", "former",
        "adviser", "advisor", "coordinator", "lawmaker", "editor", "analyst",
    ]
)  # fmt: skip
"""Words that may stand before a name: dropped before a full name ("Air Force Maj. Gen.
Pat Ryder" -> "Pat Ryder"), kept before a surname alone ("General Ryder")."""

ABBREVIATIONS = TITLES | frozenset(
    ["jr", "sr", "st", "no", "inc", "corp", "co", "ltd", "vs", "gov"]
)
"""Words that keep a following period when a sentence is read as tokens: "Mr.", "Gen.",
"Jr."."""

NAME_PARTICLES = frozenset(
    ["von", "van", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le", "bin",
     "ibn", "al", "el", "dos", "das", "ter", "st"]
)  # fmt: skip
"""Lower-case words inside a name ("Ursula von der Leyen")."""

ROLES = frozenset(
    [
        # people, one or many
        "official", "officials", "spokesman", "spokeswoman", "spokesperson", "spokespeople",
        "minister", "ministers", "president", "leader", "leaders", "envoy", "ambassador",
        "diplomat", "diplomats", "commander", "commanders", "officer", "officers",
        "analyst", "analysts", "expert", "experts", "lawmaker", "lawmakers", "legislator",
        "legislators", "senator", "senators", "source", "sources", "adviser", "advisers",
        "advisor", "advisors", "aide", "aides", "researcher", "researchers", "scientist",
        "scientists", "witness", "witnesses", "resident", "residents", "people", "person",
        "observer", "observers", "investigator", "investigators", "prosecutor",
        "prosecutors", "lawyer", "lawyers", "attorney", "attorneys", "doctor", "doctors",
        "activist", "activists", "critic", "critics", "organizer", "organizers",
        "organiser", "organisers", "forecaster", "forecasters", "economist", "economists",
        "secretary", "director", "chief", "head", "governor", "mayor", "sheriff", "judge",
        "general", "soldier", "soldiers", "veteran", "veterans", "others", "representative",
        "representatives", "negotiator", "negotiators", "authorities", "executive",
        "executives", "chairman", "chairwoman", "chair", "employee", "employees", "worker",
        "workers", "student", "students", "journalist", "journalists", "correspondent",
        "reporter", "police", "military", "army", "navy", "government", "governments",
        "administration", "ministry", "ministries", "agency", "agencies", "office",
        "department", "service", "services", "council", "committee", "commission",
        "court", "company", "companies", "firm", "firms", "utility", "group", "groups",
        "organization", "organisation", "institute", "center", "centre", "embassy",
        "kremlin", "pentagon", "parliament", "party", "campaign", "team", "union",
        "alliance", "coalition", "bank", "fund", "university", "hospital", "regulator",
        "regulators", "board", "statement", "report", "document", "documents", "study",
        "survey", "poll", "analysis", "assessment", "estimates", "estimate", "memo",
        "letter", "filing", "newspaper", "broadcaster", "outlet", "network", "channel",
        "website", "magazine", "paper", "intelligence", "unit", "staff", "side", "country",
        "countries", "state", "states", "nation", "nations", "allies", "partners",
        "colleague", "colleagues", "neighbor", "neighbors", "ally", "publication", "media",
        "spokespersons", "public", "families", "family", "relatives", "victims",
        "opposition", "bureau", "authority", "prosecutor's", "inspectors", "monitors",
        "monitor", "agencies", "ministries", "federation", "association", "foundation",
        "whistleblower", "whistleblowers", "author", "authors", "co-author", "co-authors",
        "challenger", "challengers", "candidate", "candidates", "sponsor", "sponsors",
        # occupations that speak for themselves ("says one ward manager")
        "manager", "managers", "nurse", "nurses", "teacher", "teachers", "surgeon",
        "surgeons", "engineer", "engineers", "consultant", "consultants", "pilot", "pilots",
        "owner", "owners", "member", "members", "parent", "parents", "passenger",
        "passengers", "survivor", "survivors", "miner", "miners", "farmer", "farmers",
        "pharmacist", "pharmacists", "trader", "traders", "economists",
    ]
)  # fmt: skip
"""Head nouns that can name a speaker without a capital letter ("the agency")."""

ORGANISATION_ROLES = frozenset(
    ["agency", "agencies", "ministry", "office", "department", "service", "council",
     "committee", "commission", "court", "company", "firm", "utility", "group",
     "organization", "organisation", "institute", "center", "centre", "embassy",
     "government", "administration", "military", "army", "navy", "police", "party",
     "campaign", "union", "alliance", "coalition", "bank", "fund", "university",
     "hospital", "regulator", "board", "newspaper", "broadcaster", "outlet", "network",
     "channel", "website", "magazine", "paper", "unit", "statement", "report", "document",
     "study", "survey", "country", "state", "nation", "opposition", "bureau", "authority",
     "federation", "association", "foundation", "agencies", "ministries"]
)  # fmt: skip
"""Roles that name a body, not a person: "the agency" resolves to an organisation."""

BODY_KINDS = tuple(
    word_set(words)
    for words in (
        "agency agencies service services intelligence bureau directorate administration "
        "authority inspectorate",
        "ministry ministries department office secretariat",
        "regulator watchdog commission board authority office inspectorate ombudsman",
        "company companies firm utility corporation operator manufacturer maker "
        "retailer carrier airline business inc",
        "bank fund lender",
        "newspaper broadcaster outlet network channel website magazine paper daily radio "
        "television news times press",
        "military army navy forces command unit brigade",
        "police force constabulary",
        "court tribunal",
        "party campaign opposition coalition alliance",
        "union unions federation association",
        "hospital clinic",
        "university institute college school centre center",
        "council committee assembly parliament",
        "organization organisation group foundation coalition association centre center",
        "embassy consulate mission",
        "government administration cabinet",
    )
)
"""The kinds of body a role names: "the agency" is a body holding one of agency,
service, intelligence... ("South Korea's National Intelligence Service"), or described
so before; never a ministry, never a bare place (resolve.py)."""

BRAND_ROLES = word_set("company firm manufacturer maker retailer operator carrier airline")
"""Roles a body named by its name alone can be: a company is written by its brand
("Halvane said … the company said"), an agency or a ministry never by a bare word."""

PLACE_ROLES = word_set("government country state nation")
"""Roles a bare place can be: "the government" may be "Pyongyang", "the agency" never."""

DOCUMENT_ROLES = frozenset(
    ["statement", "report", "document", "documents", "study", "survey", "poll", "analysis",
     "assessment", "estimates", "estimate", "memo", "letter", "filing", "records", "figures",
     "data", "statistics", "lawsuit", "complaint", "indictment", "manifest", "log", "filings"]
)  # fmt: skip
"""Roles that name a text, not a speaker: "the statement" is not resolved to anyone."""

SHOWING_FORMS = frozenset(["show", "shows", "showed"])
"""With a text that reports as subject ("industry data show"), a reporting verb."""

DOCUMENT_SOURCES = frozenset(
    ["records", "figures", "data", "statistics", "lawsuit", "complaint", "indictment",
     "manifest", "log", "filings"]
)  # fmt: skip
"""Texts that can end a source without being roles ("according to regulator records",
"according to official figures", "according to the complaint"); not roles, so a name
ending in one stays a name ("Moonline Records")."""

SOURCE_MODIFIERS = frozenset(
    [
        "senior", "top", "former", "current", "acting", "deputy", "chief", "military",
        "intelligence", "defense", "defence", "foreign", "state", "national", "security",
        "health", "local", "federal", "regional", "provincial", "municipal", "city",
        "county", "government", "police", "fire", "army", "naval", "air", "civil", "public",
        "official", "independent", "international", "western", "eastern", "unnamed",
        "anonymous", "other", "both", "press", "news", "communications", "company",
        "industry", "party", "opposition", "election", "electoral", "emergency", "rescue",
        "medical", "hospital", "court", "prison", "border", "customs", "trade", "economy",
        "finance", "financial", "energy", "justice", "interior", "transport",
        "transportation", "education", "environment", "environmental", "weather", "union",
        "campaign", "white", "house", "ministry", "agency", "treaty", "research", "legal",
        "science", "technical", "administration", "regime", "rebel", "separatist", "think",
        "tank", "u.s", "u.n", "e.u", "u.k",
    ]
)  # fmt: skip
"""Lower-case words that may stand before a role inside a source ("senior Ukrainian
official", "state news agency")."""

COMPOUND_MODIFIER_ENDS = frozenset(
    ["based", "run", "backed", "owned", "led", "appointed", "controlled", "affiliated"]
)
"""Hyphenated modifiers inside a source ("Kremlin-backed", "state-run", "Ohio-based")."""

NP_CONNECTORS = frozenset(["of", "and", "to", "for", "on", "at", "from", "&"])
"""Words that may join the parts of one source ("governments of South Korea and Ukraine",
"envoy to the U.N.", "Council on Foreign Relations")."""

PREPOSITIONS = frozenset(
    ["on", "in", "at", "of", "from", "with", "by", "for", "to", "about", "into", "onto",
     "over", "under", "through", "across", "among", "between", "against", "toward",
     "towards", "without", "within", "near", "like", "via", "per", "behind", "beyond"]
)  # fmt: skip
"""A phrase right after one of these is its object, not the subject of a verb after it
("A post shared on social media claimed…": the post claimed, not social media)."""

SOURCE_POSTMODIFIERS = frozenset(["of", "for", "with", "representing"])
"""Post-modifiers kept in a source: whose ("Lawyers for the plaintiffs", "Relatives of
the trapped men"), not where ("officials in Paris": annotators differ), an adjective
("familiar with") or a clause."""

POSTMODIFIER_STARTS = frozenset(
    ["who", "whose", "which", "that", "with", "at", "in", "from", "for", "of", "familiar",
     "close", "responsible", "involved", "based", "speaking", "representing", "working",
     "leading", "monitoring", "tracking", "briefed", "assigned", "appointed", "quoted",
     "cited", "interviewed", "reached", "contacted", "near", "inside", "within", "on",
     "under", "overseeing", "investigating", "following"]
)  # fmt: skip
"""What may follow a subject before its verb ("officials familiar with the matter said",
"a firefighter who asked not to be named told")."""

# ---------------------------------------------------------------- clause structure

AUXILIARIES = frozenset(
    ["is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had",
     "having", "do", "does", "did", "will", "would", "shall", "should", "can", "could",
     "may", "might", "must", "not", "don't", "doesn't", "didn't", "hasn't", "haven't",
     "hadn't", "won't", "wouldn't", "can't", "couldn't", "isn't", "aren't", "wasn't",
     "weren't", "shouldn't", "mustn't", "cannot", "'s", "'ve", "'d", "'ll"]
)  # fmt: skip
"""Skipped between a subject and its verb ("have been warning")."""

BE_FORMS = frozenset(
    ["is", "are", "was", "were", "be", "been", "being", "am", "isn't", "aren't", "wasn't",
     "weren't", "get", "got", "gets", "getting"]
)  # fmt: skip
"""Before a past participle: a passive ("was said to be"), which names no speaker."""

VERB_ADVERBS = frozenset(
    ["also", "initially", "first", "later", "previously", "still", "repeatedly", "publicly",
     "officially", "directly", "again", "recently", "earlier", "reportedly", "already",
     "now", "then", "separately", "privately", "just", "never", "flatly", "firmly",
     "strongly", "quickly", "angrily", "bluntly", "openly", "simply", "once", "often",
     "frequently", "consistently", "vehemently", "categorically", "immediately", "long",
     "has", "last", "this", "on", "late", "early", "further", "too", "yet", "not", "n't",
     "morning", "afternoon", "evening", "night", "week", "month", "year", "today",
     "yesterday", "tonight", "weekend", *WEEKDAY_NAMES, *MONTH_NAMES]
)  # fmt: skip
"""Adverbs and time words skipped between a subject and its verb ("U.S. officials on
Wednesday told", "Ukraine and South Korea first warned")."""

TIME_WORDS = frozenset(
    ["today", "yesterday", "tonight", "tomorrow", "morning", "afternoon", "evening", "night",
     "weekend", "week", "month", "year", *WEEKDAY_NAMES, *MONTH_NAMES]
) - {"may"}  # fmt: skip
"""Never part of a source ("the commission on Thursday said"). "May" is left out: it is
a name as often as a month."""

LEAD_INS = frozenset(
    ["but", "and", "or", "so", "yet", "however", "still", "meanwhile", "also", "then",
     "now", "first", "while", "when", "whereas", "if", "as", "after", "before", "although",
     "though", "because", "since", "until", "once", "where", "that", "which", "who",
     "whom", "what", "even", "only", "instead", "indeed", "moreover", "separately",
     "later", "earlier", "nor", "in", "on", "at", "for", "with", "by", "from", "of", "to",
     "into", "upon", "about", "over", "under", "during", "amid", "despite", "said",
     "according", "like", "unlike", "than", "not", "no"]
)  # fmt: skip
"""Clause openers that are never part of a source: dropped from its front."""

ADVERBIAL_OPENERS = frozenset(
    ["on", "in", "at", "after", "before", "during", "amid", "despite", "for", "upon", "over",
     "since", "by", "from", "with", "while", "when", "as", "if", "outside", "inside",
     "behind", "beside", "near", "across", "throughout", "following", "ahead", "within",
     "under", "against", "speaking", "asked", "earlier", "later"]
)  # fmt: skip
"""A sentence opening with one of these ("On Friday, …") starts with an adverbial, not
with its subject."""

SEGMENT_BOUNDARIES = frozenset(
    [",", ";", ":", "—", "–", "(", ")", "“", "”", '"', "‘", "|", "[", "]", "«", "»", "…"]
)
"""Punctuation that ends the clause in which a subject is looked for."""

QUOTE_CLOSERS = frozenset(["”", '"', "’", "»"])

# ---------------------------------------------------------------- is it a claim?

FURNITURE_OPENINGS = (
    r"read (?:more|entire|the full|full)\b",
    r"sign up\b",
    r"copyright\s*(?:©|\(c\)|\d{4})",
    r"(?:photos?|video|image|graphic|illustration)s?(?: by)?\s*:",
    r"(?:reporting|writing|editing|additional reporting|produced|edited) by\b",
    r"(?:updated|published|posted|created)(?: at| on)?\s+\S",
    r"(?:https?://|www\.)\S+\W*$",
    r"(?:follow us|click here|advertisement|share this|related:|see also|watch:)",
    r"(?:how we|our (?:coverage|team|reporting|journalists))\b",
)
"""Site furniture, bylines and credits, as a sentence opens (lower case): never claims."""

FURNITURE_ANYWHERE = (
    r"contributed (?:reporting|to this report)\b",
    r"comment policy\b",
    r"can be reached at\b",
    r"newsletter\b",
    r"subscribe\b",
    r"all rights reserved\b",
    r"editing by\b",
    r"via (?:reuters|ap|afp|getty|associated press)\b",
    r"this (?:article|story|report) (?:was|is|has been) (?:based|updated|corrected|amended)\b",
    r"comments (?:are|have been) (?:closed|disabled)\b",
    r"(?:an earlier|a previous) version of this (?:article|story)\b",
    r"wire (?:service|reports)\b",
    r"minutes? read\b",
)
"""Furniture anywhere in a sentence (lower case), each from a word boundary."""

COPYRIGHT_SIGN = "©"

BYLINE = (
    r"\W*By (?!(?:"
    + "|".join(name.capitalize() for name in (*WEEKDAY_NAMES, *MONTH_NAMES))
    + r")\b)[A-Z]"
)
"""A byline: "By Jenna Morales…" (case matters: "by then" is not one), not a time: "By
Saturday, the death toll had risen to 217, …" was furniture (qa7 Q10 f)."""

EMAIL = r"[\w.+-]+@[\w-]+\.[\w.]+"
"""An e-mail address: contact furniture ("can be reached at …")."""

SITE_VOICE_OPENERS = frozenset(["we", "our", "us"])
"""Outside quotation marks a sentence in the publication's own voice ("We monitor and
authenticate reports") describes the outlet, not the world."""

UNCERTAINTY_PATTERNS = (
    r"(?:it|this) (?:is|was|remains|remained)(?: still)?(?: not)? (?:un)?clear\b",
    r"(?:is|was|remains|remained) (?:not |still )?(?:immediately |yet )?"
    r"(?:clear|unclear|unknown)\b",
    r"could not (?:be )?(?:independently |immediately )?(?:verif|confirm)",
    r"cannot (?:be )?(?:independently )?(?:verif|confirm)",
    r"(?:remains|is left|left|yet) to be seen\b",
    r"there is (?:a|some) (?:possibility|chance)\b",
    r"mixed information\b",
    r"it is (?:possible|not known|unknown)\b",
    r"(?:is|are|was|were) (?:still )?(?:not (?:yet |immediately )?known|unknown)\b",
    r"(?:has|have|had) (?:still )?not (?:yet )?been (?:explained|established|determined)\b",
    r"(?:remains|is|was) an open question\b",
    r"no one knows\b",
    r"question\b[^.;]*\b(?:is|was|remains) (?:what|whether|how|why|who|when)\b",
)
"""Statements of uncertainty that assert nothing checkable (lower case, each from a word
boundary)."""

HEDGES = frozenset(
    ["could", "might", "may", "would", "likely", "possibly", "perhaps", "maybe", "guess",
     "expect", "expects", "hope", "hopes", "if", "whether", "unless", "should", "probably",
     "appear", "appears", "seem", "seems"]
)  # fmt: skip
"""Speculation: a sentence that only hedges asserts nothing checkable."""

EVALUATIVE = frozenset(
    ["clear", "important", "serious", "seriously", "concerning", "crucial", "challenge",
     "implications", "disaster", "better", "worse", "best", "worst", "good", "bad", "great",
     "heroically", "heroic", "luck", "capable", "matter", "appreciate", "underscore",
     "underscores", "importance", "deeply", "significantly", "dangerous", "escalatory",
     "reckless", "irresponsible", "unacceptable", "outrageous", "shameful", "welcome",
     "regret", "sad", "terrible", "wonderful", "tragic", "classic", "test", "testing",
     "trial", "right", "wrong", "fair", "unfair", "ready", "closely", "happy", "proud",
     "worried", "concerned", "frustrated", "hopeful", "confident", "sure"]
)  # fmt: skip
"""Evaluation and stance: a claim only with a checkable core (guideline)."""

DIRECTIVES = (
    r"we (?:call on|call for|urge|ask|demand|appeal|wish|hope|want)\b",
    r"let(?:'s| us)\b",
    r"please\b",
    r"my guess\b",
    r"we take (?:this|it|that)\b",
    r"i (?:think|believe|hope|feel|guess|wish)\b",
)
"""Appeals, wishes and personal opinion in the first person (lower case, each from a
word boundary)."""

PLEDGE_OPENING = r"\W*(?:i|we) (?:will|shall|'ll)\b"
"""A sentence opening with a first-person promise ("“I will fight this…”", "“We will not
impose any restrictions…”") states an intention, nothing checkable."""

IRREGULAR_PAST = frozenset(
    ["went", "came", "took", "gave", "made", "sent", "led", "fell", "rose", "began", "won",
     "lost", "fought", "left", "met", "held", "struck", "hit", "shot", "built", "brought",
     "bought", "sold", "paid", "spent", "found", "kept", "ran", "saw", "seen", "told",
     "said", "got", "stole", "stolen", "flew", "flown", "grew", "drew", "drove", "driven",
     "broke", "broken", "chose", "froze", "hid", "knew", "known", "laid", "lay", "overtook",
     "sank", "sought", "split", "spread", "stood", "swept", "taught", "thought", "threw",
     "thrown", "undertook", "withdrew", "wrote", "written", "fled", "bled", "beat",
     "beaten", "bore", "born", "burnt", "caught", "dealt", "fed", "felt", "forgave",
     "forgot", "hung", "lit", "meant", "quit", "rode", "rung", "set", "shut", "slid",
     "sped", "stuck", "stung", "swore", "sworn", "tore", "torn", "woke", "wore", "wound",
     "taken", "given", "done", "gone", "shown", "begun", "become", "became", "chosen",
     "fallen", "risen", "spoken", "sent", "won", "ate", "eaten", "arose", "arisen",
     "put", "cut",
     # regular, but too short for the "-ed" test ("16 people died": qa9 Q11)
     "died", "lied", "tied", "used", "owed", "eyed"]
)  # fmt: skip
"""Past tenses without -ed, or too short to be told by it: an event verb, the core of a
checkable claim."""

NUMBER_WORDS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds",
     "thousand", "thousands", "million", "millions", "billion", "billions", "dozen",
     "dozens", "half", "twice", "percent", "per"]
)  # fmt: skip
"""Figures written as words: a number is a checkable core."""

NEVER_NAMES = frozenset(
    ["a", "about", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from",
     "had", "has", "have", "he", "her", "his", "how", "i", "in", "into", "is", "it", "its",
     "me", "my", "no", "nor", "not", "of", "on", "or", "our", "she", "so", "some", "than",
     "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
     "to", "up", "us", "was", "we", "were", "what", "when", "where", "which", "while",
     "who", "why", "will", "with", "would", "you", "your", "if", "after", "before",
     "although", "because", "since", "yet", "both", "each", "every", "any", "all", "many",
     "most", "more", "such", "even", "only", "also", "just", "however", "meanwhile",
     "instead", "still", "despite", "during", "amid", "over", "under", "until", "upon",
     "among", "between", "against", "without", "within", "through", "across", "toward",
     "towards", "besides", "like", "unlike", "here", "now", "first", "last", "next"]
)  # fmt: skip
"""Words that are not names even when capitalised at the start of a sentence."""

# ---------------------------------------------------------------- peoples and places

DEMONYM_ADJECTIVES = {
    "north korean": "North Korean",
    "south korean": "South Korean",
    "russian": "Russian",
    "ukrainian": "Ukrainian",
    "american": "American",
    "korean": "Korean",
    "u.s": "American",
    "german": "German",
    "british": "British",
    "french": "French",
    "polish": "Polish",
    "chinese": "Chinese",
    "israeli": "Israeli",
    "palestinian": "Palestinian",
    "iranian": "Iranian",
}
"""A people as an adjective ("North Korean troops") -> its name: says who is counted."""

DEMONYM_PLURALS = {
    "north koreans": "North Korean",
    "south koreans": "South Korean",
    "russians": "Russian",
    "ukrainians": "Ukrainian",
    "americans": "American",
    "koreans": "Korean",
    "germans": "German",
    "britons": "British",
    "israelis": "Israeli",
    "palestinians": "Palestinian",
    "iranians": "Iranian",
}
"""A people as a plural noun ("11,000 North Koreans") -> its name: counts people."""

DEMONYMS = {**DEMONYM_ADJECTIVES, **DEMONYM_PLURALS}

PEOPLE_DEMONYMS = frozenset(plural.split()[-1] for plural in DEMONYM_PLURALS)
"""The last word of every plural demonym ("koreans", "britons"): a demonym as a plural
noun counts people: troops where the sentence is military ("11,000 North Koreans
dispatched"), else people ("6 million Ukrainians have fled")."""

TROOP_DEMONYMS = ("north koreans", "south koreans")
"""Plural demonyms that name the troops in the reports read here: a sentence naming them
counts its "people" as troops."""

SUBJECT_DEMONYMS = ("north korean", "south korean", "russian", "ukrainian")
"""The peoples a claim's subject is told apart by ("north korean troops" is not "russian
troops"): the sides of the war in the reports read here. Other peoples' troops are
"troops". Each is a DEMONYM_ADJECTIVES entry, and adding "s" gives its plural."""

COUNTRIES = {
    "north korea": "North Korean",
    "south korea": "South Korean",
    "russia": "Russian",
    "ukraine": "Ukrainian",
    "pyongyang": "North Korean",
    "moscow": "Russian",
    "kyiv": "Ukrainian",
    "united states": "American",
    "washington": "American",
    "germany": "German",
    "berlin": "German",
    "britain": "British",
    "london": "British",
    "france": "French",
    "paris": "French",
    "poland": "Polish",
    "warsaw": "Polish",
    "china": "Chinese",
    "beijing": "Chinese",
    "israel": "Israeli",
    "iran": "Iranian",
    "tehran": "Iranian",
}
"""A country or its capital -> the people it says are counted ("Pyongyang's 10,000")."""

CAPITALS = frozenset(["pyongyang", "moscow", "kyiv"])
"""Capitals among COUNTRIES that are not a country for where a figure is."""

COUNTRY_NAMES = (
    frozenset(key for key in COUNTRIES if key not in CAPITALS)
    | word_set(
        "europe asia africa gaza syria lebanon belarus lithuania latvia estonia finland "
        "sweden romania moldova georgia japan india pakistan afghanistan iraq turkey "
        "egypt sudan yemen taiwan america"
    )
    | {"the united states", "united states"}
)
"""Countries and larger areas: a figure for one is the whole, not a part of it."""

PLACE_SUFFIXES = ("region", "oblast", "province", "district", "governorate", "mission", "zone")
"""After a name, a part of a country or the ground of an operation ("the Kursk region",
"the Lake Tana mission", "the Sava flood zone")."""

WHERE_PREPOSITIONS = ("in", "to", "into", "toward", "towards", "near", "at", "on", "inside",
                      "across", "around", "along", "within", "of", "through", "throughout",
                      "outside")  # fmt: skip
"""Before a place a figure is in or bound for ("sent to Kursk", "in the Kursk region")."""

PLACE_PREPOSITIONS = frozenset(
    ["to", "in", "into", "from", "against", "toward", "towards", "with", "at", "on", "by"]
)
"""After one of these, a place name is a destination or setting, not whose people are
counted ("troops sent to Russia")."""

# ---------------------------------------------------------------- figures: what a number counts

TROOP_NOUNS = word_set(
    "troops troop soldiers soldier forces force personnel troopers fighters servicemen men "
    "mercenaries peacekeepers militants combatants marines paratroopers commandos conscripts"
)
"""Counted troops: `what` is "troops" for each."""
KILLED_WORDS = frozenset(["killed", "dead", "died", "deaths", "fatalities", "drowned"])
WOUNDED_WORDS = frozenset(["wounded", "injured", "hurt"])
CASUALTY_NOUNS = frozenset(["casualties", "casualty"])
BODY_NOUNS = frozenset(["bodies", "corpses"])
"""The dead counted as they are found: a part of all the dead, never more (qa15 Q3)."""
LIVES_NOUNS = frozenset(["lives"])
"""'The quake claimed 35 lives', 'cost 900 lives', '62 lives were lost': the dead, as news
counts them, in a sentence that says lives were taken (LIVES_TAKEN) and saves none
(SAVING_WORDS)."""
LIVES_TAKEN = word_set(
    "claimed claim claims claiming cost costs costing took take takes taking lost lose loses losing"
)
"""Verbs that take lives: "claimed 35 lives", "62 lives were lost" (not "changed 300 lives")."""
SAVING_WORDS = word_set("save saved saves saving rescue rescued protect protected spared")
"""'The vaccine saved 300 lives': lives kept, not lost."""
PEOPLE_NOUNS = frozenset(
    ["people", "persons", "refugees", "evacuees", "protesters", "demonstrators", "marchers",
     "residents", "inhabitants", "villagers", "spectators", "fans", "supporters", "attendees",
     "onlookers", "worshippers", "pilgrims", "visitors", "arrests", "detentions"]
)  # fmt: skip
"""Nouns counting people (the state, displaced or protesting, is read in measures.py)."""
CASUALTY_VERBS = {
    "killed": "killed",
    "killing": "killed",
    "kills": "killed",
    "injured": "wounded",
    "injuring": "wounded",
    "wounded": "wounded",
    "wounding": "wounded",
}
"""A verb right before a number makes it a casualty count ("the quake killed 52 people")."""
MILITARY_WORDS = word_set(
    "dispatched deployed deploy deployment combat front frontline battlefield army "
    "military trained training units brigade brigades contingent regiment"
)
"""Words that, with the troop nouns, make a sentence military."""
ARREST_WORDS = word_set("arrested arrest arrests detained detain detention")
"""In a sentence not otherwise military, "men" these words speak of are people."""
TIME_UNITS = word_set(
    "seconds second minutes minute hours hour days day weeks week months month years year "
    "decades decade centuries century am pm a.m. p.m."
)
"""A number before one of these is a duration or a clock time, not a count."""
MILE_WORDS = frozenset(["miles", "mile"])
KILOMETRE_WORDS = frozenset(["kilometers", "kilometres", "kilometer", "kilometre", "km"])
SQUARE_WORDS = frozenset(["square", "sq"])
"""Units of distance, and the word that makes them units of area ("400 square miles")."""
AREA_UNITS = {
    **dict.fromkeys(["hectares", "hectare", "ha"], "hectares"),
    **dict.fromkeys(["acres", "acre"], "acres"),
    **dict.fromkeys(["km2", "km²"], "square km"),
}
"""Units of area written as one word ("5,000 hectares")."""
SHORT_LENGTHS = {
    **dict.fromkeys(["metres", "meters", "metre", "meter"], "metres"),
    **dict.fromkeys(["feet", "foot", "ft"], "feet"),
}
"""Lengths compared as distances once converted ("a 20-metre wave", "66 feet")."""
MASS_UNITS = {
    **dict.fromkeys(["tonnes", "tonne", "tons", "ton"], "tonnes"),
    **dict.fromkeys(["kilograms", "kilogram", "kilos", "kg"], "kilograms"),
    **dict.fromkeys(["lb", "lbs"], "pounds"),
}
POWER_UNITS = {
    **dict.fromkeys(["megawatts", "megawatt", "mw"], "megawatts"),
    **dict.fromkeys(["gigawatts", "gigawatt", "gw"], "gigawatts"),
}
"""A plant's or a grid's power, compared in megawatts ("a capacity of 1.4 gigawatts",
"600 MW")."""
"""Weights, compared in tonnes ("900 tonnes of food", "250,000 kilograms")."""
WEIGHING_WORDS = word_set("weigh weighs weighed weighing weight scales")
"""A few words before "pounds" after a number, one of these makes it a weight, not money
("tipped the scales at 700 pounds", "weighing 12 pounds", "a weight of 40 pounds"; b19-26);
anywhere else in the sentence it does not ("Heavy flooding cost the council 20 million
pounds", "The bank weighs a cut as inflation costs households 900 pounds": rv20)."""
PERCENT_WORDS = frozenset(["percent", "pct"])
"""After a number, a percentage ("14 percent"; also "%" and "per cent")."""
COUNTED_SYNONYMS = {
    **dict.fromkeys(["houses", "dwellings", "households"], "homes"),
    **dict.fromkeys(["employees", "staff", "staffers", "workers"], "workers"),
    **dict.fromkeys(["ballots", "votes"], "votes"),
    **dict.fromkeys(["planes", "jets", "aircraft", "warplanes"], "aircraft"),
    **dict.fromkeys(["ships", "vessels", "boats"], "vessels"),
    **dict.fromkeys(["rockets", "missiles"], "missiles"),
    **dict.fromkeys(["asylum-seekers", "migrants"], "migrants"),
    **dict.fromkeys(["students", "pupils", "schoolchildren"], "students"),
    **dict.fromkeys(["lorries", "trucks"], "trucks"),
    **dict.fromkeys(["cars", "vehicles"], "vehicles"),
    **dict.fromkeys(["applications", "claims", "requests"], "applications"),
    **dict.fromkeys(["cases", "infections"], "cases"),
    **dict.fromkeys(["journalists", "reporters", "correspondents"], "journalists"),
    **dict.fromkeys(["prisoners", "inmates", "detainees"], "prisoners"),
    **dict.fromkeys(["hostages", "captives"], "hostages"),
    **dict.fromkeys(["passengers", "travellers", "travelers"], "passengers"),
    **dict.fromkeys(["doctors", "physicians"], "doctors"),
    **dict.fromkeys(["firms", "companies", "businesses"], "companies"),
    **dict.fromkeys(["shops", "stores"], "shops"),
    **dict.fromkeys(["jobs", "posts", "positions"], "jobs"),
    **dict.fromkeys(["buildings", "structures"], "buildings"),
    **dict.fromkeys(["children", "kids"], "children"),
    **dict.fromkeys(["tourists", "holidaymakers"], "tourists"),
    **dict.fromkeys(["drones", "uavs"], "drones"),
    **dict.fromkeys(["murders", "homicides"], "murders"),
    **dict.fromkeys(["flights", "departures"], "flights"),
}
"""Counted nouns outside the troop, casualty and people classes that count the same
thing: a figure of "houses" and one of "homes" are compared. Any other plural noun is a
class of its own ("tanks", "flights", "survivors")."""
PERSON_KINDS = {
    **dict.fromkeys(
        word_set(
            "miners dockers nurses doctors teachers drivers pilots farmers labourers laborers "
            "builders firefighters cleaners guards fishermen engineers medics paramedics "
            "journalists"
        ),
        "workers",
    ),
    **dict.fromkeys(
        word_set(
            "workers passengers patients survivors migrants students candidates participants "
            "runners customers tourists prisoners hostages athletes competitors volunteers "
            "tenants commuters shoppers"
        ),
        "people",
    ),
}
"""Counted nouns of people, each with the wider noun a report may say of the same people
("31 miners" and "17 workers" still trapped, "87 people" and "132 passengers" rescued,
"25,400 employees" and "18,000 people" employed): a noun and one wider than it may count
one group (conflicts.kin); two nouns under one wider ("miners", "dockers") never do.
Demographic parts ("children", "civilians") are not here: they are a part of people, not
another name for them."""
SPELLED_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
"""Numbers written in words ("Seventeen people died", "twenty-three", "two hundred")."""
COMPOUND_UNITS = {"one": 1, **{w: v for w, v in SPELLED_NUMBERS.items() if v < 10}}
"""The units a tens word takes after a hyphen ("forty-one"): "one" too, which alone is
too often no figure ("one of the", "one person") to be read as a number."""
VAGUE_NUMBERS = {
    "tens of thousands": 2e4, "hundreds of thousands": 2e5, "tens of millions": 2e7,
    "hundreds of millions": 2e8,
}  # fmt: skip
"""A vague count of an order of magnitude and the least it can mean ("tens of thousands
of people": at least 20,000), read as a lower bound. A plural alone ("thousands of",
"hundreds", "dozens") is not read: news uses it loosely, for "many" (the labelled pairs'
convention: "hundreds is not a figure")."""
UNIT_SIGNS = {
    "%": "percent", "km/h": "km/h", "kph": "km/h", "kmh": "km/h", "mph": "mph",
    "km²": "square km", "km2": "square km", "mile": "miles", "kilometer": "km",
    "kilometre": "km", "km": "km", "metre": "metres", "meter": "metres", "foot": "feet",
    "tonne": "tonnes", "ton": "tonnes", "megawatt": "megawatts", "gigawatt": "gigawatts",
}  # fmt: skip
"""A unit written as a sign or an abbreviation right after a number ("61%", "90 mph"),
or joined to it ("the 600-mile line") -> what the number counts."""
SPELLED_SCALES = {"dozen": 12, "hundred": 100}
"""After a number in words, besides MULTIPLIERS ("two hundred", "a dozen")."""
BACK_REFERENCES = frozenset(["it", "its", "they", "their", "we", "our"])
"""After "said": the speaker is also whose figure it is ("Britain said it would send")."""
BARE_SUBJECT_SKIPPED = word_set("were was have has had been are reportedly")
BARE_PEOPLE_VERBS = word_set(
    "fled evacuated displaced marched rallied protested demonstrated gathered arrested "
    "detained hospitalised hospitalized rescued missing"
)
"""A bare number right before one of these ("an estimated 15,000 marched", "300 were
arrested") counts people (a verb for the dead or wounded: those)."""
DEATH_NOUNS = frozenset(["dead", "deaths", "fatalities"])
TOLL_LINKS = word_set("to at reached hit was is stood stands totalled totaled numbered")
"""'Deaths from the heatwave rose to 212', 'the number of dead reached 64': a bare number
right after one of these, with a noun for the dead not far before, counts the dead."""
TOTAL_VERBS = word_set(
    "rose risen rise rises climbed climbs jumped increased grew grown soared surged "
    "stood stands stand reached reaches hit topped tops totalled totaled totals numbered "
    "numbers exceeded passed fell fallen dropped declined decreased plunged"
)
"""Verbs (with "to" or "at" after some) that state a total: "the toll has risen to 21",
"cases stand at 1,200", "arrests topped 300"."""
TOTAL_LINKS = word_set("to at")
TOTAL_ADVERBS = word_set("now already nearly almost just")
TOTAL_REACH = 14
"""How far back in its clause a verb of totals looks for what is counted."""
MULTIPLES = {"doubled": 100.0, "tripled": 200.0, "trebled": 200.0, "quadrupled": 300.0,
             "halved": 50.0}  # fmt: skip
"""A change by a multiple as the percentage it is: "prices doubled" rose 100%, "tripled"
200%, "halved" fell 50% (MULTIPLES_DOWN)."""
MULTIPLES_DOWN = frozenset(["halved"])
MULTIPLYING_VERBS = frozenset(MULTIPLES)
"""Verbs of a change by a multiple, which state a total only with "to" after them
("cases doubled to 9,000"); alone they give a rise, not a count."""

CHANGE_WORDS = word_set(
    "by a an half third quarter fifth tenth percent per cent point points nearly almost "
    "about some roughly around more than over in during last this the year years month "
    "months week quarter first second fourth compared"
)
"""Words of a change's size and period between a verb of totals and "to" ("rose 14% in
2025 to", "fell by a fifth last year to"); numbers are no words, so "14%" and "2025" are
passed by themselves. A word of any other kind (a place, a name) ends the reading."""
CHANGE_REACH = 6
"""How many such words may stand between the verb and "to"."""
TOLL_WORDS = frozenset(["toll"])
"""'put the death toll at 23', 'the toll rose to 41': a bare number after one counts the
dead."""

FIGURE_PHRASE_STOPS = (
    FUNCTION_WORDS
    | PREPOSITIONS
    | word_set("almost around down each every i last least less nearly next off out plus under up")
)
"""Where the words after a figure stop being what it counts: reading "10,000 North
Korean troops" goes on, "10,000 of them" stops at "of", "600 schools across the country"
at "across" (a preposition is never the counted noun, though it may end in "s")."""

MULTIPLIERS = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "bn": 1e9,
}
"""A number's multiplier as written ("1.2 million", "$5bn"; "k" and "m" only after a
currency sign)."""
CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
CURRENCY_CODES = word_set(
    "usd eur gbp jpy chf cny inr sek nok dkk czk pln huf zar ils rub aud cad nzd hkd sgd "
    "brl mxn krw"
)
"""Currency codes written before a number as a sign is ("SEK 5.6bn", "EUR 3 million"),
here in lower case as every word list is (not TRY: "TRY 5 TIPS" in a headline)."""
CURRENCY_WORDS = {
    **dict.fromkeys(["dollars", "dollar", "usd"], "USD"),
    **dict.fromkeys(["euros", "euro", "eur"], "EUR"),
    **dict.fromkeys(["pounds", "pound", "sterling", "gbp"], "GBP"),
    **dict.fromkeys(["rubles", "ruble", "roubles", "rouble"], "RUB"),
    **dict.fromkeys(["yen"], "JPY"),
    **dict.fromkeys(["francs", "franc"], "CHF"),
    **dict.fromkeys(["yuan", "renminbi"], "CNY"),
    **dict.fromkeys(["rupees", "rupee"], "INR"),
    **dict.fromkeys(["kroner", "krone", "kronor", "krona"], "SEK"),
    **dict.fromkeys(["crowns", "crown", "koruna"], "CZK"),
    **dict.fromkeys(["lira", "liras", "lire"], "TRY"),
    **dict.fromkeys(["zloty", "zlotys", "zlotych"], "PLN"),
    **dict.fromkeys(["forints", "forint"], "HUF"),
    **dict.fromkeys(["dinars", "dinar"], "DIN"),
    **dict.fromkeys(["pesos", "peso"], "PESO"),
    **dict.fromkeys(["rand"], "ZAR"),
    **dict.fromkeys(["shekels", "shekel"], "ILS"),
}
"""A currency written as a word after the number ("45 million euros", "a 4.5 million euro
fine", "a 20 million dollar contract")."""
QUALIFIERS = {
    "no more than": "upper",
    "not more than": "upper",
    "no fewer than": "lower",
    "not fewer than": "lower",
    "no less than": "lower",
    "not less than": "lower",
    "at most": "upper",
    "at least": "lower",
    "more than": "lower",
    "just over": "lower",
    "well over": "lower",
    "just under": "upper",
    "under": "upper",
    "over": "lower",
    "upwards of": "lower",
    "exceeding": "lower",
    "in excess of": "lower",
    "up to": "upper",
    "as many as": "upper",
    "as much as": "upper",
    "fewer than": "upper",
    "less than": "upper",
    "nearly": "upper",
    "almost": "upper",
    "about": "approximate",
    "around": "approximate",
    "approximately": "approximate",
    "roughly": "approximate",
    "some": "approximate",
    "an estimated": "approximate",
    "estimated": "approximate",
    "a maximum of": "upper",
    "a minimum of": "lower",
}
"""Qualifier as written -> bound: the figure is a lower bound, upper bound or estimate.
A negated comparison is the other bound ("no more than 800 tonnes" is at most 800: qa9 Q1)."""
AFTER_QUALIFIERS = {
    "or more": "at least",
    "or over": "at least",
    "-plus": "at least",
    "+": "at least",
    "or so": "about",
    "or fewer": "up to",
    "or less": "up to",
}
"""A qualifier written after its number ("300 or more people", "300-plus", "300 or so")
-> the qualifier before a number that says the same: the figure's bound."""
NEAR_BELOW = frozenset(["nearly", "almost", "just under"])
NEAR_ABOVE = frozenset(["just over"])
"""A qualifier for a figure just over the number: "just over a third" is 33-37 percent."""
"""Qualifiers for a figure just under the number: "nearly 190,000" is 171,000-190,000."""

# ---------------------------------------------------------------- figures: what a number measures

PLANNED = word_set(
    "promised promise promises pledged pledge pledges plans plan planned planning "
    "expected expect expects will would could might shall intends intend intended "
    "proposed propose offered considering prepared sought seek seeks seeking requested "
    "demanded demanding aims aim aiming"
)
"""Words that make a figure a promise, a plan or an expectation, not an event."""
STATES: dict[str, dict[str, str]] = {
    "troops": {
        **dict.fromkeys(
            word_set(
                "sent send sends sending dispatched dispatch dispatching deployed deploy "
                "deploys deploying deployment arrived arrive arrives arriving traveled "
                "travelled traveling travelling moved moving moves massed amassed massing "
                "stationed based fighting fight fought fights training trained engaged entered "
                "crossed transferred assembled serving operating posted"
            ),
            "sent",
        ),
        **dict.fromkeys(["captured", "surrendered", "prisoners", "prisoner"], "captured"),
    },
    "area": {
        **dict.fromkeys(
            word_set(
                "captured capture captures seized seize took taken gained gain won liberated "
                "advanced grabbed"
            ),
            "captured",
        ),
        **dict.fromkeys(
            word_set(
                "holds hold held controls control controlled controlling occupies occupied "
                "occupy occupying still"
            ),
            "held",
        ),
        **dict.fromkeys(["lost", "recaptured", "retook", "retaken", "ceded", "regained"], "lost"),
        **dict.fromkeys(word_set("burned burnt burning scorched charred consumed"), "burned"),
    },
    "distance": {
        **dict.fromkeys(
            word_set(
                "flew fly flies flying flown travelled traveled travelling traveling travels "
                "drove driven driving walked walking marched sailed covered ran advanced "
                "penetrated"
            ),
            "travelled",
        ),
        **dict.fromkeys(
            word_set(
                "away from outside off short north south east west northeast northwest "
                "southeast southwest north-east north-west south-east south-west within "
                "distance approach closest"
            ),
            "away",
        ),
        **dict.fromkeys(word_set("range reach"), "range"),
        **dict.fromkeys(word_set("high tall height towering"), "height"),
        **dict.fromkeys(
            word_set(
                "long wide deep stretched stretches stretching extends extended extending "
                "spans spanned spanning radius zone perimeter cordon length"
            ),
            "extent",
        ),
    },
    "speed": {
        **dict.fromkeys(
            word_set(
                "driving going travelling traveling moving flying running doing clocked "
                "cruising speeding drove went travelled traveled moved flew ran"
            ),
            "moving",
        ),
        **dict.fromkeys(word_set("winds wind gusts gust"), "wind"),
    },
    "people": {
        **dict.fromkeys(
            word_set(
                "displaced fled flee fleeing evacuated evacuate uprooted refugees evacuees "
                "forced moved relocated driven"
            ),
            "displaced",
        ),
        **dict.fromkeys(
            word_set(
                "joined attended marched rallied protested demonstrated gathered protesters "
                "demonstrators marchers protest rally march demonstration crowd crowds watched "
                "spectators attendance audience attendees turned"
            ),
            "protesting",
        ),
        **dict.fromkeys(
            [
                "detained",
                "arrested",
                "jailed",
                "detain",
                "arrest",
                "detainees",
                "arrests",
                "detentions",
            ],
            "detained",
        ),
        **dict.fromkeys(
            word_set("hospitalised hospitalized hospitalisation hospitalization hospital admitted"),
            "hospitalised",
        ),
        **dict.fromkeys(word_set("missing unaccounted"), "missing"),
        **dict.fromkeys(
            word_set("population populations populated live lives living inhabited"),
            "population",
        ),
        **dict.fromkeys(word_set("holds hold capacity room seats seating accommodate"), "capacity"),
    },
}
"""Per unit class, the words that say which event a figure counts (a distance: a way gone,
how far apart, a reach, or the extent of something: "a 3-mile exclusion zone"; a speed:
something moving, or the wind)."""
CLAUSE_REPORTING = word_set(
    "said says say saying told tells reported reports report according estimates "
    "stated claimed claims added confirmed believes believed warned that"
)
"""Words after which a new clause about a figure starts ("General Ryder said that").
Narrower than REPORTING_VERBS on purpose: beside a figure "states", "notes" and "calls"
are as often nouns ("the United States")."""
INCREMENTS = frozenset(["another", "additional", "extra", "further", "more", "new", "fresh"])
"""'another 1,000': a figure for what is added, not for all."""
GENERIC_MODIFIERS = word_set(
    "military armed active duty active-duty regular combat ground foreign uniformed "
    "total and or of the strong"
)
"""Words between a number and its noun that do not make it a part of the whole ("strong"
of "a 3,000-strong force" sizes it)."""
EVENT_NOUNS = word_set(
    "attack attacks strike strikes offensive war bombing bombings raid raids assault invasion "
    "massacre shooting shootings storm hurricane typhoon cyclone flood floods flooding fire "
    "fires wildfire blaze quake earthquake blast explosion crash collapse landslide election "
    "elections vote referendum protest protests march rally talks summit deal breach spill "
    "robbery heist siege ceasefire"
)
"""After a capitalised name, an event named after its author or its setting ("in the
Hamas attack", "in the Sava flood"): the name is not where the figure is."""
IRREGULAR_VERBS: dict[str, tuple[str, ...]] = {
    "take": ("taken", "took", "takes", "taking", "take"),
    "steal": ("stolen", "stole", "steals", "stealing", "steal"),
    "lose": ("lost", "loses", "losing", "lose"),
    "send": ("sent", "sends", "sending", "send"),
    "pay": ("paid", "pays", "paying", "pay"),
    "win": ("won", "wins", "winning", "win"),
    "hold": ("held", "holds", "holding", "hold"),
    "hide": ("hidden", "hid", "hides", "hiding", "hide"),
    "have": ("had", "has", "have", "having"),
    "flee": ("fled", "flees", "fleeing", "flee"),
    "fly": ("flown", "flew", "flies", "flying", "fly"),
    "drive": ("driven", "drove", "drives", "driving", "drive"),
    "run": ("run", "ran", "runs", "running"),
    "sell": ("sold", "sells", "selling", "sell"),
    "buy": ("bought", "buys", "buying", "buy"),
    "build": ("built", "builds", "building", "build"),
    "spend": ("spent", "spends", "spending", "spend"),
    "cut": ("cut", "cuts", "cutting"),
    "shed": ("shed", "sheds", "shedding"),
    "lay": ("laid", "lays", "laying", "lay"),
    "let": ("let", "lets", "letting"),
    "get": ("got", "gotten", "gets", "getting", "get"),
    "give": ("given", "gave", "gives", "giving", "give"),
    "bring": ("brought", "brings", "bringing", "bring"),
    "find": ("found", "finds", "finding", "find"),
    "keep": ("kept", "keeps", "keeping", "keep"),
    "fall": ("fallen", "fell", "falls", "falling", "fall"),
    "rise": ("risen", "rose", "rises", "rising", "rise"),
    "grow": ("grown", "grew", "grows", "growing", "grow"),
    "go": ("gone", "went", "goes", "going", "go"),
    "make": ("made", "makes", "making", "make"),
    "hit": ("hit", "hits", "hitting"),
    "shoot": ("shot", "shoots", "shooting", "shoot"),
    "draw": ("drawn", "drew", "draws", "drawing", "draw"),
    "leave": ("left", "leaves", "leaving", "leave"),
    "set": ("set", "sets", "setting"),
    "see": ("seen", "saw", "sees", "seeing", "see"),
    "do": ("done", "did", "does", "doing", "do"),
    "come": ("come", "came", "comes", "coming"),
    "break": ("broken", "broke", "breaks", "breaking", "break"),
    "sweep": ("swept", "sweeps", "sweeping", "sweep"),
    "sit": ("sat", "sits", "sitting", "sit"),
}
"""Verbs whose forms -ed/-ing/-s stripping cannot find: base -> (its past participle,
then its other forms)."""
VERB_FORMS = _forms(IRREGULAR_VERBS)
"""Every form of IRREGULAR_VERBS -> its base."""
NOT_VERBS = word_set(
    "according including during following regarding concerning excluding involving "
    "remaining morning evening nothing something anything thing king spring ring bring "
    "wing ceiling wedding red bed need speed feed seed hundred kindred shed led bled fed"
)
"""Words ending in -ed or -ing that are not the verb a figure is the object or subject of."""
EVENTS = _forms(
    {
        "fought": ["fight", "battle", "tackle", "combat"],
        "detained": ["detain", "arrest"],
        "destroyed": ["destroy", "burn", "raze", "flatten", "level", "demolish", "wreck",
                      "collapse", "gut", "obliterate"],
        "damaged": ["damage"],
        "affected": ["affect", "expose", "compromise", "leak", "impact", "breach"],
        "joined": ["join", "attend", "participate", "march", "rally"],
        "cancelled": ["cancel", "scrap", "ground", "axe"],
        "cut": ["cut", "eliminate", "shed", "slash", "lay"],
        "received": ["receive", "win", "take", "claim", "garner", "secure", "obtain", "get",
                     "poll", "file", "submit", "lodge"],
        "delivered": ["deliver", "send", "ship", "supply", "provide", "give", "donate",
                      "transfer", "hand"],
        "lost": ["lose"],
        "arrived": ["arrive", "reach", "cross", "land", "enter"],
        "rescued": ["rescue", "save", "pull", "free", "release"],
        "abducted": ["abduct", "kidnap"],
        "recalled": ["recall"],
        "sold": ["sell"],
        "had": ["have", "hold", "own", "possess", "operate", "field", "boast", "count", "house"],
        "recorded": ["record", "report", "register", "log", "document", "confirm", "show",
                     "tally", "detect", "diagnose"],
        "seized": ["seize", "confiscate", "intercept"],
        "launched": ["launch", "fire"],
        "built": ["build", "construct"],
        "hired": ["hire", "employ", "recruit"],
        "infected": ["infect"],
        "vaccinated": ["vaccinate", "inoculate"],
        "stolen": ["steal", "loot", "rob", "pilfer", "snatch", "plunder"],
        "carried": ["carry", "handle", "transport", "ferry"],
    }
)  # fmt: skip
"""Base verb -> the event its figure counts, where verbs name one event: "joined the
strike" and "took part in the strike" count the same workers. A verb not listed is its
own event."""
TERM_VERBS = _forms(
    {
        "sentence": ["sentenced", "jailed", "imprisoned", "sentencing", "jailing", "jails",
                     "imprisons"],
        "delay": ["delayed", "postponed", "delaying"],
        "ban": ["banned", "suspended", "barred"],
    }
)  # fmt: skip
"""Verbs whose measure is a length of time with no event named ("sentenced ... to 12
years", "jailed for eight years", "delayed by nearly five hours", "banned for two
years"): a duration after one is that term, of the one named before it."""
EVENT_PHRASES = {
    "take part": "joined",
    "lay off": "cut",
    "let go": "cut",
    "set aside": "set aside",
    "make off": "stolen",
    "get away": "stolen",
    "carry off": "stolen",
    "pass through": "carried",
    "take into": "detained",
    "walk out": "joined",
    "walk off": "joined",
    "stop work": "joined",
    "down tools": "joined",
    "come through": "arrived",
    "come across": "arrived",
    "break out": "escaped",
    "end up": "received",
    "sweep away": "destroyed",
    "wash away": "destroyed",
    "hit by": "affected",
}
"""Two-word verbs: "base particle" -> event ("made off with 57 paintings" is stealing
them, "12 million passengers passed through" an airport is carrying them, "taken into
custody" is detained, "walked out" is joining a strike, homes "swept away" or "washed away"
are destroyed, customers "hit by" an outage are affected by it: b19-42, b19-48)."""
MONEY_KINDS = {
    **dict.fromkeys(word_set("fine fines fined penalty penalties"), "fine"),
    **dict.fromkeys(word_set("aid assistance package"), "aid"),
    **dict.fromkeys(word_set("shortfall deficit gap"), "shortfall"),
    **dict.fromkeys(word_set("budget budgets approved allocated earmarked appropriated"),
                    "budget"),
    **dict.fromkeys(word_set("damage"), "damage"),
    **dict.fromkeys(word_set("loan loans lent"), "loan"),
    **dict.fromkeys(word_set("debt debts owed owes owe"), "debt"),
    **dict.fromkeys(word_set("ransom"), "ransom"),
    **dict.fromkeys(word_set("bail"), "bail"),
    **dict.fromkeys(word_set("damages compensation settlement settle settled settling"),
                    "settlement"),
    **dict.fromkeys(word_set("revenue revenues sales turnover"), "revenue"),
    **dict.fromkeys(word_set("profit profits earnings"), "profit"),
    **dict.fromkeys(word_set("loss losses"), "loss"),
    **dict.fromkeys(word_set("salary salaries wages wage pay bonus bonuses earn earns earning"),
                    "pay"),
    **dict.fromkeys(word_set("price prices fee fees sold fetched buy bought buying acquire "
                             "acquired takeover acquisition purchase"), "price"),
    **dict.fromkeys(word_set("cost costs costing bill"), "cost"),
    **dict.fromkeys(word_set("cut cuts reduction reductions"), "cut"),
    **dict.fromkeys(word_set("funding grant grants"), "funding"),
    **dict.fromkeys(word_set("donation donations donated"), "donation"),
    **dict.fromkeys(word_set("bribe bribes bribery"), "bribes"),
    **dict.fromkeys(word_set("investment investments invested invest"), "investment"),
    **dict.fromkeys(
        word_set(
            "stole stolen steal stealing embezzled embezzling siphoned defrauded "
            "misappropriated looted robbery heist theft haul"
        ),
        "stolen",
    ),
    **dict.fromkeys(word_set("raised raise raising"), "raised"),
    **dict.fromkeys(word_set("spent spend spending"), "spent"),
    **dict.fromkeys(word_set("paid paying"), "paid"),
    **dict.fromkeys(word_set("tax taxes"), "tax"),
    **dict.fromkeys(word_set("remaining left"), "remaining"),
    **dict.fromkeys(word_set("reward bounty"), "reward"),
    **dict.fromkeys(word_set("contract deal"), "deal"),
}  # fmt: skip
"""Words near a sum of money -> what the money is: two sums are compared only when they
are the same kind (a fine and a fine, not a fine and the costs set aside)."""
PERCENT_DIRECTIONS = {
    **dict.fromkeys(
        word_set(
            "fell fall falls falling dropped drop drops declined decline declines decreased "
            "slipped slumped shrank shrunk contracted plunged tumbled sank lost eased "
            "slowed cooled moderated"
        ),
        "down",
    ),
    **dict.fromkeys(
        word_set(
            "rose rise rises rising grew grow grows increased increase increases climbed "
            "jumped gained surged soared expanded accelerated quickened"
        ),
        "up",
    ),
    **dict.fromkeys(word_set("was were is are stood stands reached hit at of"), "level"),
    **dict.fromkeys(
        word_set(
            "raised raises raise lifted lifts hiked hikes cut cuts lowered lowers reduced "
            "reduces trimmed slashed set sets kept keeps left held holds"
        ),
        "set",
    ),
    **dict.fromkeys(
        word_set("won wins took takes received receives got secured garnered polled"), "level"
    ),
}
"""Before a percentage: a change (down, up) or a level ("turnout was 61 percent"; "rose
to 7.5 percent" is a level too)."""
MARGIN_WINS = word_set(
    "won win wins winning beat beats beating beaten defeated defeats led leads leading "
    "edged ahead trailed trails lost loses"
)
"""Before "by" and a figure: the figure is a margin ("won the race by 412 votes"), not
a count of votes won."""
MARGIN_NOUNS = word_set("margin margins lead")
"""Before a figure in its clause: the figure is a margin ("her margin of victory was 214
votes")."""
NOT_PEOPLE_EVENTS = frozenset(["had"])
"""Events that say nothing about people counted ("the town has 10,000 people"): people
are compared by what happened to them (rescued, affected, vaccinated), never by these."""
FORCE_POSSESSING = word_set("has have had having boasts fields numbers counts")
"""Right before a troop figure that nothing places: the force's own size ("Hezbollah
says it has 100,000 fighters")."""
NOT_PLACE_NAMES = word_set("the a an this that its their")
"""Capitalised at the start of a sentence, never a place's name ("The mission has")."""
NOT_SUBJECTS = word_set(
    "first second third last next new other several many few all both each his her our "
    "north south east west currently now still also just reportedly already"
)
"""Skipped, with the function words and generic modifiers, on the way to the noun a
distance, speed or percentage is of ("the first North Korean troops traveled")."""
MONEY_PAYING = word_set("pay pays paid paying buy buys bought buying acquire acquires acquired")
"""Right before a sum (past articles): it is a price paid ("to pay $3 billion for the
group", "agreed to buy it for $4.5 billion" once "for" is read)."""
MONEY_PREPOSITIONS = word_set("in for of from as")
"""Between a sum and the noun that says what it is ("$400 million in aid")."""
BEFORE_EVENT_SKIPPED = word_set(
    "a an the some its their his her our another additional extra further more than "
    "currently now already also still just reportedly allegedly nearly almost"
)
"""Between a verb and the counted thing it is done to ("pulled some 41 survivors")."""
STATE_PHRASES = {"on strike": "joined"}
"""A state said with a preposition after "be" or a verb of going ("were on strike", "went
on strike"): the event its figure counts, as a verb's would ("joined the strike")."""
GOING_VERBS = word_set("go goes going went gone come comes came coming remain remained stay")
"""Verbs before a state phrase that mean being in that state ("went on strike")."""
VERB_PARTICLES = word_set("off aside out up down back part over")
"""After a verb, making a two-word one ("laid off", "took part")."""
AFTER_EVENT_SKIPPED = word_set(
    "is are was were be been being has have had will would could may might shall should "
    "can currently now already also still just reportedly allegedly reported believed "
    "thought said expected to remain remains remained stay stays stayed"
)
"""Between a counted thing and the verb it is the subject of ("buildings were
reportedly destroyed"); "expected to" makes the event planned, which is read before."""
PERIODS = frozenset(["day", "week", "month", "year", "night", "hour"])
RATE_WORDS = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "annually": "year",
    "annual": "year",
    "yearly": "year",
}
"""'1,500 a day', '1,500 daily': a rate, not a total."""
UNIT_PRICES = {
    **dict.fromkeys(word_set("litre litres liter liters"), "litre"),
    **dict.fromkeys(word_set("gallon gallons"), "gallon"),
    **dict.fromkeys(word_set("barrel barrels"), "barrel"),
    **dict.fromkeys(word_set("kilo kilos kilogram kilograms kg"), "kg"),
    **dict.fromkeys(word_set("tonne tonnes ton tons"), "tonne"),
    **dict.fromkeys(word_set("share shares"), "share"),
    **dict.fromkeys(word_set("ticket tickets"), "ticket"),
    **dict.fromkeys(word_set("head person"), "each"),
}
"""'1.79 lira a litre', '$80 a barrel': a price per unit, not a sum."""

# ---------------------------------------------------------------- claims: what a quote is about

CLAIM_STOP_WORDS = FUNCTION_WORDS | word_set(
    "according added after also before can could even her his if just may might only "
    "other our said say says still tells told very what when where while whom will would"
)
"""Too common to say what a claim is about: reporting verbs, modal and linking words
(the claim ledger compares the rest)."""

ARMS_NOUNS = ("arms", "weapons", "munitions", "shells", "missiles", "artillery", "ammunition")
"""A claim about any of these is about "arms" (as one about troop nouns is about troops)."""

# ---------------------------------------------------------------- sources: who is speaking

NAMED_BODIES = word_set("kcna kremlin pentagon reuters tass yonhap")
"""Bodies known by name (a word of ORGANISATION_WORDS that is a name, not a kind)."""

COMPANY_TRADES = word_set(
    "holdings industries technologies transport airlines airways shipping logistics ferries"
)
"""The last word of a company's name that says its trade ("Lakeline Transport", "Norvik
Airlines"): the name is a body's, never a person's (qa15 Q5)."""

BODY_KIND_WORDS = word_set("agency news newspaper press service wire")
"""Words after a body's name that say what kind of body it is ("Yonhap News Agency"):
the name alone is the same source (sources/grouping.py). Not "times" or "post" ("New
York Times", "New York Post"), which name two papers of one city."""

BODY_WORDS_ELSEWHERE = word_set(
    # Spanish, Portuguese, French, Italian, German: the bodies foreign news names in its
    # own language ("Policía Nacional", "Agencia Española de Protección de Datos")
    "agencia agência agence agenzia agentur policía polícia polizia polizei "
    "ministerio ministério ministère ministero ministerium gobierno governo gouvernement "
    "regierung tecnologías tecnologias tecnologie technologien grupo groupe gruppo gruppe "
    "instituto institut istituto universidad universidade université università "
    "universität servicio serviço servizio guardia gendarmerie ejército exército armée "
    "esercito comisión comissão commissione kommission consejo conselho conseil consiglio "
    "fiscalía ayuntamiento prefeitura mairie comune partido parti partito partei sindicato "
    "syndicat sindacato gewerkschaft banco banque banca compañía companhia compagnie "
    "compagnia empresa entreprise azienda fundación fundação fondation fondazione stiftung"
)
"""Words of a body's name in the other languages news quotes most (qa14 Q15: "Policía
Nacional" and "Tecnologías Guadalquivir" were typed as people), read as the English
ones of ORGANISATION_WORDS are."""

ORGANISATION_WORDS = (
    word_set(
        # bodies
        "administration agency army assembly authorities authority bureau center centre "
        "command commission committee company corporation council court department embassy "
        "forces government group inc institute intelligence media military ministry nations "
        "navy news newspaper office officials organisation organization parliament party "
        "police press service sources times union university "
    )
    | COMPANY_TRADES
    | BODY_WORDS_ELSEWHERE
    | NAMED_BODIES
    | {"white house", "red cross", "red crescent"}
)
"""A source holding one of these words names a body, not a person: ClaimReview types
its author an Organization (a whole-word match, so "white house" is one), and source
grouping never clusters it with a person's name."""

SOURCE_GROUP_WORDS = (
    ORGANISATION_WORDS
    | word_set("official others experts analysts lawmakers estimates staff")
    | PEOPLE_DEMONYMS
    | word_set("united states ukraine russia korea washington seoul moscow kyiv pyongyang beijing")
)
"""A source holding one of these words is a group, never one person: bodies, people in
the plural or unnamed ("a senior official"), peoples and the places that speak for them
("Seoul"). ClaimReview still calls "a Ukrainian official" a Person: only
ORGANISATION_WORDS make an Organization."""

ROLES_BEFORE_A_NAME = (
    TITLES
    - word_set(
        "foreign defense defence interior finance health acting former state vice prime field "
        "rear deputy"
    )
) | word_set("official lawyer")
"""Words of a role one person holds, after which a source may give that person's name
("Kremlin spokesman Dmitry Peskov"); not the words that only qualify a role ("Foreign")."""

NAME_PREFIXES = (
    TITLES
    | {word for adjective in DEMONYM_ADJECTIVES for word in adjective.split()}
    | word_set(
        "the us u.k uk air force army navy marine marines senior national security "
        "korea's ukraine's russia's"
    )
)
"""Words before a name that are not part of it: titles, peoples, services ("Air Force
Maj. Gen. Pat Ryder", "Ukrainian President Volodymyr Zelensky"): source grouping strips
them to compare people by their names."""

# ---------------------------------------------------------------- figures: which event, which day

EVENT_KINDS = {
    **dict.fromkeys(word_set("earthquake earthquakes quake quakes tremor temblor"), "quake"),
    **dict.fromkeys(word_set("aftershock aftershocks"), "aftershock"),
    **dict.fromkeys(
        word_set("storm storms hurricane hurricanes typhoon typhoons cyclone cyclones"), "storm"
    ),
    **dict.fromkeys(word_set("tornado tornadoes twister"), "tornado"),
    **dict.fromkeys(word_set("hailstorm hailstorms"), "hailstorm"),
    **dict.fromkeys(word_set("flood floods flooding flooded floodwaters deluge"), "flood"),
    **dict.fromkeys(
        word_set("fire fires wildfire wildfires blaze blazes bushfire bushfires inferno"), "fire"
    ),
    **dict.fromkeys(word_set("landslide landslides mudslide mudslides"), "landslide"),
    **dict.fromkeys(word_set("heatwave heatwaves"), "heatwave"),
    **dict.fromkeys(word_set("drought droughts"), "drought"),
    **dict.fromkeys(word_set("avalanche avalanches"), "avalanche"),
    **dict.fromkeys(
        word_set(
            "bombing bombings blast blasts explosion explosions exploded attack attacks "
            "attacked assault"
        ),
        "attack",
    ),
    **dict.fromkeys(word_set("shooting shootings"), "shooting"),
    **dict.fromkeys(word_set("stabbing stabbings"), "stabbing"),
    **dict.fromkeys(word_set("crash crashes crashed collision collided pileup"), "crash"),
    **dict.fromkeys(word_set("derailment derailed"), "derailment"),
    **dict.fromkeys(word_set("collapse collapsed"), "collapse"),
    **dict.fromkeys(word_set("sinking sank sunk capsized capsizing shipwreck"), "sinking"),
    **dict.fromkeys(
        word_set(
            "protest protests rally rallies marches demonstration demonstrations protested "
            "rallied marched demonstrated"
        ),
        "protest",
    ),
    **dict.fromkeys(word_set("riot riots unrest"), "riot"),
    **dict.fromkeys(word_set("strike strikes"), "strike attack"),
    **dict.fromkeys(word_set("walkout walkouts stoppage"), "strike"),
    **dict.fromkeys(word_set("outbreak outbreaks epidemic epidemics"), "outbreak"),
    **dict.fromkeys(word_set("election elections runoff run-off"), "election"),
    **dict.fromkeys(word_set("referendum referendums plebiscite"), "referendum"),
    **dict.fromkeys(word_set("siege sieges standoff stand-off"), "siege"),
    **dict.fromkeys(
        word_set(
            "captivity hostage hostages captive captives kidnapping abduction kidnapped abducted"
        ),
        "captivity",
    ),
    **dict.fromkeys(word_set("spill spills leak leaks"), "spill"),
    **dict.fromkeys(word_set("heist robbery robberies theft"), "theft"),
    **dict.fromkeys(
        word_set("match matches derby fixture semi-final semifinal cup"),
        "match",
    ),
    **dict.fromkeys(word_set("concert concerts festival gig"), "concert"),
    **dict.fromkeys(word_set("outage outages blackout blackouts"), "outage"),
}
"""Nouns naming the event a figure belongs to, by kind ("the quake" and "the earthquake"
are one; "strike" is a walkout or an attack). Two figures whose sentences name events,
none of one kind, are of two events ("the landslide killed 27", "the floods have killed
64") and are not compared. War words
(war, offensive, fighting) are left out: every report on a war names one."""
NAMED_EVENT_TITLES = word_set("storm hurricane cyclone typhoon tropical")
"""Before a capitalised name, a named weather event ("Storm Ilka", "Cyclone Amara"):
two differently named ones are two events."""

NOMINAL_EVENTS = {
    **dict.fromkeys(word_set("evacuation evacuations"), "evacuated"),
    **dict.fromkeys(word_set("arrest arrests detention"), "arrested"),
    **dict.fromkeys(word_set("closure closures closing"), "closed"),
    **dict.fromkeys(word_set("cancellation cancellations"), "cancelled"),
    **dict.fromkeys(word_set("destruction"), "destroyed"),
    **dict.fromkeys(word_set("deployment deployments dispatch"), "deployed"),
    **dict.fromkeys(word_set("release"), "released"),
    **dict.fromkeys(word_set("rescue"), "rescued"),
    **dict.fromkeys(word_set("sale sales"), "sold"),
    **dict.fromkeys(word_set("delivery deliveries shipment"), "delivered"),
    **dict.fromkeys(word_set("abduction kidnapping"), "abducted"),
    **dict.fromkeys(word_set("deportation deportations expulsion"), "deported"),
    **dict.fromkeys(word_set("seizure"), "seized"),
    **dict.fromkeys(word_set("capture"), "captured"),
    **dict.fromkeys(word_set("hospitalisation hospitalization admission"), "hospitalised"),
    **dict.fromkeys(word_set("displacement"), "displaced"),
    **dict.fromkeys(word_set("loss"), "lost"),
    **dict.fromkeys(word_set("creation"), "created"),
    **dict.fromkeys(word_set("recall"), "recalled"),
    **dict.fromkeys(word_set("purchase"), "bought"),
    **dict.fromkeys(word_set("infection"), "infected"),
    **dict.fromkeys(word_set("vaccination"), "vaccinated"),
    **dict.fromkeys(word_set("dismissal"), "dismissed"),
    **dict.fromkeys(word_set("grounding"), "grounded"),
}
"""An event written as a noun before "of" and its figure ("forced the evacuation of 2,000
residents", "the cancellation of about 150 flights"): read as its verb ("evacuated 2,000
residents"), so the figure is compared with the same event told with a verb."""
ESTIMATING = word_set("estimated estimate estimates put puts putting numbered gauged")
"""Before a crowd and "at" its number: "police estimated the crowd at 15,000"."""
COLLECTIVE_NOUNS = word_set("crowd crowds audience attendance gathering turnout population")
"""'A crowd of 68,000': a bare number after one of these and "of" counts people."""
INVARIANT_PLURALS = word_set(
    "aircraft sheep cattle livestock deer fish poultry crew children women men staff"
)
"""Plural nouns without an -s: a counted noun all the same ("45 aircraft")."""
ORDERING = word_set("ordered orders order urged urges called calls recommended mandated requested")
"""Before an event written as a noun ("ordered the evacuation of 40,000"): it is planned,
not done."""
EVENT_ROLE_FOLLOWERS = word_set(
    "brigade brigades service services department departments officials official chief "
    "chiefs crew crews station stations engine engines truck trucks fighters agency "
    "authority authorities commission committee office centre center alarm alarms season"
)
"""After an event's noun, a body or a thing named after it ("the fire brigade", "election
officials"), not the event a figure is of."""
RATE_KINDS = {
    **dict.fromkeys(
        word_set("key benchmark interest policy base lending bank refinancing repo deposit"),
        "interest",
    ),
}
"""Before "rate": a central bank's rate, however named ("its key rate", "the benchmark
rate", "interest rates")."""
SUBJECT_SYNONYMS = {
    **dict.fromkeys(word_set("jobless joblessness unemployed"), "unemployment"),
    **dict.fromkeys(word_set("voter voters participation"), "turnout"),
    **dict.fromkeys(word_set("prices price"), "inflation"),
    **dict.fromkeys(word_set("economy output gdp"), "economy"),
    **dict.fromkeys(word_set("profit profits earnings income"), "profit"),
}
"""What a percentage is of, in one word where several name it ("the jobless rate" is the
unemployment rate)."""
TEMPERATURE_STATES = {
    **dict.fromkeys(
        word_set(
            "reached hit peaked peak peaking high highs hottest record recorded soared climbed "
            "topped maximum sweltered rose"
        ),
        "high",
    ),
    **dict.fromkeys(word_set("low lows coldest minimum plunged dropped fell"), "low"),
}
"""Near a temperature: a day's high or its low."""
FRACTIONS = {"half": 50.0, "third": 100 / 3, "thirds": 200 / 3, "quarter": 25.0,
             "quarters": 75.0, "fifth": 20.0}  # fmt: skip
"""A share in words before "of" ("just under half of voters", "two-thirds of"), as a
percentage (the number before "thirds" and "quarters" is two and three)."""
DURATION_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0,
                 "week": 7.0, "month": 30.44, "year": 365.25, "decade": 3652.5}  # fmt: skip
"""A unit of time in days: durations are compared in days ("11 months" against "nearly
three years")."""
LASTING_STATES = {
    **dict.fromkeys(word_set("closed shut closure closures shutdown"), "closure"),
    **dict.fromkeys(word_set("truce truces ceasefire ceasefires cease-fire armistice"), "truce"),
    **dict.fromkeys(word_set("wait waits waited waiting"), "wait"),
    **dict.fromkeys(word_set("held detained"), "captivity"),
    **dict.fromkeys(word_set("stranded trapped"), "trapped"),
    **dict.fromkeys(word_set("grounded"), "grounding"),
}
"""A state a length of time may be how long of, with no event named ("will be closed for
18 months", "had been held for two years", "a 72-hour truce", "patients waited an
average of 14 hours"): the duration is that state's, as "the siege lasted nine days" is
the siege's (measures._lasting)."""
ENDING_STATES = {
    **dict.fromkeys(word_set("restored"), "outage"),
    **dict.fromkeys(word_set("reopened reopens"), "closure"),
    **dict.fromkeys(word_set("freed released"), "captivity"),
    **dict.fromkeys(word_set("rescued"), "trapped"),
}
"""Verbs that end a state, before "after" and a length of time: "power was restored after
about four hours" says how long the outage lasted, "reopened after six weeks" the
closure, "freed after 14 months" the captivity."""
PAUSES = word_set("pause pauses halt lull")
"""A truce named otherwise ("a five-day pause in fighting"): a truce where the sentence
names fighting (HOSTILITIES) or the pause is humanitarian."""
HOSTILITIES = word_set("fighting hostilities combat humanitarian bombing shelling")
DURATION_NOT_AFTER = word_set(
    "in within past last next first coming over under since every each per"
)
"""Before a number of days, a period counted over, a deadline or a rate ("in the past 3
days", "within 48 hours"), not how long an event lasted."""
SCORE_WORDS = word_set(
    "won win wins winning beat beats beating lost lose loses losing drew draw defeat "
    "defeated victory score scored scoreline thrashed routed edged aggregate match derby "
    "final game leg cup"
)
"""In a sentence with one of these, "3-1" is a match's score."""
AGE_ROLES = word_set(
    "suspect gunman attacker shooter assailant bomber hijacker killer defendant driver "
    "pilot captain skipper culprit perpetrator accused"
)
"""One person a sentence names by role: two ages of "the suspect" in sentences on one
event are one age."""
DATED_EVENTS = {
    **dict.fromkeys(word_set("open opens opened reopen reopens reopened"), "open"),
    **dict.fromkeys(word_set("close closes closed shut"), "close"),
    **dict.fromkeys(word_set("start starts started begin begins began begun"), "start"),
    **dict.fromkeys(word_set("end ends ended finish finishes finished"), "end"),
    **dict.fromkeys(word_set("resume resumes resumed"), "resume"),
    **dict.fromkeys(word_set("launch launches launched"), "launch"),
    **dict.fromkeys(word_set("expire expires expired"), "expire"),
    **dict.fromkeys(word_set("sign signs signed"), "sign"),
    **dict.fromkeys(word_set("die died dies"), "die"),
    **dict.fromkeys(word_set("release released releases"), "release"),
    **dict.fromkeys(word_set("hold held holds"), "hold"),
    **dict.fromkeys(word_set("vote votes voted"), "vote"),
    **dict.fromkeys(word_set("take took taken"), "take"),
    **dict.fromkeys(word_set("built constructed completed"), "built"),
    **dict.fromkeys(word_set("founded established formed created inaugurated"), "founded"),
    **dict.fromkeys(word_set("born"), "born"),
    **dict.fromkeys(word_set("introduced"), "introduced"),
}
"""Verbs of something that happens on a day ("will reopen on March 3"): two days given
for the same event of the same thing conflict."""
VOTE_WORDS = word_set(
    "vote votes voted voting bill bills motion amendment lawmakers legislators parliament "
    "senate senators deputies mps assembly congress chamber referendum ballot"
)
"""In a sentence with one of these, "241-180" is a vote's tally (for, against)."""
PLACE_NOUNS = word_set(
    "school airport mine plant factory station hospital prison market stadium bridge dam "
    "camp port embassy valley coast refinery base village town city"
)
"""After a capitalised name, a place the figure is at ("the Zarit boarding school", "the
Kestrel coal mine"): the name is where, as "in Zarit" is."""
NAME_COMMON_WORDS = word_set(
    "cape lake mount river island islands bay gulf sea north south east west new saint "
    "county national park university general great upper lower central san santa fort "
    "stade estadio"
)
"""Words many names share ("Cape Merin", "Cape Teral"; "Lake", "North"): two sentences
naming one of them are not tied by it to one thing (conflicts.shared_names)."""
EVENT_TOPIC_MARKERS = word_set(
    "demand demands demanding demanded against urging urge urged urges opposing oppose calling"
)
"""After one of these, an event's noun is what a crowd wants or opposes ("to demand new
elections", "against the war"), not the event its figure is of."""
