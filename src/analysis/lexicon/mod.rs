//! Compact built-in lexicons (countries, capitals, demonyms, organisations, titles, speech
//! verbs). General knowledge only: never per-article tables.
//!
//! Phrases are written as they appear in running text, tokens separated by single spaces,
//! and matched token by token (a possessive `’s` is ignored). Names match case-sensitively;
//! titles and group nouns case-insensitively.

use crate::model::StakeholderKind;
use crate::text::Lower;

/// A word list packed into one string, entries separated by `|` (`""` is the empty list): no pointer and length per
/// entry in the wasm data (about 8 bytes each), the same lookups as a slice of strings.
#[derive(Clone, Copy, Debug)]
pub struct Words(pub &'static str);

impl Words {
    /// The entries, in order.
    pub fn iter(self) -> std::str::SplitTerminator<'static, char> {
        self.0.split_terminator('|')
    }

    /// Is `w` one of the entries (exactly)? A hash lookup: each list's entries are put in a
    /// set on its first use (keyed by the list's address), not split and scanned per call.
    pub fn contains(self, w: &&str) -> bool {
        thread_local! {
            static SETS: std::cell::RefCell<rustc_hash::FxHashMap<(usize, usize), rustc_hash::FxHashSet<&'static str>>> = std::cell::RefCell::new(rustc_hash::FxHashMap::default());
        }
        let key = (self.0.as_ptr() as usize, self.0.len());
        SETS.with(|sets| sets.borrow_mut().entry(key).or_insert_with(|| self.iter().collect()).contains(*w))
    }
}

impl IntoIterator for Words {
    type Item = &'static str;
    type IntoIter = std::str::SplitTerminator<'static, char>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// A country with the words that stand for it.
pub struct Country {
    pub name: &'static str,
    /// Other names and acronyms ("US", "U.S.", "America").
    pub aliases: Words,
    /// Seats of government that stand for the state ("Moscow", "Kyiv").
    pub capitals: Words,
    /// Adjectives and nouns for its people ("Russian", "Russians").
    pub demonyms: Words,
}

const fn c(
    name: &'static str,
    aliases: &'static str,
    capitals: &'static str,
    demonyms: &'static str,
) -> Country {
    Country { name, aliases: Words(aliases), capitals: Words(capitals), demonyms: Words(demonyms) }
}

pub const COUNTRIES: &[Country] = &[
    c("United States", "US|U.S.|USA|U.S.A.|America|United States of America", "Washington", "American|Americans"),
    c("Russia", "Russian Federation", "Moscow", "Russian|Russians"),
    c("Ukraine", "", "Kyiv|Kiev", "Ukrainian|Ukrainians"),
    c("China", "People's Republic of China|PRC", "Beijing", "Chinese"),
    c("United Kingdom", "UK|U.K.|Britain|Great Britain", "London", "British|Briton|Britons"),
    // the United Kingdom's four nations act and are spoken of on their own (devolved
    // governments, national teams); no capitals or demonyms, which would take "English"
    c("England", "", "", ""),
    c("Scotland", "", "", ""),
    c("Wales", "", "", ""),
    c("Northern Ireland", "", "", ""),
    c("France", "", "Paris", "French"),
    c("Germany", "", "Berlin", "German|Germans"),
    c("Italy", "", "Rome", "Italian|Italians"),
    c("Spain", "", "Madrid", "Spanish"),
    c("Poland", "", "Warsaw", "Polish|Poles"),
    c("Japan", "", "Tokyo", "Japanese"),
    c("India", "", "New Delhi", "Indian|Indians"),
    c("Pakistan", "", "Islamabad", "Pakistani|Pakistanis"),
    c("Iran", "", "Tehran", "Iranian|Iranians"),
    c("Iraq", "", "Baghdad", "Iraqi|Iraqis"),
    c("Syria", "", "Damascus", "Syrian|Syrians"),
    c("Israel", "", "Jerusalem", "Israeli|Israelis"),
    c("Palestine", "Palestinian territories", "Ramallah", "Palestinian|Palestinians"),
    c("Saudi Arabia", "", "Riyadh", "Saudi|Saudis"),
    c("Turkey", "Türkiye", "Ankara", "Turkish|Turks"),
    c("Egypt", "", "Cairo", "Egyptian|Egyptians"),
    c("North Korea", "DPRK", "Pyongyang", "North Korean|North Koreans"),
    c("South Korea", "", "Seoul", "South Korean|South Koreans"),
    c("Canada", "", "Ottawa", "Canadian|Canadians"),
    c("Mexico", "", "Mexico City", "Mexican|Mexicans"),
    c("Brazil", "", "Brasília|Brasilia", "Brazilian|Brazilians"),
    c("Argentina", "", "Buenos Aires", "Argentine|Argentinian|Argentines"),
    c("Venezuela", "", "Caracas", "Venezuelan|Venezuelans"),
    c("Cuba", "", "Havana", "Cuban|Cubans"),
    c("Colombia", "", "Bogotá|Bogota", "Colombian|Colombians"),
    c("Australia", "", "Canberra", "Australian|Australians"),
    c("Belarus", "", "Minsk", "Belarusian|Belarusians"),
    c("Hungary", "", "Budapest", "Hungarian|Hungarians"),
    c("Finland", "", "Helsinki", "Finnish|Finns"),
    c("Sweden", "", "Stockholm", "Swedish|Swedes"),
    c("Norway", "", "Oslo", "Norwegian|Norwegians"),
    c("Denmark", "", "Copenhagen", "Danish|Danes"),
    c("Netherlands", "Holland", "Amsterdam|The Hague", "Dutch"),
    c("Belgium", "", "", "Belgian|Belgians"),
    c("Austria", "", "Vienna", "Austrian|Austrians"),
    c("Switzerland", "", "Bern", "Swiss"),
    c("Greece", "", "Athens", "Greek|Greeks"),
    c("Ireland", "", "Dublin", "Irish"),
    c("Portugal", "", "Lisbon", "Portuguese"),
    c("Czech Republic", "Czechia", "Prague", "Czech|Czechs"),
    c("Romania", "", "Bucharest", "Romanian|Romanians"),
    c("Moldova", "", "Chisinau", "Moldovan|Moldovans"),
    c("Serbia", "", "Belgrade", "Serbian|Serbs"),
    c("Estonia", "", "Tallinn", "Estonian|Estonians"),
    c("Latvia", "", "Riga", "Latvian|Latvians"),
    c("Lithuania", "", "Vilnius", "Lithuanian|Lithuanians"),
    c("Afghanistan", "", "Kabul", "Afghan|Afghans"),
    c("Qatar", "", "Doha", "Qatari|Qataris"),
    c("United Arab Emirates", "UAE", "Abu Dhabi", "Emirati|Emiratis"),
    c("Lebanon", "", "Beirut", "Lebanese"),
    c("Jordan", "", "Amman", "Jordanian|Jordanians"),
    c("Yemen", "", "Sanaa", "Yemeni|Yemenis"),
    c("Libya", "", "Tripoli", "Libyan|Libyans"),
    c("Nigeria", "", "Abuja", "Nigerian|Nigerians"),
    c("South Africa", "", "Pretoria", "South African|South Africans"),
    c("Kenya", "", "Nairobi", "Kenyan|Kenyans"),
    c("Ethiopia", "", "Addis Ababa", "Ethiopian|Ethiopians"),
    c("Sudan", "", "Khartoum", "Sudanese"),
    c("Indonesia", "", "Jakarta", "Indonesian|Indonesians"),
    c("Vietnam", "", "Hanoi", "Vietnamese"),
    c("Philippines", "", "Manila", "Filipino|Filipinos"),
    c("Taiwan", "", "Taipei", "Taiwanese"),
    c("Armenia", "", "Yerevan", "Armenian|Armenians"),
    c("Azerbaijan", "", "Baku", "Azerbaijani|Azerbaijanis"),
    c("Kazakhstan", "", "Astana", "Kazakh|Kazakhs"),
    c("Vatican", "Holy See", "", ""),
];

/// A bloc, organisation, institution or media outlet.
pub struct Org {
    pub name: &'static str,
    pub kind: StakeholderKind,
    /// Acronyms and other names ("NATO", "North Atlantic Treaty").
    pub aliases: Words,
    /// Adjectives and member nouns ("European", "Europeans"; "Republican", "Republicans").
    pub adjectives: Words,
    /// Common nouns that, after "the", stand for it when it is named in the article
    /// ("the alliance", "the bloc").
    pub descriptions: Words,
    /// The country it belongs to, by `Country::name`.
    pub country: Option<&'static str>,
}

use StakeholderKind::{Bloc, Institution, Media, Organisation};

const fn o(
    name: &'static str,
    kind: StakeholderKind,
    aliases: &'static str,
    adjectives: &'static str,
    descriptions: &'static str,
    country: Option<&'static str>,
) -> Org {
    Org { name, kind, aliases: Words(aliases), adjectives: Words(adjectives), descriptions: Words(descriptions), country }
}

const US: Option<&str> = Some("United States");

pub const ORGS: &[Org] = &[
    // blocs
    o("Europe", Bloc, "", "European|Europeans", "", None),
    o("European Union", Bloc, "EU|E.U.|Brussels", "", "bloc", None),
    o("the West", Bloc, "", "", "", None),
    o("G7", Bloc, "G-7|Group of Seven", "", "", None),
    o("G20", Bloc, "G-20|Group of 20", "", "", None),
    o("African Union", Bloc, "AU", "", "bloc", None),
    o("ASEAN", Bloc, "", "", "bloc", None),
    // international organisations
    o("NATO", Organisation, "Nato|North Atlantic Treaty Organization|North Atlantic Treaty Organisation|North Atlantic Treaty", "", "alliance|military alliance|western alliance", None),
    o("United Nations", Organisation, "UN|U.N.", "", "world body", None),
    o("UN Security Council", Institution, "Security Council|U.N. Security Council", "", "council", None),
    o("World Health Organization", Organisation, "WHO|World Health Organisation", "", "", None),
    o("International Monetary Fund", Organisation, "IMF", "", "fund", None),
    o("World Bank", Organisation, "", "", "bank", None),
    o("World Trade Organization", Organisation, "WTO", "", "", None),
    o("OPEC", Organisation, "", "", "cartel", None),
    o("International Atomic Energy Agency", Organisation, "IAEA", "", "agency|watchdog", None),
    o("International Criminal Court", Institution, "ICC", "", "court", None),
    o("OSCE", Organisation, "", "", "", None),
    o("Red Cross", Organisation, "International Committee of the Red Cross|ICRC", "", "", None),
    o("Amnesty International", Organisation, "Amnesty", "", "", None),
    o("Human Rights Watch", Organisation, "", "", "", None),
    o("European Commission", Institution, "", "", "commission", None),
    o("European Parliament", Institution, "", "", "", None),
    o("Hamas", Organisation, "", "", "group|militant group", None),
    o("Hezbollah", Organisation, "", "", "group|militant group", None),
    o("Taliban", Organisation, "", "", "group", None),
    o("Islamic State", Organisation, "ISIS|ISIL|IS", "", "group|militant group", None),
    o("al-Qaeda", Organisation, "al Qaeda|Al Qaeda|Al-Qaeda", "", "group", None),
    // parties
    o("Democratic Party", Organisation, "Democrats", "Democratic|Democrat", "party", US),
    o("Republican Party", Organisation, "Republicans|GOP", "Republican", "party", US),
    o("Democratic National Committee", Organisation, "DNC", "", "committee", US),
    o("Republican National Committee", Organisation, "RNC", "", "committee", US),
    o("Labour Party", Organisation, "Labour", "", "party", Some("United Kingdom")),
    o("Conservative Party", Organisation, "Conservatives|Tories", "Tory", "party", Some("United Kingdom")),
    // institutions
    o("White House", Institution, "", "", "", US),
    o("Congress", Institution, "US Congress|U.S. Congress", "", "", US),
    o("Senate", Institution, "US Senate|U.S. Senate", "", "", US),
    o("House of Representatives", Institution, "", "", "", US),
    o("Supreme Court", Institution, "US Supreme Court|U.S. Supreme Court", "", "court", US),
    o("Pentagon", Institution, "Department of Defense|Defense Department", "", "", US),
    o("State Department", Institution, "Department of State", "", "department", US),
    o("Justice Department", Institution, "Department of Justice|DOJ", "", "department", US),
    o("FBI", Institution, "Federal Bureau of Investigation", "", "bureau", US),
    o("CIA", Institution, "Central Intelligence Agency", "", "agency", US),
    o("Federal Reserve", Institution, "Fed", "", "", US),
    o("Kremlin", Institution, "", "", "", Some("Russia")),
    o("State Duma", Institution, "Duma", "", "", Some("Russia")),
    o("Downing Street", Institution, "Number 10", "", "", Some("United Kingdom")),
    o("National Health Service", Institution, "NHS", "", "", Some("United Kingdom")),
    o("Élysée", Institution, "Elysee|Élysée Palace|Elysee Palace", "", "", Some("France")),
    o("Bundestag", Institution, "", "", "", Some("Germany")),
    o("Knesset", Institution, "", "", "", Some("Israel")),
    o("Verkhovna Rada", Institution, "", "", "", Some("Ukraine")),
    // media
    o("Fox News", Media, "Fox News Channel|Fox", "", "network", None),
    o("CNN", Media, "", "", "network", None),
    // social platforms (companies), where people post what they say ("took to Facebook")
    o("Facebook", Organisation, "", "", "", None),
    o("Instagram", Organisation, "", "", "", None),
    o("TikTok", Organisation, "", "", "", None),
    o("YouTube", Organisation, "", "", "", None),
    o("Reddit", Organisation, "", "", "", None),
    o("WhatsApp", Organisation, "", "", "", None),
    o("LinkedIn", Organisation, "", "", "", None),
    o("MSNBC", Media, "", "", "network", None),
    o("NBC News", Media, "NBC", "", "network", None),
    o("ABC News", Media, "ABC", "", "network", None),
    o("CBS News", Media, "CBS", "", "network", None),
    o("CNBC", Media, "", "", "", None),
    o("NPR", Media, "National Public Radio", "", "", None),
    o("PBS", Media, "", "", "", None),
    o("BBC", Media, "BBC News", "", "broadcaster", None),
    o("Sky News", Media, "", "", "", None),
    o("Reuters", Media, "", "", "news agency", None),
    o("Associated Press", Media, "AP|The Associated Press", "", "news agency", None),
    o("AFP", Media, "Agence France-Presse", "", "news agency", None),
    o("Bloomberg", Media, "Bloomberg News", "", "", None),
    o("The New York Times", Media, "New York Times|NYT", "", "newspaper", None),
    o("The Washington Post", Media, "Washington Post", "", "newspaper", None),
    o("The Wall Street Journal", Media, "Wall Street Journal|WSJ", "", "newspaper", None),
    o("USA Today", Media, "", "", "newspaper", None),
    o("Los Angeles Times", Media, "LA Times", "", "newspaper", None),
    o("Financial Times", Media, "FT", "", "newspaper", None),
    o("The Guardian", Media, "Guardian", "", "newspaper", None),
    o("The Economist", Media, "Economist", "", "", None),
    o("Politico", Media, "POLITICO", "", "", None),
    o("Axios", Media, "", "", "", None),
    o("The Hill", Media, "", "", "", None),
    o("Breitbart News", Media, "Breitbart", "", "", None),
    o("HuffPost", Media, "Huffington Post|The Huffington Post", "", "", None),
    o("BuzzFeed News", Media, "BuzzFeed", "", "", None),
    o("The Daily Beast", Media, "Daily Beast", "", "", None),
    o("Newsweek", Media, "", "", "magazine", None),
    o("The Atlantic", Media, "", "", "magazine", None),
    o("The New Yorker", Media, "New Yorker", "", "magazine", None),
    o("National Review", Media, "", "", "magazine", None),
    o("Washington Examiner", Media, "The Washington Examiner", "", "", None),
    o("Daily Mail", Media, "The Daily Mail", "", "", None),
    o("The Telegraph", Media, "Telegraph", "", "", None),
    o("Al Jazeera", Media, "", "", "broadcaster", None),
    o("RT", Media, "Russia Today", "", "broadcaster", None),
    o("TASS", Media, "Tass", "", "news agency", None),
    o("Interfax", Media, "", "", "news agency", None),
    o("Kyiv Independent", Media, "The Kyiv Independent", "", "", None),
    o("Der Spiegel", Media, "Spiegel", "", "magazine", None),
    o("Le Monde", Media, "", "", "newspaper", None),
    // national newspapers and broadcasters of the English-speaking world and of Europe (the
    // largest by circulation or audience in each country), by the names news copy uses
    o("The Sun", Media, "the Sun", "", "tabloid|newspaper", None),
    o("The Times", Media, "the Times", "", "newspaper", None),
    o("The Independent", Media, "the Independent", "", "newspaper", None),
    o("Daily Mirror", Media, "The Mirror|the Mirror|The Daily Mirror", "", "tabloid|newspaper", None),
    o("Daily Express", Media, "The Express|the Express|The Daily Express", "", "newspaper", None),
    o("Evening Standard", Media, "The Evening Standard|the Evening Standard", "", "newspaper", None),
    o("ITV News", Media, "ITV", "", "broadcaster", None),
    o("Channel 4 News", Media, "", "", "broadcaster", None),
    o("The Irish Times", Media, "Irish Times", "", "newspaper", None),
    o("RTÉ", Media, "RTE", "", "broadcaster", None),
    o("Irish Independent", Media, "The Irish Independent", "", "newspaper", None),
    o("Australian Broadcasting Corporation", Media, "", "", "broadcaster", None),
    o("Sydney Morning Herald", Media, "The Sydney Morning Herald", "", "newspaper", None),
    o("CBC News", Media, "CBC", "", "broadcaster", None),
    o("The Globe and Mail", Media, "Globe and Mail", "", "newspaper", None),
    o("RNZ", Media, "Radio New Zealand", "", "broadcaster", None),
    o("The New Zealand Herald", Media, "New Zealand Herald", "", "newspaper", None),
    o("The Times of India", Media, "Times of India", "", "newspaper", None),
    o("The Hindu", Media, "", "", "newspaper", None),
    o("NDTV", Media, "", "", "broadcaster", None),
    o("Hindustan Times", Media, "", "", "newspaper", None),
    o("Daily Nation", Media, "", "", "newspaper", None),
    o("News24", Media, "", "", "", None),
    o("SABC", Media, "", "", "broadcaster", None),
    o("Channels Television", Media, "Channels TV", "", "broadcaster", None),
    o("Bild", Media, "", "", "tabloid|newspaper", None),
    o("Süddeutsche Zeitung", Media, "", "", "newspaper", None),
    o("Frankfurter Allgemeine Zeitung", Media, "FAZ", "", "newspaper", None),
    o("Die Zeit", Media, "", "", "newspaper", None),
    o("Le Figaro", Media, "", "", "newspaper", None),
    o("El País", Media, "", "", "newspaper", None),
    o("Corriere della Sera", Media, "", "", "newspaper", None),
];

/// Titles and offices (lower case). A title before a name makes a person ("Foreign
/// Minister Sergey Lavrov"); a title after "the" stands for its holder ("the minister").
/// Nationality nouns that no suffix rule catches ("the Swede said"): a person described by them.
pub const NATIONALITY_NOUNS: Words = Words("swede|dane|finn|pole|turk|greek|scot|brit|thai|czech|serb|croat|slovak|slovene|uzbek|kazakh|tajik|kurd|arab|basque|kiwi|aussie|gael|swiss|dutchman|welshman");

pub const TITLES: Words = Words("\
    president|vice president|vice-president|president-elect|vice president-elect|prime minister|\
    deputy prime minister|foreign minister|defence minister|defense minister|interior minister|\
    finance minister|economy minister|health minister|minister|foreign secretary|home secretary|\
    defence secretary|defense secretary|secretary of state|secretary of defense|secretary of homeland security|\
    treasury secretary|secretary-general|secretary general|general secretary|secretary|special envoy|envoy|\
    ambassador|chancellor|king|queen|prince|princess|pope|emperor|sheikh|senator|\
    sen.|rep.|representative|congressman|congresswoman|lawmaker|governor|gov.|lt. gov.|\
    lieutenant governor|mayor|speaker|house speaker|majority leader|minority leader|leader|\
    chairman|chairwoman|chairperson|chair|chief executive|ceo|director|commissioner|chief|boss|\
    spokesman|spokeswoman|spokesperson|press secretary|adviser|advisor|aide|\
    national security adviser|attorney general|judge|justice|chief justice|general|gen.|\
    admiral|adm.|colonel|col.|commander|lt.|sgt.|capt.|host|anchor|correspondent|\
    reporter|editor|columnist|analyst|professor|prof.|candidate|presidential candidate|\
    nominee|presidential nominee|front-runner|frontrunner|hopeful|strategist|pollster|\
    campaign manager|campaign chairman|founder|co-founder|executive director|official|diplomat|\
    negotiator|head|sheriff|police chief|prosecutor|district attorney|lawyer|attorney|\
    economist|commentator|activist|bishop|cardinal|rabbi|imam|archbishop|coach|\
    supervisor|councilman|councilwoman|council member|councilmember|councilor|councillor|alderman|alderwoman|assemblyman|assemblymember|\
    assemblywoman|state senator|state representative|delegate|superintendent|chief of staff|\
    deputy chief of staff|actor|actress|singer|author|writer|comedian|rapper|musician|\
    star|producer|director|filmmaker|moderator|president and ceo|chief operating officer|\
    manager|coordinator|organizer|organiser|researcher|scientist|physician|dr.|\
    detective|officer|trooper|deputy|inspector|magistrate|attorney general|solicitor general|\
    surgeon general|secretary of the treasury|premier|president of the european commission|\
    first lady|senate majority leader|house minority leader|whip|nominee|contender|challenger|\
    incumbent|congressional candidate|vice presidential candidate|vice presidential nominee|\
    running mate|republican nominee|democratic nominee|owner|co-owner|taoiseach|tánaiste|tanaiste|\
    first minister|deputy first minister|chief minister|governor-general|governor general|\
    cabinet secretary|chief whip|chief secretary|permanent secretary|head of state|\
    chief financial officer|cfo|coo|cto|chief technology officer|managing director|\
    general manager|head coach|shareholder|majority shareholder|curator|lead curator|\
    chief constable|commissioner of police|police commissioner|party leader|opposition leader|expert|specialist|engineer|\
    executive vice-president|executive vice president|senior vice-president|senior vice president|\
    mp|mep|msp|mla|mpp|ms|td|member of parliament|constable|police constable|detective constable|\
    detective sergeant|detective inspector|detective chief inspector|detective superintendent|\
    detective chief superintendent|chief inspector|chief superintendent|sergeant|police sergeant|\
    assistant chief constable|deputy chief constable|barrister|solicitor|defence lawyer|\
    defense lawyer|defence barrister|defense attorney|public defender|recorder|coroner|\
    district judge|circuit judge|high court judge");

/// Words that may precede a title inside a role ("former", "acting").
pub const TITLE_MODIFIERS: Words = Words("\
    former|acting|deputy|top|senior|interim|outgoing|incoming|assistant|then-|ex-|joint|lead|principal|associate|\
    longtime|veteran|chief|presidential|democratic|republican|white house|state");

/// Honorifics before a personal name; the gender they imply, if any.
pub const HONORIFICS: &[(&str, Option<bool>)] = &[
    ("Mr.", Some(true)), ("Mr", Some(true)), ("Mrs.", Some(false)), ("Mrs", Some(false)), ("Ms.", Some(false)),
    ("Ms", Some(false)), ("Miss", Some(false)), ("Dr.", None), ("Dr", None), ("Sir", Some(true)), ("Dame", Some(false)),
    ("Lord", Some(true)), ("Lady", Some(false)),
];

/// Unorganised groups of people (lower case plurals).
pub const GROUPS: Words = Words("\
    protesters|protestors|demonstrators|voters|residents|workers|farmers|students|refugees|\
    migrants|immigrants|activists|civilians|taxpayers|consumers|veterans|teachers|\
    doctors|nurses|lawmakers|legislators|strikers|investors");

/// Nouns after a demonym that keep the mention about the country or bloc itself
/// ("European countries", "US officials").
pub const STATE_NOUNS: Words = Words("\
    countries|nations|states|leaders|governments|government|allies|officials|partners|\
    authorities|diplomats|negotiators|administration|side");

/// After a personal name: "the Trump administration" is its own stakeholder.
pub const PERSONAL_BODIES: &[(&str, StakeholderKind)] = &[
    ("administration", Institution),
    ("government", Institution),
    ("campaign", Organisation),
    ("camp", Organisation),
    ("foundation", Organisation),
    ("organization", Organisation),
    ("organisation", Organisation),
];

/// Last words of capitalised names that make them organisations or institutions.
pub const ORG_HEADS: &[(&str, StakeholderKind)] = &[
    ("Party", Organisation), ("Committee", Organisation), ("Council", Institution), ("Commission", Institution),
    ("Agency", Institution), ("Ministry", Institution), ("Department", Institution), ("Court", Institution),
    ("Office", Institution), ("Service", Institution), ("Bureau", Institution), ("Senate", Institution),
    ("Assembly", Institution), ("Parliament", Institution), ("Congress", Institution), ("Police", Institution),
    ("Army", Institution), ("Navy", Institution), ("Forces", Institution), ("Guard", Institution),
    ("University", Organisation), ("College", Organisation), ("Institute", Organisation), ("Foundation", Organisation),
    ("Association", Organisation), ("Union", Organisation), ("Federation", Organisation), ("Organization", Organisation),
    ("Organisation", Organisation), ("Group", Organisation), ("Company", Organisation), ("Corporation", Organisation),
    ("Corp.", Organisation), ("Inc.", Organisation), ("Ltd", Organisation), ("Bank", Organisation),
    ("Fund", Organisation), ("Center", Organisation), ("Centre", Organisation), ("Network", Media),
    ("News", Media), ("Times", Media), ("Post", Media), ("Journal", Media), ("Tribune", Media), ("Herald", Media),
    ("Magazine", Media), ("Images", Media), ("Watch", Organisation), ("Coalition", Organisation), ("Alliance", Organisation),
    ("Movement", Organisation), ("Front", Organisation), ("Institution", Organisation), ("Society", Organisation),
    ("Board", Institution), ("Administration", Institution), ("Authority", Institution), ("Caucus", Organisation),
    ("PAC", Organisation), ("Airlines", Organisation), ("Church", Organisation),
    ("Motors", Organisation), ("Holdings", Organisation), ("Industries", Organisation), ("Technologies", Organisation),
    ("Pharmaceuticals", Organisation), ("Airways", Organisation), ("Partners", Organisation), ("Plc", Organisation),
    ("PLC", Organisation), ("LLC", Organisation), ("Limited", Organisation), ("Ltd.", Organisation), ("FC", Organisation), ("United", Organisation), ("Sports", Media), ("Project", Organisation), ("Trust", Organisation),
    ("Gazette", Media), ("Chronicle", Media), ("Courier", Media), ("Observer", Media), ("Mirror", Media), ("Express", Media),
    ("Standard", Media), ("Inquirer", Media), ("Dispatch", Media), ("Bulletin", Media),
    ("Stores", Organisation), ("Foods", Organisation), ("Brands", Organisation), ("Energy", Organisation),
    ("Systems", Organisation), ("Capital", Organisation), ("Investments", Organisation), ("Insurance", Organisation),
    ("Resources", Organisation), ("Logistics", Organisation), ("Labs", Organisation), ("Studios", Organisation),
    ("Confederation", Organisation), ("Consortium", Organisation), ("Chamber", Organisation), ("League", Organisation),
    ("Academy", Organisation), ("Hospital", Organisation), ("Museum", Institution), ("Gallery", Institution), ("Library", Institution),
    ("Nation", StakeholderKind::Group), ("Nations", StakeholderKind::Group),
    ("Entertainment", Organisation), ("Pharma", Organisation), ("Therapeutics", Organisation), ("Telecom", Organisation),
    ("Bancorp", Organisation), ("Mining", Organisation), ("Petroleum", Organisation),
    ("Government", Institution), ("Forum", Organisation), ("Executive", Institution), ("Tribunal", Institution),
    // the legal forms of companies (English, German, French, Dutch and Nordic registers) and
    // a few more heads of company and club names
    ("Corp", Organisation), ("Inc", Organisation), ("Co.", Organisation), ("plc", Organisation), ("AG", Organisation),
    ("GmbH", Organisation), ("SA", Organisation), ("NV", Organisation), ("ASA", Organisation), ("AB", Organisation),
    ("Homes", Organisation), ("Housing", Organisation), ("Railways", Organisation), ("Airport", Organisation), ("Club", Organisation),
];

/// Lower-case nouns for organisations: "the Unite union", "the campaign group Open Rivers".
pub const ORG_NOUNS: Words = Words("\
    union|party|group|movement|company|firm|bank|club|charity|carmaker|airline|coalition|alliance|\
    militia|organisation|organization|nonprofit|non-profit|startup|start-up|retailer|lender|insurer|\
    watchdog|think-tank|fund|regulator|supermarket|manufacturer|chain|conglomerate|developer|publisher|\
    broker|supplier|operator|utility|automaker|drugmaker|chipmaker");

/// Lower-case nouns for public bodies: an organisation a description with one of these heads
/// stands for ("the communications regulator" for Ofcom) is a state institution.
pub const PUBLIC_BODY_NOUNS: Words = Words("\
    regulator|watchdog|agency|authority|ministry|department|court|tribunal|commission|council|\
    government|administration|inspectorate|parliament|legislature|executive|police|force|museum");

/// Lower-case nouns for media outlets ("the newspaper Le Monde").
pub const MEDIA_NOUNS: Words = Words("newspaper|broadcaster|network|tabloid|magazine|outlet|website");

/// Last words of capitalised names that make them places or things, not stakeholders.
pub const NON_ACTOR_HEADS: Words = Words("\
    Street|Avenue|Road|Square|River|Sea|Ocean|Lake|Mountains|Island|Islands|County|State|\
    City|Province|Region|Valley|Bay|Airport|Hotel|Hall|Tower|Park|Bridge|Treaty|\
    Act|Bill|Agreement|Accord|Accords|Summit|War|Day|Week|Prize|Award|Cup|\
    Games|Olympics|Convention|Debate|Plan|Doctrine|Program|Programme|Initiative|Article|\
    Amendment|Constitution|Peninsula|Strait|Gulf|Coast|Beach|Stadium|Arena|Center");

/// US states and large cities: places, not actors (they keep capitalised runs from
/// being taken for personal names).
pub const PLACES: Words = Words("\
    Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|\
    Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|\
    Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|\
    New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|\
    Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|\
    Vermont|Virginia|West Virginia|Wisconsin|Wyoming|Chicago|Los Angeles|San Francisco|\
    Boston|Philadelphia|Houston|Dallas|Miami|Atlanta|Seattle|Detroit|Denver|Phoenix|\
    Las Vegas|New Orleans|Cleveland|Baltimore|Brooklyn|Manhattan|Silicon Valley|Wall Street|\
    Hollywood|Capitol Hill|Crimea|Donbas|Donbass|Gaza|West Bank|Kharkiv|Odesa|Odessa|\
    Donetsk|Luhansk|Zaporizhzhia|Kherson|Mariupol|Bakhmut|Geneva|Munich|Davos|Istanbul|\
    Hong Kong|Quebec|Ontario|Siberia|Kashmir|\
    Middle East|Asia|Africa|Latin America|South America|North America|Arctic|Baltic|\
    Balkans|Caucasus|Pacific|Atlantic|Mediterranean|Alaska|Anchorage|Mar-a-Lago|\
    Iowa City|Des Moines|Charleston|Columbia|Nashville|Orlando|Tampa|Austin|San Diego");

/// Capitalised words that are not names (sentence openers, days, months, pronouns...).
pub const NOT_NAME: Words = Words("\
    The|A|An|In|On|At|But|And|Or|If|When|While|After|Before|Despite|Selon|Laut|\
    Under|Over|This|That|These|Those|It|He|She|They|We|I|You|His|Her|\
    Their|Our|My|Its|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\
    January|February|March|April|May|June|July|August|September|October|\
    November|December|What|Look|Last|Next|For|From|With|As|Of|To|By|\
    Yes|No|Not|So|Then|There|Here|Now|Today|Yesterday|Tomorrow|Why|How|\
    Who|Where|Which|Whether|Although|Though|Because|Since|Until|Also|Still|\
    Even|Just|Only|Meanwhile|However|Instead|Asked|According|Some|Many|Most|\
    All|Both|Each|Every|Other|Others|Another|One|Two|Three|Several|Few|More|\
    Such|Than|Mr|Mrs|Ms|Dr|Sir|Lady|Lord|Earlier|Later|Like|Unlike|About|\
    Among|Between|During|Without|Within|Through|Against|Amid|Following|Speaking|\
    Officials|Police|Experts|Analysts|Authorities|Sources|Witnesses|Prosecutors|\
    Investigators|People|Critics|Supporters|Reporters|Aides|Advisers|Voters|Residents|\
    Protesters|Lawmakers|Leaders|Members|Some|Democrats|Republicans|Americans|Thank|\
    Please|Well|Oh|Let|Do|Does|Did|Is|Are|Was|Were|Be|Have|Has|Had|\
    Will|Would|Can|Could|Should|Must|Might|Perhaps|Maybe|Never|Always|Often|\
    Again|Already|Once|Twice|New|Old|First|Second|Third|Former|Top|Senior|\
    Great|Good|Bad|Big|Very|Much|Any|No.|St.|OK|Okay|God|Mrs.|Mr.|Ms.|Dr.|\
    Internet|Christmas|Easter|Ramadan|English|Spanish|Latino|Latinos|Hispanic|\
    Hispanics|Muslim|Muslims|Christian|Christians|Jewish|Jews|Catholic|Catholics|\
    Black|White|Asian|Western|Eastern|Northern|Southern|North|South|East|West");

/// The most common given names with their gender, from the 1990 US census (public domain;
/// `scripts/gen-given-names.py` regenerates the file and documents the source and cut-off):
/// line 1 male, line 2 female, lower case, `|`-separated. Used to tell persons from other
/// capitalised pairs and to guess gender for pronoun resolution. Never edited by hand.
const GIVEN_NAMES: &str = include_str!("../data/given-names.txt");

/// Gender of a capitalised given name (`true`: male), if it is a common one.
pub fn given_name_gender(first: &str) -> Option<bool> {
    if !first.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let (male, female) = GIVEN_NAMES.split_once('\n').unwrap_or((GIVEN_NAMES, ""));
    let w = first.lower();
    if Words(male).contains(&w.as_str()) {
        Some(true)
    } else if Words(female.trim_end()).contains(&w.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// Frequent English common words that are no given name or common surname ("media",
/// "government", "resort"), lower case, `|`-separated: a capitalised name holding one is no
/// personal name. Generated by `scripts/gen-common-words.py` (wordfreq's most frequent English
/// words, those `wamerican` spells in lower case, minus census given names and surnames; the
/// script documents sources and cut-offs). Never edited by hand.
pub const COMMON_WORDS: Words = Words(include_str!("../data/common-words.txt"));

/// Acronyms of common nouns, units and titles, which name no organisation (an unknown acronym
/// of capitals otherwise does: "the HSE", "URP").
pub const COMMON_ACRONYMS: Words = Words("\
    CEO|CFO|COO|CTO|MP|MPs|MEP|MSP|MLA|TD|PM|AM|TV|GDP|GNP|VAT|AI|ID|IT|PR|HR|OK|UK|US|USA|EU|UN|\
    COVID|HIV|AIDS|DNA|PhD|MBA|BBQ|CCTV|SUV|ATM|PIN|SMS|URL|PDF|GP|GPs|A&E|ICU|ER|NB|PS|FAQ|DIY|\
    ISP|LED|LGBT|LGBTQ|VIP|VPN|WiFi|QC|KC|OBE|MBE|CBE|BA|MA|BSc|MSc|USB|CD|DVD|PC|RIP|RSVP|ETA|\
    AGM|IPO|FTSE|BST|GMT|EST|PST|CET|NOW|NEW|THE|AND|FOR|BUT");

mod bodies;
mod people;
mod speech;
pub mod verbs;
pub mod lang;
pub use bodies::*;
pub use people::*;
pub use speech::*;

#[cfg(test)]
mod words_tests {
    use super::Words;

    #[test]
    fn words_contains_matches_whole_entries_only() {
        let w = Words("said|says|sa|insaid|é|said x|");
        for yes in ["said", "says", "sa", "insaid", "é", "said x"] {
            assert!(w.contains(&yes), "{yes}");
        }
        for no in ["sai", "aid", "in", "x", "said|says", "s", "", "ésaid", "ays"] {
            assert!(!w.contains(&no), "{no}");
        }
        assert!(!Words("").contains(&"a"));
        assert!(Words("a||b").contains(&""));
    }
}
