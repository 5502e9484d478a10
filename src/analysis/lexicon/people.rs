//! Nouns for people and their relations: roles, offices, unnamed persons, groups, relatives,
//! and the words around a team in a match report.

use super::Words;

/// Titles of an office elected for or ruling a territory: the name before one is a place
/// ("Bomet Senator", "Ohio governor"), not an organisation that employs the person.
pub const TERRITORIAL_TITLES: Words = Words("\
    senator|governor|mayor|mp|mep|msp|councillor|councilor|councilman|councilwoman|premier|\
    assemblyman|assemblywoman|assemblymember|congressman|congresswoman|representative|sheriff|\
    lieutenant|lt.|gov.|sen.|rep.|mla|mpp|td|alderman");

/// Nouns for a person's role or title, lower case, as a speaker's description ("the minister").
pub const ROLE_NOUNS: Words = Words("\
    president|minister|spokesman|spokeswoman|spokesperson|secretary|official|governor|senator|director|\
    chairman|chairwoman|chair|chief|leader|aide|adviser|advisor|ambassador|candidate|nominee|mayor|\
    lawmaker|congressman|congresswoman|representative|prosecutor|lawyer|attorney|analyst|expert|\
    professor|economist|researcher|general|commander|officer|manager|executive|ceo|founder|author|\
    writer|reporter|editor|premier|chancellor|king|queen|prince|princess|pope|envoy|diplomat|negotiator|\
    strategist|pollster|activist|campaigner|head|speaker|justice|judge|commissioner|councillor|\
    councilman|councilwoman|deputy|vice-president|veteran|host|anchor|star|actor|actress|singer|player|\
    coach|businessman|businesswoman|billionaire|mogul|frontrunner|front-runner|incumbent|challenger|\
    republican|democrat|surgeon|doctor|scientist|historian|scholar|critic|organizer|organiser|founder|\
    owner|partner|president-elect|chief-of-staff|superintendent|sheriff|inspector|detective|sergeant|\
    colonel|admiral|captain|lieutenant|major|secretary-general|nominee|rival|opponent|woman|man|mother|\
    father|wife|husband|daughter|son|friend|student|teacher");

/// Nouns for a person who is not named: sources, witnesses, members of the public.
pub const PERSON_NOUNS: Words = Words("\
    witness|woman|man|resident|neighbour|neighbor|passenger|bystander|source|official|worker|employee|\
    student|parent|mother|father|friend|relative|member|shopper|driver|customer|voter|protester|nurse|\
    doctor|teacher|survivor|victim|patient|user|fan|local|shopkeeper|guest|visitor|tourist|pupil|caller|\
    reader|viewer|insider|spokesman|spokeswoman|spokesperson|officer|councillor|councilor|manager|\
    staffer|aide|consultant|midwife|surgeon|paramedic|farmer|owner|landlord|tenant|islander|villager|\
    motorist|commuter|homeowner|spectator|supporter|volunteer|campaigner|activist|expert|analyst");

/// Is `w` (lower case) the plural of a noun for a person in [`PERSON_NOUNS`] or [`ROLE_NOUNS`]
/// ("villagers", "residents", "governors", "councillors")? Such a plural names a group when it
/// acts or speaks ("Villagers have slammed", "MPs voted"). Regular English plurals only: -s,
/// -ies, -men.
pub fn is_person_plural(w: &str) -> bool {
    // (and the plurals of elected offices, "MPs", "MEPs", "senators", as lower case)
    let singular = |s: &str| PERSON_NOUNS.contains(&s) || ROLE_NOUNS.contains(&s) || TERRITORIAL_TITLES.contains(&s);
    if w.strip_suffix('s').is_some_and(|s| TERRITORIAL_TITLES.contains(&s)) {
        return true;
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return singular(&format!("{stem}y"));
    }
    if let Some(stem) = w.strip_suffix("men") {
        return singular(&format!("{stem}man"));
    }
    w.len() > 3 && w.strip_suffix('s').is_some_and(|s| !s.ends_with('s') && singular(s))
}

/// Words right before a team's name in a match report ("a 1-0 defeat by Fulham", "victory at
/// Portsmouth", "beat Chelsea", "drew with Leeds"): result verbs and nouns with their
/// prepositions, as two-word phrases ("defeat by") or single verbs ("beat").
pub const MATCH_BEFORE: Words = Words("\
    beat|beating|defeated|defeating|thrashed|hammered|edged|trounced|overcame|stunned|eliminated|\
    lost to|losing to|loses to|drew with|drawing with|draws with|drew against|draw with|draw against|\
    draw at|defeat by|defeat to|defeat at|defeat against|defeats by|victory over|victory against|\
    victory at|win over|win against|win at|wins over|loss to|loss at|loss against|clash with|\
    game against|match against|tie against|home to|away to|away at");

/// Verbs right after a team's name in a match report ("Arsenal beat Chelsea", "Leeds drew").
pub const MATCH_AFTER: Words = Words("beat|beats|defeated|thrashed|hammered|edged|trounced|drew|lost|won|overcame|stunned|eliminated");

/// Nouns for a relative, before a person's given name ("her daughter Isabella").
pub const KIN_NOUNS: Words = Words("\
    daughter|son|wife|husband|partner|mother|father|brother|sister|mum|mom|dad|grandson|granddaughter|\
    grandmother|grandfather|niece|nephew|cousin|fiancé|fiancée|fiance|fiancee|boyfriend|girlfriend|\
    stepson|stepdaughter|stepfather|stepmother|uncle|aunt|widow|widower|baby|toddler");

/// Nouns that stand right before a personal name as a "false title" (the style guides' term:
/// "striker Harry Kane", "pensioner Joan Smith", "neighbour Dave Smith") beyond the offices of
/// [`super::TITLES`]: positions in sport, occupations and the descriptions of people in local
/// and tabloid news. With [`PERSON_NOUNS`], [`ROLE_NOUNS`] and, at the start of a sentence,
/// [`KIN_NOUNS`], see [`is_false_title`].
pub const FALSE_TITLES: Words = Words("\
    striker|midfielder|defender|goalkeeper|keeper|winger|full-back|fullback|centre-back|center-back|\
    playmaker|skipper|batsman|batter|bowler|pitcher|quarterback|jockey|trainer|referee|umpire|\
    pundit|boxer|fighter|golfer|cyclist|rider|sprinter|swimmer|athlete|pensioner|teenager|schoolboy|\
    schoolgirl|grandmother|grandfather|gran|grandma|grandad|granddad|nan|headteacher|headmaster|\
    headmistress|chef|builder|plumber|electrician|landlady|publican|entrepreneur|influencer|\
    presenter|broadcaster|model|designer|architect|fisherman|soldier|firefighter|retiree|\
    carer|cleaner|dancer|artist|photographer|journalist|councillor|solicitor|barrister|\
    pharmacist|dentist|vet|lecturer|tutor|pilot");

/// Is `w` (lower case) a false title before a personal name? `initial`: it is capitalised at
/// the start of a sentence, where a relative may be one too ("Mum Kelly Brown said"). A noun
/// with a count is one as well ("mum-of-three", "father-of-two").
pub fn is_false_title(w: &str, initial: bool) -> bool {
    let w = w.split_once("-of-").map_or(w, |(head, _)| head);
    FALSE_TITLES.contains(&w) || PERSON_NOUNS.contains(&w) || ROLE_NOUNS.contains(&w) || initial && KIN_NOUNS.contains(&w)
}

/// Offices that belong to an organisation, not a state ("chief executive", "manager"): a person
/// holding one and named with no employer works for the organisation in focus.
pub const CORPORATE_TITLES: Words = Words("\
    executive|ceo|cfo|coo|cto|chairman|chairwoman|chairperson|manager|director|founder|co-founder|\
    owner|boss|coach|captain|spokesman|spokeswoman|spokesperson|shareholder|treasurer|partner");

/// A US legislator's party and state as news agencies write them after the name ("D-Wash.",
/// "R-Texas", "I-Vt."): the party's name in the lexicon, if `w` is one.
pub fn party_state(w: &str) -> Option<&'static str> {
    let (party, state) = w.split_once('-')?;
    let state = state.trim_end_matches('.');
    let ok = state.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && state.len() >= 2 && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.');
    match party {
        "D" if ok => Some("Democratic Party"),
        "R" if ok => Some("Republican Party"),
        _ => None,
    }
}

