"""The words and phrases of questions about results, each with the role it plays.

Data, not code: the reader looks phrases up here, longest first. A word with no entry is a
name (the index finds those), filler, or not understood. Filler is what carries no meaning a
query could lose ("please", "the", "receive"); a word that would change the answer ("not",
"except") is never filler, so an answer can never silently drop it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.engine.model.ask import LAST, Measure, Operation, SeatChange, Unit


class Role(StrEnum):
    MEASURE = "measure"
    OPERATION = "operation"
    MOST = "most"  # a ranking, most first
    LEAST = "least"  # a ranking, least first
    RISE = "rise"  # a change upwards: "rose most"
    FALL = "fall"  # a change downwards: "fell most"
    UNIT = "unit"
    WON = "won"
    LOST = "lost"
    SEAT_CHANGE = "seat change"
    POSITION = "position"
    GENDER = "gender"
    SITTING = "sitting"
    FIRST_TIME = "first time"
    ABOVE = "above"  # a threshold: "over", "more than"
    BELOW = "below"
    AT_LEAST = "at least"
    AT_MOST = "at most"
    THAN = "than"  # a comparison: "more votes than"
    FROM = "from"  # "gained from"
    BASELINE = "baseline"  # "since 2019", "compared to 2019"
    NATIONAL = "national"
    YES_NO = "yes or no"
    EXISTENTIAL = "existential"  # "are there": no reference to a seat
    NOT_HELD = "not held"  # ages, ministers, future elections
    NEGATION = "negation"  # never dropped: not, except, ...
    FILLER = "filler"
    LOOSE_PLACE = "loose place"  # "up north": no region of the results
    TO = "to"  # "lost to Reform": the party after it won
    EACH = "each"  # "each party": a table by party
    PEOPLE = "people"  # "people": candidates, unless a measure counts voters
    UNANSWERABLE = "unanswerable"  # why, before, after
    JUDGEMENT = "judgement"  # a landslide
    EARLIER = "earlier"  # the last election: another election than the one known
    BEAT = "beat"  # "did Farage beat Watling": finished ahead of
    ASKS_WHO = "who"
    ASKS_WHERE = "where"
    ASKS_WHICH = "which"


@dataclass(frozen=True)
class Sense:
    role: Role
    value: object = None


def _s(role: Role, value: object = None) -> Sense:
    return Sense(role, value)


def _group(role: Role, value: object, phrases: str) -> list[tuple[str, Sense]]:
    """Comma-separated phrases (a single phrase may have spaces), all with one sense."""
    return [(p.strip(), Sense(role, value)) for p in phrases.split(",") if p.strip()]


def _words(role: Role, value: object, words: str) -> list[tuple[str, Sense]]:
    return [(w, Sense(role, value)) for w in words.split()]


def _table(*groups: list[tuple[str, Sense]]) -> dict[str, Sense]:
    """One sense per phrase: a phrase listed twice is a mistake in this file, not a choice."""
    table: dict[str, Sense] = {}
    for group in groups:
        for phrase, sense in group:
            if phrase in table:
                raise ValueError(f"lexicon: {phrase!r} is listed twice")
            table[phrase] = sense
    return table


_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()

PHRASES: dict[str, Sense] = _table(
    # measures
    _words(Role.MEASURE, Measure.VOTES, "vote votes tally"),
    _group(Role.MEASURE, Measure.VOTES, "people voted for,voted for,votes for,vote for,"
           "number of votes,votes cast for,voted labour,voted conservative"),
    _words(Role.MEASURE, Measure.SHARE, "share shares percent percentage percentages proportion"),
    _group(Role.MEASURE, Measure.SHARE, "vote share,share of the vote,share of vote"),
    _words(Role.MEASURE, Measure.CHANGE, "change changed points point"),
    _group(Role.MEASURE, Measure.SWING, "swing,swings,two party swing"),
    _group(Role.MEASURE, Measure.CHANGE, "change in share,share change,change in vote share"),
    _words(Role.MEASURE, Measure.BEHIND, "behind short trailed trailing"),
    _group(Role.MEASURE, Measure.BEHIND, "how far behind,votes short,votes behind,lost by,"
           "lose by,loses by,losing margin,beaten by,beat by,how far off,short of winning,"
           "distance behind,behind the winner,how far behind the winner,votes behind the winner,"
           "far behind the winner,how many votes behind the winner"),
    _group(Role.MEASURE, (Measure.BEHIND, False), "closest to winning,came closest,"
           "nearest to winning,came nearest,closest second,came closest to winning,"
           "come closest to winning,came nearest to winning,narrowest defeat,closest defeat,"
           "narrowest defeats,closest defeats,narrowest loss,closest loss,narrowest losses,"
           "closest losses"),
    _words(Role.MEASURE, Measure.AHEAD, "ahead lead"),
    _group(Role.MEASURE, Measure.AHEAD, "by how many votes,by how many,by how much,"
           "by what margin,won by,how far ahead,win by,wins by,votes ahead,"
           "ahead of the runner up,ahead of the second,over the runner up,lead over,"
           "votes ahead of the runner up,votes ahead of the second"),
    _words(Role.MEASURE, Measure.MAJORITY, "majority majorities margin margins close"),
    _words(Role.MEASURE, (Measure.MAJORITY, False), "closest narrowest tightest marginal "
           "marginals"),
    _words(Role.MEASURE, (Measure.MAJORITY, True), "safest"),
    _words(Role.MEASURE, Measure.TURNOUT, "turnout turnouts"),
    _words(Role.MEASURE, Measure.ELECTORATE, "electorate electorates electors"),
    _group(Role.MEASURE, Measure.ELECTORATE, "registered voters,eligible voters,"
           "people registered,registered to vote,people eligible to vote,size of the electorate"),
    _words(Role.MEASURE, Measure.VALID, "valid voted"),
    _group(Role.MEASURE, Measure.VALID, "valid votes,votes cast,ballots cast,people voted,"
           "people vote,number of voters,voters"),
    _words(Role.MEASURE, Measure.INVALID, "invalid spoilt spoiled rejected spoil"),
    _group(Role.MEASURE, Measure.INVALID, "invalid votes,spoilt ballots,spoiled ballots,"
           "rejected ballots,invalid ballots,spoilt votes,spoiled votes,rejected votes,"
           "spoilt papers,spoiled papers,spoilt ballot papers"),
    _group(Role.MEASURE, Measure.POSITION, "position,positions,finishing position,"
           "finishing positions,place they came,where they finished"),
    # operations
    _group(Role.OPERATION, Operation.COUNT, "how many,how much,number of,count"),
    _group(Role.OPERATION, Operation.LIST, "list,show,name,list all,show me,name the,give me"),
    _words(Role.OPERATION, Operation.AVERAGE, "average avg mean"),
    _group(Role.OPERATION, Operation.AVERAGE, "on average,per seat on average"),
    _group(Role.OPERATION, Operation.TOTAL, "total,altogether,combined,in total,in all,"
           "added up,all together,sum,add up,sum of,summed,add together"),
    _group(Role.OPERATION, Operation.RANK, "rank,ranked,ranking,order,sort,sorted,in order,"
           "order by,sort by,rank by"),
    _group(Role.OPERATION, Operation.COMPARE, "compare,comparison,versus,vs,v,"
           "against each other,difference,difference between,gap between,how many more,"
           "how much more,how much bigger,how much higher"),
    _words(Role.MOST, None, "most highest biggest largest best top greatest more higher bigger "
           "larger strongest further farther"),
    _words(Role.LEAST, None, "fewest least lowest smallest worst bottom fewer lower smaller less "
           "weakest"),
    _group(Role.RISE, None, "rise,rose,risen,increase,increased,grew,gain in share,"
           "went up,go up,gone up,share up,vote up"),
    _group(Role.FALL, None, "fall,fell,fallen,drop,dropped,decline,declined,down,decrease,"
           "decreased,went down,go down"),
    # one answer per party: the kinds of dispatch.py tabulate that
    _group(Role.EACH, None, "each party,every party,by party,per party,each of the parties,"
           "all parties,all the parties,for each party"),
    # what the rows are
    _words(Role.UNIT, Unit.SEAT, "seat seats constituency constituencies places areas"),
    _words(Role.UNIT, Unit.CANDIDATE, "candidate candidates politicians"),
    _words(Role.PEOPLE, None, "people person"),
    _words(Role.UNIT, Unit.PARTY, "party parties"),
    _words(Role.UNIT, Unit.REGION, "region regions"),
    _words(Role.UNIT, Unit.NATION, "nation nations"),
    _group(Role.WON, "mps", "mps,members,winners,members of parliament"),
    _group(Role.WON, "mp", "mp,winner,member,member of parliament"),
    # outcomes
    _words(Role.WON, None, "won win wins winning elected victorious took"),
    # "Tory seats that went to Reform", "which ones went Labour": the party after it won
    _group(Role.WON, "went", "went to,gone to,go to,goes to,going to,fell to,falls to,fallen to,"
           "went over to,gone over to,went,gone,turned,taken by,taken"),
    _words(Role.LOST, None, "lost lose loses losing defeated beaten unseated ousted"),
    _words(Role.BEAT, None, "beat beats defeat defeats"),
    _group(Role.SEAT_CHANGE, SeatChange.HELD, "held,hold,holds,kept,keep,retained,retain,"
           "held on,hung on"),
    _group(Role.SEAT_CHANGE, SeatChange.GAINED, "gained,gain,gains,changed hands,change hands,"
           "changing hands,changes hands,switched,switching,flipped,flip,flipping,swapped hands"),
    # positions
    [(word, Sense(Role.POSITION, place)) for place, word in enumerate(_ORDINALS, start=1)],
    _group(Role.POSITION, 2, "runner up,runners up"),
    _group(Role.POSITION, LAST, "last,came last,finished last,last place"),
    _group(Role.EARLIER, None, "last election,last time,previous election,in 2019,2019 election,"
           "last year,last mp,previous mp,last member"),
    _group(Role.FILLER, None, "at last,at long last"),
    # people
    _words(Role.GENDER, "Female", "women woman female females"),
    _words(Role.GENDER, "Male", "men man male males"),
    _group(Role.SITTING, None, "sitting,incumbent,incumbents,sitting mps,sitting mp"),
    _group(Role.FIRST_TIME, None, "new,first time,newly elected,new mps,new mp"),
    # thresholds and comparisons
    _group(Role.ABOVE, None, "over,above,exceeding,more than,greater than,higher than,"
           "bigger than,larger than,in excess of"),
    _group(Role.BELOW, None, "under,below,less than,fewer than,lower than,smaller than"),
    _group(Role.AT_LEAST, None, "at least,or more,minimum of"),
    _group(Role.AT_MOST, None, "at most,or less,or fewer,no more than,maximum of,up to"),
    _words(Role.THAN, None, "than"),
    _group(Role.FROM, None, "from,off"),
    _group(Role.TO, None, "to"),
    _group(Role.BASELINE, None, "since,compared to,compared with,relative to,on 2019"),
    # scope
    _group(Role.NATIONAL, None, "national,nationally,overall,nationwide,country,the country,"
           "the uk,uk wide,across the country,in the country,whole country,great britain,"
           "britain"),
    # "women in the Commons": its members, the MPs elected
    _group(Role.WON, "mps", "commons,the commons,house of commons,in the commons,parliament,"
           "in parliament,westminster"),
    # question shapes
    _words(Role.YES_NO, None, "did does do is was were are has had"),
    _group(Role.EXISTENTIAL, None, "are there,is there,were there,was there"),
    _words(Role.ASKS_WHO, None, "who whose whom"),
    _words(Role.ASKS_WHERE, None, "where"),
    _words(Role.ASKS_WHICH, None, "which what"),
    # regions people name that the results do not have as one region
    _group(Role.LOOSE_PLACE, None, "the north,up north,the south,down south,"
           "the north and south,home counties,the shires,the regions"),
    # what the results do not hold
    _group(Role.NOT_HELD, None, "prime minister,pm,minister,ministers,cabinet,chancellor,"
           "government,age,aged,ages,old,oldest,young,youngest,younger,older,born,birthday,"
           "next election,future,future elections,will win,predict,prediction,polls,will,next time,"
           "going to win,gonna,"
           "opinion polls,salary,expenses,ethnicity,religion,postal,postal votes,postal vote,proxy,"
           "proxy votes,ethnic,background,backgrounds"),
    # the results say what happened, not why
    _group(Role.UNANSWERABLE, None, "why,how come,reason,reasons,because,before,after,during,"
           "until,if,what if,would have,could have,should have"),
    # a judgement, not a figure
    _group(Role.JUDGEMENT, None, "landslide,a landslide,massive win,huge win,thumping,"
           "good night,bad night,disaster"),
    # never filler: each would change the answer
    _group(Role.NEGATION, None, "not,no,never,without,except,excluding,besides,apart from,"
           "other than,other,others,neither,nor,isnt,wasnt,didnt,dont,doesnt,didn t,don t,"
           "doesn t,isn t,wasn t,aren t,weren t,outside,outside of,except for,not in,not counting,"
           "not including,leaving out,ignoring"),
    # filler: ordinary words that change nothing
    _words(Role.FILLER, None,
           "receive received receiving get got gets getting poll polled score scored achieve "
           "achieved manage managed secure secured record recorded obtain obtained earn earned "
           "bag bagged pick picked collect collected came come finished finish placed "
           "there their they them it its this that those these a an the of in at for by "
           "with and or please tell me know about can you i we us our my your whats hows "
           "just really actually exactly roughly approximately ever one ones have having been "
           "be being happen happened result results election general 2024 uk figure figures "
           "number numbers stats statistics data info information detail details little bit "
           "slightly much many far quite very so then also too now yet stand stood standing ran "
           "run running contest contested voting cast all every each any some on give let "
           "see look want need like would could should shall may might anywhere everywhere "
           "somewhere often times frequently saw seen experienced suffered enjoyed posted "
           "returned delivered"),
)  # fmt: skip

LONGEST_PHRASE = max(len(p.split()) for p in PHRASES)
# The longest phrase each word begins: most words begin none, so most lookups are one.
LONGEST_FROM: dict[str, int] = {}
for _phrase in PHRASES:
    _first, *_rest = _phrase.split()
    LONGEST_FROM[_first] = max(LONGEST_FROM.get(_first, 0), 1 + len(_rest))

# Filler only in the company of other meaning: alone, they leave nothing to answer.
OPENERS = frozenset("and so but then also ok okay well hmm right".split())


def words_of_the_lexicon() -> frozenset[str]:
    return frozenset(word for p in PHRASES for word in p.split())
