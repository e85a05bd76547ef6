"""Real phrasings, one table per kind of question: what the answer must say and never say.

`says` are substrings the plain-text answer must contain; `never` ones it must not (the usual
wrong answer for that question). Typos, shouting and clipped phrasings are deliberate.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine import Engine
from bot.render import to_plain


@dataclass(frozen=True)
class Case:
    question: str
    says: tuple[str, ...]
    never: tuple[str, ...] = ()
    status: str = "answered"


def assert_answers(engine: Engine, case: Case) -> None:
    """The answer has the case's status, says each of its facts and none of its wrongs."""
    answer = engine.answer(case.question)
    text = to_plain(answer)
    assert answer.status == case.status, text
    for fact in case.says:
        assert fact in text, f"missing {fact!r} in:\n{text}"
    for wrong in case.never:
        assert wrong not in text, f"should not say {wrong!r} in:\n{text}"


def case(question: str, *says: str, never: tuple[str, ...] = (), status: str = "answered") -> Case:
    return Case(question, says, never, status)


WINNERS = [
    case("who won Leicester South?", "Shockat Adam (Independent) won Leicester South", "979"),
    case("WHO WON LEICESTER SOUTH", "Shockat Adam", "14,739"),
    case("who won leicster south", "Shockat Adam"),
    case("leicester s winner", "Shockat Adam"),
    case("Who is the MP for Leicester South now?", "Shockat Adam"),
    case("who took Islington North", "Jeremy Corbyn", "24,120", "Majority: 7,247"),
    case("islington n result", "Jeremy Corbyn", "16,873"),
    case("who won islington north??", "Jeremy Corbyn (Independent) won Islington North"),
    case("who won in dewsbury and batley", "Iqbal Mohamed", "15,641", "6,934"),
    case("Dewsbury & Batley winner", "Iqbal Mohamed"),
    case("who won dewsbury", "Iqbal Mohamed"),
    case("who won batley", "Iqbal Mohamed"),
    case("who won blackburn", "Adnan Hussain (Independent) won Blackburn", "10,518"),
    case("blackburn", "Adnan Hussain", "does not give the majority"),
    case("who won Birmingham Perry Barr", "Ayoub Khan", "13,303"),
    case("who won perry bar", "Ayoub Khan"),
    case("Perry Barr result please", "Ayoub Khan", "Khalid Mahmood"),
    case("who won Ilford North", "Wes Streeting", "held Ilford North", "just over 500"),
    case("who won ilford n", "Wes Streeting"),
    case("who won holborn and st pancras", "Keir Starmer", "came first", "11,576"),
    case("Holborn & St. Pancras", "Keir Starmer", "Andrew Feinstein", "7,312"),
    case("who won holborn and saint pancras", "Keir Starmer"),
    case(
        "who won preston",
        "does not say who won Preston",
        "Michael Lavalette",
        "8,715",
        never=("Lavalette (Independent) won",),
    ),
    case(
        "who won walsall and bloxwich",
        "does not say who won",
        "Aftab Nawaz",
        "7,600",
        never=("Nawaz (Independent) won",),
    ),
    case("who won slough?", "does not say who won Slough", "Azhar Iqbal Chohan", "11,019"),
    case(
        "who won rochdale",
        "does not say who won Rochdale",
        "George Galloway",
        never=("Galloway won",),
    ),
    case("who won bradford west", "does not say who won", "Muhammed Ali Islam", "11,017"),
    case("who won leicester east", "does not say who won", "Claudia Webbe", "5,532"),
    case("who won coventry east", "does not say who won", "Dave Nellist", "797"),
    case("who won kensington and bayswater", "does not say who won", "Emma Dent Coad", "1,824"),
    case("chingford and woodford green", "does not say who won", "Faiza Shaheen", "12,445"),
    case("who won oxford east", "does not say who won", "Jabu Nala-Hartley", "600"),
    case("Birmingham Selly Oak", "does not say who won", "Kamel Hawwash", "2,842"),
    case("selly oak", "Kamel Hawwash"),
    case("sheffield brightside and hillsborough", "Maxine Bowler", "2,537"),
    case("who won in sheffield", "does not say who won", "Maxine Bowler"),
    case("tottenham", "Nandita Lal", "2,348"),
    case("who won halifax", "does not say who won Halifax", "Perveen Hussain", "1,367"),
    case("liverpool garston", "Sam Gorst", "3,294"),
    case("garston", "Sam Gorst"),
    case("hove and portslade", "Tanushka Marah", "3,048"),
    case("hove", "Tanushka Marah"),
    case("oldham west, chadderton and royton", "Tony Wilson", "573"),
    case("who won oldham west chadderton & royton", "Tony Wilson", "does not say who won"),
    case("/result leicester south", "Shockat Adam"),
    case("@ElectionBot who won blackburn", "Adnan Hussain"),
]

VOTES = [
    case("how many votes did Corbyn get?", "Jeremy Corbyn got 24,120 votes", "49.2%"),
    case("HOW MANY VOTES DID CORBIN GET", "24,120"),
    case("corbyn votes", "24,120"),
    case("jeremy corbyn vote count", "24,120"),
    case("how many votes did shockat adam get", "14,739"),
    case("adam votes", "14,739"),
    case("how many votes for ashworth", "13,760"),
    case("jon ashworth votes", "13,760"),
    case("how many votes did starmer get", "18,888", "36,641"),
    case("keir starmer's vote", "18,888"),
    case("how many votes did feinstein get", "7,312"),
    case("how many votes did feinstien get", "7,312"),
    case("votes for iqbal mohamed", "15,641"),
    case("votes for iqbal mohamad", "15,641"),
    case("how many votes did Adnan Hussain get", "10,518"),
    case("how many votes did ayoub khan win", "13,303"),
    case("aftab nawaz votes", "7,600"),
    case("azhar chohan votes", "11,019"),
    case("claudia webbe votes", "5,532"),
    case("dave nellist votes", "797"),
    case("emma dent coad votes", "1,824"),
    case("dent coad votes", "1,824"),
    case("faiza shaheen votes", "12,445"),
    case("nala-hartley votes", "600"),
    case("kamel hawwash votes", "2,842"),
    case("leanne mohamad votes", "15,119"),
    case("maxine bowler votes", "2,537"),
    case("lavalette votes", "8,715"),
    case("muhammed ali islam votes", "11,017"),
    case("muhammad ali islam votes", "11,017"),
    case("nandita lal votes", "2,348"),
    case("perveen hussain votes", "1,367"),
    case("sam gorst votes", "3,294"),
    case("tanushka marah votes", "3,048"),
    case("tony wilson votes", "573"),
    case(
        "how many votes did wes streeting get",
        "does not give Wes Streeting’s vote",
        "just over 500",
        never=("15,119 votes in Ilford",),
    ),
    case("how many votes did galloway get", "does not give George Galloway’s vote", "lost"),
    case("how many votes did jess phillips get", "does not give Jess Phillips’s vote", "700"),
    case("how many votes did labour get in islington north", "16,873"),
    case("labour vote in dewsbury", "8,707"),
    case("how many votes did labour get in leicester south", "13,760", "Jon Ashworth"),
    case(
        "labour votes in blackburn",
        "does not give a Labour result in Blackburn",
        never=("10,518 votes, second",),
    ),
]

SHARES = [
    case("what share did Corbyn get", "49.2%", "almost 50 percent"),
    case("corbyn percentage", "49.2%"),
    case("what percent did feinstein get", "18.9%", "19 percent"),
    case("share of the vote for shockat adam", "35.2%"),
    case("azhar iqbal chohan share", "25.37%"),
    case("what % did maxine bowler get", "8%"),
    case("adnan hussain share", "27%"),
    case("ayoub khan percent", "35.5%"),
    case("what share did ashworth get", "does not give Jon Ashworth’s share"),
    case("starmer vote share", "does not give Keir Starmer’s share"),
]

FINISHES = [
    case("where did Maxine Bowler finish?", "came fourth in Sheffield Brightside and Hillsborough"),
    case("where did bowler come", "fourth"),
    case("did corbyn win?", "Yes.", "won Islington North"),
    case("did Corbyn keep his seat", "Yes.", "Islington North"),
    case("did lavalette win", "No.", "came second in Preston"),
    case("did galloway lose?", "lost in Rochdale"),
    case("did george galloway win", "No.", "lost in Rochdale"),
    case("did streeting win", "Yes.", "held Ilford North"),
    case("did wes streeting hold his seat", "held Ilford North", "just over 500"),
    case("did jess phillips survive", "survived", "700", "does not name the seat"),
    case("did khalid mahmood win", "No.", "defeated", "Ayoub Khan"),
    case("what happened to mahmood", "Khalid Mahmood", "defeated"),
    case("did ashworth lose", "Jon Ashworth", "second"),
    case("what place did jabu nala-hartley come", "eighth"),
    case("what position did tony wilson finish", "eighth"),
    case("did faiza shaheen come third", "Yes.", "third"),
    case("did nandita lal come second", "No.", "third"),
    case("did Leanne Mohamad come second?", "Yes.", "Ilford North"),
    case("where did dave nellist finish", "seventh", "Coventry East"),
    case("emma dent coad position", "sixth"),
    case("kamel hawwash place", "fifth"),
    case("did claudia webbe win", "No.", "fourth"),
    case("tanushka marah finish", "fifth"),
    case("did sam gorst win", "No.", "third"),
    case("perveen hussain where did she finish", "seventh", "Halifax"),
    case("did aftab nawaz win", "No.", "second"),
]

PLACES = [
    case("who came second in leicester south", "Jon Ashworth", "second", "13,760"),
    case("runner up in Islington North", "the Labour candidate", "16,873"),
    case("who was second in holborn", "Andrew Feinstein", "7,312"),
    case("who came 2nd in ilford north", "Leanne Mohamad", "15,119"),
    case("who came third in leicester south", "does not say who came third"),
    case("who came second in preston", "Michael Lavalette"),
    case("who came third in tottenham", "Nandita Lal"),
    case(
        "who came first in preston", "does not say who came first", never=("Lavalette came first",)
    ),
]

MAJORITIES = [
    case("what was the majority in leicester south", "979"),
    case("majority in islington north", "7,247"),
    case("how close was dewsbury and batley", "6,934"),
    case("margin in holborn and st pancras", "11,576"),
    case("by how much did streeting win", "just over 500"),
    case("how close was ilford north", "just over 500"),
    case("majority in blackburn", "does not give the majority in Blackburn"),
    case("majority in preston", "does not give the majority in Preston, nor who won"),
    case("what was corbyn's majority", "7,247"),
    case("how much did adam win by", "979"),
    case("jess phillips majority", "700"),
]

INDEPENDENTS = [
    case(
        "which independents won?",
        "5 independents won",
        "Jeremy Corbyn",
        "Shockat Adam",
        "Adnan Hussain",
        "Iqbal Mohamed",
        "Ayoub Khan",
        never=("Lavalette",),
    ),
    case(
        "which independents came second",
        "Michael Lavalette",
        "Leanne Mohamad",
        "Andrew Feinstein",
        never=("Jeremy Corbyn",),
    ),
    case("list all the independents", "23 independent candidates", "Tony Wilson"),
    case("independents", "23 independent"),
    case("how many independents won", "5 independents won"),
]

RANKINGS = [
    case("who got the most votes", "Jeremy Corbyn", "24,120"),
    case("fewest votes", "Tony Wilson", "573"),
    case("highest share", "Jeremy Corbyn", "49.2%"),
    case("lowest share of the vote", "1.5%"),
    case("which independent got the fewest votes", "Tony Wilson"),
]

COMPARISONS = [
    case("compare corbyn and starmer", "5,232 votes more", "24,120", "18,888"),
    case("corbyn vs starmer", "Jeremy Corbyn got 5,232 votes more than Keir Starmer"),
    case("did adam get more votes than ashworth", "979 votes more"),
    case("feinstein or lavalette", "1,403 votes more"),
]

SAID = [
    case("what did corbyn say", "want something different", "parliamentary neighbour"),
    case("what did jeremy corbyn say to starmer", "parliamentary neighbour"),
    case("what did Shockat Adam say?", "Our resistance can manifest", "ballot box"),
    case("adam quote", "turned our backs on them"),
    case(
        "what did adnan hussain's campaign say",
        "closer to the people than Labour",
        "A spokesperson for his campaign",
    ),
    case("what did iqbal mohamed say", "damaging mainstream parties"),
    case(
        "what did maxine bowler say",
        "brilliant to see the independents advance",
        "boost to the fightback",
    ),
    case("what did starmer say", "The article does not quote any words of Keir Starmer’s."),
]

PEOPLE = [
    case("corbyn", "Former Labour leader", "24,120"),
    case("Jeremy Corbyn", "Islington North"),
    case("who is wes streeting", "Shadow health secretary"),
    case("jon ashworth", "Labour shadow cabinet member"),
    case("azeem rafiq", "whistle-blower against racism in Yorkshire cricket"),
    case("who is azeem rafiq", "Adam was supported by Azeem Rafiq"),
    case("george galloway", "125 days as an MP", "lost in Rochdale"),
    case("galloway", "Rochdale"),
    case("jess phillips", "survived", "700"),
    case("khalid mahmood", "former Labour MP", "Ayoub Khan"),
    case("maxine bowler", "Socialist Worker supporter", "fourth"),
    case("starmer", "18,888", "down 17,753"),
    case("how did starmer's vote change since 2019", "36,641", "18,888", "17,753"),
    case("keir starmer", "came first"),
    case("Streeting", "held Ilford North"),
    case("Leanne Mohamad", "second", "15,119"),
    case("andrew feinstein", "second", "7,312"),
    case("Ayoub Khan", "won Birmingham Perry Barr"),
    case("lavalette", "second", "Preston"),
    case("webbe", "Leicester East"),
    case("shaheen", "Chingford and Woodford Green"),
]

PARTIES = [
    case("labour", "Labour results", "16,873", "8,707"),
    case(
        "how did the workers party do",
        "The article does not give any Workers Party results.",
        "generally did worse than independent candidates",
    ),
    case("reform uk", "The article does not give any Reform UK results."),
]

AMBIGUOUS = [
    case("Hussain", "Adnan Hussain", "Perveen Hussain", status="clarify"),
    case(
        "how many votes did hussain get",
        "Adnan Hussain",
        "Perveen Hussain",
        status="clarify",
        never=("10,518",),
    ),
    case("mohamad", "Leanne Mohamad", "Iqbal Mohamed", status="clarify"),
    case("Leicester", "Leicester South", "Leicester East", status="clarify"),
    case(
        "who won leicester", "Leicester South", "Leicester East", status="clarify", never=("979",)
    ),
    case(
        "Birmingham",
        "Birmingham Perry Barr",
        "Birmingham Selly Oak",
        "Jess Phillips",
        status="clarify",
    ),
    case("iqbal", "Iqbal Mohamed", "Azhar Iqbal Chohan", status="clarify"),
    case("jeremy hunt", "I don’t have “jeremy hunt”", status="clarify", never=("24,120",)),
    case("leicester west", "I don’t have “leicester west”", status="clarify"),
    case("piers corbyn", "Jeremy Corbyn", status="clarify", never=("24,120",)),
]

UNKNOWN = [
    case("who won Chelmsford?", "I don’t have “chelmsford”", "Leicester South", status="not_found"),
    case("how many votes did rishi sunak get", "I don’t have “rishi sunak”", status="not_found"),
    case("who won uxbridge and south ruislip", "I don’t have", status="not_found"),
    case("asdfghjkl", "I don’t have", status="not_found"),
    case("how many votes did the conservatives get", "I don’t have", status="not_found"),
    case("???", "Try", status="not_found"),
]

WHOLE_ELECTION = [
    case(
        "who won the election",
        "does not give the overall result",
        "Jeremy Corbyn",
        "Jess Phillips, seat not named: survived by only 700 votes",
    ),
    case("/elected", "names 8 winners", "Wes Streeting, Ilford North: held Ilford North"),
    case("who won?", "names 8 winners"),
    case("who came last in oxford east", "does not say who came last", "600"),
    case("did labour win islington north", "No.", "16,873"),
    case("Where is Jess Phillips MP", "survived by only 700 votes", never=("Yes.",)),
    case(
        "what was starmer's majority",
        "11,576",
        "came first in Holborn and St Pancras",
        never=("Keir Starmer won",),
    ),
    case(
        "compare leicester south and islington north",
        "Shockat Adam",
        "Jeremy Corbyn",
        "979",
        "7,247",
    ),
    case("what percentage did labour get in dewsbury", "does not give Labour’s share", "8,707"),
    case("results", "I don’t have a seat or a name", status="not_found"),
    case("sheffield hallam", "I don’t have “sheffield hallam”", status="clarify"),
    case("bradford east", "Bradford West", status="clarify", never=("11,017",)),
]

HELP = [
    case("help", "who won Leicester South?", status="help"),
    case("/help", "Ask me things like", status="help"),
    case("/start", "Ask me things like", status="help"),
    case("hi", "Ask me things like", status="help"),
    case("Hello!", "Ask me things like", status="help"),
    case("thanks", "Ask me things like", status="help"),
    case("what do you know?", "24 seats", "Charlie Kimber", status="help"),
    case("who wrote the article?", "by Charlie Kimber", status="help"),
    case("source", "Ask me something first", status="help"),
]

ALL_CASES = (
    WINNERS
    + VOTES
    + SHARES
    + FINISHES
    + PLACES
    + MAJORITIES
    + INDEPENDENTS
    + RANKINGS
    + COMPARISONS
    + SAID
    + PEOPLE
    + PARTIES
    + AMBIGUOUS
    + UNKNOWN
    + WHOLE_ELECTION
    + HELP
)
