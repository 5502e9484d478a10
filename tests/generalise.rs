//! Regression cases, not a measure of generalisation: four short, invented news stories
//! (business, sport, local politics, international), each with the stakeholders, quotes and
//! relations a careful reader would mark. They were written before the analysis was tuned for
//! them, but it was tuned on them after their first run, so they only guard against losing what
//! they cover. How well the analysis generalises is measured on real articles it was never
//! tuned on: `scripts/eval_world.py` (world-dev, nine countries) and the held-out sets the
//! maintainers keep outside the project.
//!
//! Each story is a list of named checks; a story's test prints every failing check and
//! fails when fewer pass than its floor (the floors only ever go up). `cargo test --test
//! generalise -- --nocapture` prints the tally.

use stakeholder_map::model::{Analysis, QuoteKind, Stakeholder, StakeholderKind};
use stakeholder_map::{analyze, Article};

fn run(headline: &str, body: &str) -> Analysis {
    let mut a = Article::from_body(body);
    a.headline = headline.to_string();
    analyze(&a)
}

struct Checks<'a> {
    a: &'a Analysis,
    results: Vec<(String, bool)>,
}

impl<'a> Checks<'a> {
    fn new(a: &'a Analysis) -> Self {
        Checks { a, results: Vec::new() }
    }
    fn find(&self, name: &str) -> Option<&'a Stakeholder> {
        self.a.stakeholders.iter().find(|s| s.name == name)
    }
    fn check(&mut self, what: String, ok: bool) {
        self.results.push((what, ok));
    }
    /// A stakeholder with exactly this canonical name and kind.
    fn stakeholder(&mut self, name: &str, kind: StakeholderKind) {
        let ok = self.find(name).is_some_and(|s| s.kind == kind);
        let got = self.find(name).map(|s| s.kind);
        self.check(format!("stakeholder {name} ({kind:?}), got {got:?}"), ok);
    }
    /// The stakeholder's role mentions the word `head` (lower-cased).
    fn role(&mut self, name: &str, head: &str) {
        let role = self.find(name).and_then(|s| s.role.clone());
        let ok = role.as_deref().is_some_and(|r| r.to_lowercase().split_whitespace().any(|w| w == head));
        self.check(format!("role of {name} has {head:?}, got {role:?}"), ok);
    }
    /// `alias` is one of the stakeholder's surface forms.
    fn alias(&mut self, name: &str, alias: &str) {
        let ok = self.find(name).is_some_and(|s| s.mentions.iter().any(|m| m.text == alias));
        self.check(format!("{alias:?} is a mention of {name}"), ok);
    }
    fn affiliated(&mut self, name: &str, with: &str) {
        let w = self.find(with).map(|s| s.id.clone());
        let ok = self.find(name).zip(w).is_some_and(|(s, w)| s.affiliations.contains(&w));
        self.check(format!("{name} affiliated with {with}"), ok);
    }
    /// A speech quote starting with `start` attributed to `speaker`.
    fn quote(&mut self, start: &str, speaker: &str) {
        let q = self.a.quotes.iter().find(|q| q.text.starts_with(start));
        let got = q.and_then(|q| q.speaker.as_deref()).and_then(|id| self.a.stakeholder(id)).map(|s| s.name.clone());
        let ok = q.is_some_and(|q| q.kind != QuoteKind::NonSpeech) && got.as_deref() == Some(speaker);
        self.check(format!("quote {start:?} by {speaker}, got {got:?} (found: {})", q.is_some()), ok);
    }
    /// A relation from `src` to `tgt` whose kind's label is one of `labels`.
    fn relation(&mut self, src: &str, labels: &[&str], tgt: &str) {
        let (s, t) = (self.find(src).map(|s| s.id.clone()), self.find(tgt).map(|s| s.id.clone()));
        let ok = self.a.relations.iter().any(|r| Some(&r.source) == s.as_ref() && Some(&r.target) == t.as_ref() && labels.contains(&r.kind.label()));
        self.check(format!("relation {src} -{labels:?}-> {tgt}"), ok);
    }
    /// Passed checks; prints every failure.
    fn tally(&self, story: &str) -> usize {
        let passed = self.results.iter().filter(|r| r.1).count();
        println!("{story}: {passed}/{} checks pass", self.results.len());
        for (what, ok) in &self.results {
            if !ok {
                println!("  FAIL {what}");
            }
        }
        if passed < self.results.len() {
            let names: Vec<String> = self.a.stakeholders.iter().map(|s| format!("{} [{:?}, {:?}]", s.name, s.kind, s.role)).collect();
            println!("  stakeholders: {names:?}");
            let rels: Vec<String> = self.a.relations.iter().map(|r| format!("{} -{}-> {}", r.source, r.kind.label(), r.target)).collect();
            println!("  relations: {rels:?}");
        }
        passed
    }
}

#[test]
fn held_out_business_story() {
    let a = run(
        "Harlow Motors to cut 1,200 jobs as electric car sales slump",
        "Harlow Motors will cut 1,200 jobs at its plant in Sheffield, the carmaker said on Thursday, \
         blaming weak demand for electric vehicles.\n\n\
         Chief executive Priya Raman said the decision was painful but necessary. “We have to match our \
         output to what customers are actually buying,” she told reporters at the company’s headquarters.\n\n\
         The Unite union condemned Harlow Motors and urged Business Secretary Helen Oduya to intervene. \
         “This is a betrayal of workers who kept the lines running through the pandemic,” said Tom Mercer, \
         Unite’s regional secretary.\n\n\
         Oduya said in an interview with the BBC that ministers would meet the company next week.",
    );
    let mut c = Checks::new(&a);
    c.stakeholder("Harlow Motors", StakeholderKind::Organisation);
    c.stakeholder("Priya Raman", StakeholderKind::Person);
    c.role("Priya Raman", "executive");
    c.stakeholder("Unite", StakeholderKind::Organisation);
    c.stakeholder("Tom Mercer", StakeholderKind::Person);
    c.role("Tom Mercer", "secretary");
    c.affiliated("Tom Mercer", "Unite");
    c.stakeholder("Helen Oduya", StakeholderKind::Person);
    c.role("Helen Oduya", "secretary");
    c.stakeholder("BBC", StakeholderKind::Media);
    c.quote("We have to match", "Priya Raman");
    c.quote("This is a betrayal", "Tom Mercer");
    c.relation("Unite", &["criticises", "opposes", "accuses"], "Harlow Motors");
    c.relation("Unite", &["demands"], "Helen Oduya");
    c.relation("Helen Oduya", &["speaks to", "interviewed by"], "BBC");
    let passed = c.tally("business");
    assert!(passed >= FLOOR_BUSINESS, "business: {passed} checks pass, floor {FLOOR_BUSINESS}");
}

#[test]
fn held_out_sport_story() {
    let a = run(
        "Redport City sack Marco Bellini after derby defeat",
        "Redport City have sacked head coach Marco Bellini after Saturday’s 4-0 derby defeat by \
         Eastvale United, the club announced on Monday.\n\n\
         Club chairman Gareth Lyle praised Bellini’s work but said results had not been good enough. \
         “Marco gave everything to this club, and we thank him for it,” Lyle said in a statement.\n\n\
         Bellini, who joined Redport in 2022, criticised the board in an interview with Sky Sports. \
         “I was never given the players I asked for,” he said. “You cannot build a team in one transfer window.”\n\n\
         Eastvale manager Chris Dunmore was more upbeat. “It was a special day for our fans,” he said.",
    );
    let mut c = Checks::new(&a);
    c.stakeholder("Redport City", StakeholderKind::Organisation);
    c.stakeholder("Marco Bellini", StakeholderKind::Person);
    c.role("Marco Bellini", "coach");
    c.stakeholder("Eastvale United", StakeholderKind::Organisation);
    c.stakeholder("Gareth Lyle", StakeholderKind::Person);
    c.role("Gareth Lyle", "chairman");
    c.stakeholder("Sky Sports", StakeholderKind::Media);
    c.stakeholder("Chris Dunmore", StakeholderKind::Person);
    c.role("Chris Dunmore", "manager");
    c.alias("Redport City", "Redport");
    c.quote("Marco gave everything", "Gareth Lyle");
    c.quote("I was never given", "Marco Bellini");
    c.quote("You cannot build", "Marco Bellini");
    c.quote("It was a special day", "Chris Dunmore");
    c.relation("Gareth Lyle", &["supports", "praises"], "Marco Bellini");
    c.relation("Marco Bellini", &["speaks to", "interviewed by"], "Sky Sports");
    let passed = c.tally("sport");
    assert!(passed >= FLOOR_SPORT, "sport: {passed} checks pass, floor {FLOOR_SPORT}");
}

#[test]
fn held_out_local_politics_story() {
    let a = run(
        "Council approves Millbrook bypass despite protests",
        "Millbrook District Council voted 7-4 on Tuesday night to approve the long-delayed bypass, \
         ending a decade of argument over the route.\n\n\
         Ellen Tasker, who was elected mayor of Millbrook in 2021, welcomed the vote. \
         \"This road will take lorries out of our high street for good,\" she said.\n\n\
         Councillor Dev Sharma, who leads the Green group on the council, accused Tasker of ignoring \
         residents. \"The mayor has listened to developers, not to the people who live here,\" Sharma said.\n\n\
         The Millbrook Residents Association said it would challenge the decision in court.",
    );
    let mut c = Checks::new(&a);
    let council = a.stakeholders.iter().find(|s| s.name == "Millbrook District Council").map(|s| s.kind);
    c.check(
        format!("stakeholder Millbrook District Council (institution or organisation), got {council:?}"),
        matches!(council, Some(StakeholderKind::Institution | StakeholderKind::Organisation)),
    );
    c.stakeholder("Ellen Tasker", StakeholderKind::Person);
    c.role("Ellen Tasker", "mayor");
    c.stakeholder("Dev Sharma", StakeholderKind::Person);
    c.role("Dev Sharma", "councillor");
    c.stakeholder("Millbrook Residents Association", StakeholderKind::Organisation);
    c.quote("This road will take", "Ellen Tasker");
    c.quote("The mayor has listened", "Dev Sharma");
    c.relation("Dev Sharma", &["criticises", "opposes", "accuses"], "Ellen Tasker");
    let passed = c.tally("local politics");
    assert!(passed >= FLOOR_LOCAL, "local politics: {passed} checks pass, floor {FLOOR_LOCAL}");
}

#[test]
fn held_out_international_story() {
    let a = run(
        "Japan and Australia sign defence pact",
        "Japan and Australia signed a defence agreement in Canberra on Friday, deepening military ties \
         as tensions rise in the Pacific.\n\n\
         Australian Prime Minister Graham Whitlow met his Japanese counterpart, Kenji Arakawa, at \
         Parliament House. “Our two countries share a commitment to a free and open region,” Whitlow said.\n\n\
         China’s foreign ministry criticised the pact. Spokesperson Lin Wei told a news conference in \
         Beijing that the deal “threatens regional stability” and urged both countries to “abandon their \
         Cold War mentality”.\n\n\
         Arakawa said in an interview with the Sydney Morning Herald that Tokyo did not seek confrontation \
         with Beijing.",
    );
    let mut c = Checks::new(&a);
    c.stakeholder("Japan", StakeholderKind::Country);
    c.stakeholder("Australia", StakeholderKind::Country);
    c.stakeholder("China", StakeholderKind::Country);
    c.alias("China", "Beijing");
    c.alias("Japan", "Tokyo");
    c.stakeholder("Graham Whitlow", StakeholderKind::Person);
    c.role("Graham Whitlow", "minister");
    c.affiliated("Graham Whitlow", "Australia");
    c.stakeholder("Kenji Arakawa", StakeholderKind::Person);
    c.stakeholder("Lin Wei", StakeholderKind::Person);
    c.role("Lin Wei", "spokesperson");
    c.stakeholder("Sydney Morning Herald", StakeholderKind::Media);
    c.quote("Our two countries share", "Graham Whitlow");
    c.quote("threatens regional stability", "Lin Wei");
    c.quote("abandon their Cold War", "Lin Wei");
    c.relation("Graham Whitlow", &["meets"], "Kenji Arakawa");
    c.relation("Kenji Arakawa", &["speaks to", "interviewed by"], "Sydney Morning Herald");
    let passed = c.tally("international");
    assert!(passed >= FLOOR_INTERNATIONAL, "international: {passed} checks pass, floor {FLOOR_INTERNATIONAL}");
}

// ---- a second set, written after the first round of changes and run once before any
// further tuning (its first tally is reported in the commit that adds it)

#[test]
fn held_out_health_story() {
    let a = run(
        "Hospital strike to go ahead after talks collapse",
        "Nurses at St Aldric’s Hospital will strike next week after talks with managers collapsed on Wednesday, \
         the Royal College of Nursing said.\n\n\
         “Our members have been left with no choice,” said Fiona Blake, the college’s regional director. \
         She accused hospital bosses of ignoring repeated warnings about staffing.\n\n\
         Health Secretary Martin Cole urged both sides to return to the table. In an interview with ITV News, \
         Cole said patients must come first.\n\n\
         Hospital chief executive Dr Sarah Okafor said she was disappointed. “We made a fair offer,” she said.",
    );
    let mut c = Checks::new(&a);
    c.stakeholder("Royal College of Nursing", StakeholderKind::Organisation);
    c.stakeholder("Fiona Blake", StakeholderKind::Person);
    c.role("Fiona Blake", "director");
    c.stakeholder("Martin Cole", StakeholderKind::Person);
    c.role("Martin Cole", "secretary");
    c.stakeholder("Sarah Okafor", StakeholderKind::Person);
    c.role("Sarah Okafor", "executive");
    c.quote("Our members have been left", "Fiona Blake");
    c.quote("We made a fair offer", "Sarah Okafor");
    c.relation("Martin Cole", &["speaks to"], "ITV News");
    let passed = c.tally("health");
    assert!(passed >= FLOOR_HEALTH, "health: {passed} checks pass, floor {FLOOR_HEALTH}");
}

#[test]
fn held_out_technology_story() {
    let a = run(
        "Regulator fines Quillon over data breach",
        "The Information Commissioner’s Office fined Quillon £12m on Monday over a data breach that exposed \
         the records of two million customers.\n\n\
         Quillon’s chief executive, Anders Voss, apologised to customers. \"We got this wrong and we are \
         sorry,\" Voss told the Financial Times. He said the company would appeal against the size of the fine.\n\n\
         Consumer group Which? welcomed the penalty. Its director of policy, Rocio Mendes, said: \"This sends a \
         clear message to every firm that holds our data.\"",
    );
    let mut c = Checks::new(&a);
    c.stakeholder("Quillon", StakeholderKind::Organisation);
    c.stakeholder("Anders Voss", StakeholderKind::Person);
    c.role("Anders Voss", "executive");
    c.affiliated("Anders Voss", "Quillon");
    c.stakeholder("Rocio Mendes", StakeholderKind::Person);
    c.role("Rocio Mendes", "director");
    c.quote("We got this wrong", "Anders Voss");
    c.quote("This sends a clear message", "Rocio Mendes");
    c.relation("Anders Voss", &["speaks to"], "Financial Times");
    c.stakeholder("Financial Times", StakeholderKind::Media);
    let passed = c.tally("technology");
    assert!(passed >= FLOOR_TECH, "technology: {passed} checks pass, floor {FLOOR_TECH}");
}

#[test]
fn held_out_courts_story() {
    let a = run(
        "",
        "A federal judge on Thursday blocked the state’s new voting law, siding with civil rights groups that \
         had sued Governor Ray Tolliver over the measure.\n\n\
         Judge Patricia Huang wrote that the law placed “an unjustified burden” on older voters. \
         Tolliver, a Republican, criticized the ruling and said the state would appeal to the Supreme Court.\n\n\
         “This is a victory for every voter in this state,” said Marcus Greene, president of the Voting Access Project.",
    );
    let mut c = Checks::new(&a);
    c.stakeholder("Ray Tolliver", StakeholderKind::Person);
    c.role("Ray Tolliver", "governor");
    c.stakeholder("Patricia Huang", StakeholderKind::Person);
    c.role("Patricia Huang", "judge");
    c.stakeholder("Marcus Greene", StakeholderKind::Person);
    c.role("Marcus Greene", "president");
    c.stakeholder("Voting Access Project", StakeholderKind::Organisation);
    c.affiliated("Marcus Greene", "Voting Access Project");
    c.quote("an unjustified burden", "Patricia Huang");
    c.quote("This is a victory", "Marcus Greene");
    c.stakeholder("Supreme Court", StakeholderKind::Institution);
    let passed = c.tally("courts");
    assert!(passed >= FLOOR_COURTS, "courts: {passed} checks pass, floor {FLOOR_COURTS}");
}

#[test]
fn held_out_climate_protest_story() {
    let a = run(
        "",
        "Thousands of protesters marched through Lisbon on Saturday, demanding that Portugal abandon plans for a new \
         oil terminal.\n\n\
         Organisers from the group Climate Now said 20,000 people took part. “The government is choosing profit over \
         our future,” said spokeswoman Inês Carvalho.\n\n\
         Environment Minister João Pereira defended the project in a statement, saying it would create 3,000 jobs. \
         The opposition Socialist Party called on Pereira to resign.",
    );
    let mut c = Checks::new(&a);
    c.stakeholder("Portugal", StakeholderKind::Country);
    c.alias("Portugal", "Lisbon");
    c.stakeholder("Climate Now", StakeholderKind::Organisation);
    c.stakeholder("Inês Carvalho", StakeholderKind::Person);
    c.role("Inês Carvalho", "spokeswoman");
    c.stakeholder("João Pereira", StakeholderKind::Person);
    c.role("João Pereira", "minister");
    c.stakeholder("Socialist Party", StakeholderKind::Organisation);
    c.quote("The government is choosing", "Inês Carvalho");
    c.relation("Socialist Party", &["demands"], "João Pereira");
    let passed = c.tally("climate protest");
    assert!(passed >= FLOOR_CLIMATE, "climate protest: {passed} checks pass, floor {FLOOR_CLIMATE}");
}

const FLOOR_HEALTH: usize = 10;
const FLOOR_TECH: usize = 10;
const FLOOR_COURTS: usize = 11;
const FLOOR_CLIMATE: usize = 9;

// ---- a third set, written at the end of the session and not used for tuning: its
// tally is the honest figure for text the rules were not shaped on

#[test]
fn held_out_election_story() {
    let a = run(
        "",
        "Opposition leader Karin Solberg claimed victory in Sunday’s parliamentary election in Norway, \
         ending eight years of centre-right rule.\n\n\
         “Tonight the country chose change,” Solberg told cheering supporters in Oslo. \
         Prime Minister Henrik Aas conceded defeat shortly after midnight and congratulated Solberg.\n\n\
         Aas, who had led the Conservative Party since 2015, said he would step down as party leader. \
         “The voters have spoken, and we respect their verdict,” he said.",
    );
    let mut c = Checks::new(&a);
    c.stakeholder("Karin Solberg", StakeholderKind::Person);
    c.role("Karin Solberg", "leader");
    c.stakeholder("Henrik Aas", StakeholderKind::Person);
    c.role("Henrik Aas", "minister");
    c.stakeholder("Norway", StakeholderKind::Country);
    c.alias("Norway", "Oslo");
    c.quote("Tonight the country chose change", "Karin Solberg");
    c.quote("The voters have spoken", "Henrik Aas");
    c.relation("Henrik Aas", &["supports", "praises"], "Karin Solberg");
    c.stakeholder("Conservative Party", StakeholderKind::Organisation);
    let passed = c.tally("election");
    assert!(passed >= FLOOR_ELECTION, "election: {passed} checks pass, floor {FLOOR_ELECTION}");
}

#[test]
fn held_out_earnings_story() {
    let a = run(
        "",
        "Shares in Marlow Retail fell 9% on Tuesday after the supermarket chain cut its profit forecast, \
         citing higher energy costs.\n\n\
         \"The last three months have been the toughest we have seen,\" chief executive Leonard Fry said on a \
         call with analysts. He said prices would rise in the spring.\n\n\
         Analysts at Barclays said the warning was \"worse than feared\". According to Jane Whitfield, a retail \
         analyst at Peel Hunt, the chain had \"run out of easy savings\".",
    );
    let mut c = Checks::new(&a);
    c.stakeholder("Marlow Retail", StakeholderKind::Organisation);
    c.stakeholder("Leonard Fry", StakeholderKind::Person);
    c.role("Leonard Fry", "executive");
    c.stakeholder("Jane Whitfield", StakeholderKind::Person);
    c.role("Jane Whitfield", "analyst");
    c.quote("The last three months", "Leonard Fry");
    c.quote("run out of easy savings", "Jane Whitfield");
    c.stakeholder("Barclays", StakeholderKind::Organisation);
    c.stakeholder("Peel Hunt", StakeholderKind::Organisation);
    let passed = c.tally("earnings");
    assert!(passed >= FLOOR_EARNINGS, "earnings: {passed} checks pass, floor {FLOOR_EARNINGS}");
}

#[test]
fn held_out_diplomacy_story() {
    let a = run(
        "",
        "Indian Foreign Minister Arjun Mehta met Chinese Foreign Minister Wang Lei in Geneva on Thursday for the first \
         talks between the two countries in a year.\n\n\
         Mehta told reporters the meeting had been “frank and constructive”. Wang said Beijing was ready to work with \
         New Delhi but warned against “outside interference”.\n\n\
         The United States welcomed the talks. State Department spokesman Paul Reiner told CNN that Washington \
         supported dialogue between India and China.",
    );
    let mut c = Checks::new(&a);
    c.stakeholder("Arjun Mehta", StakeholderKind::Person);
    c.role("Arjun Mehta", "minister");
    c.affiliated("Arjun Mehta", "India");
    c.stakeholder("Wang Lei", StakeholderKind::Person);
    c.affiliated("Wang Lei", "China");
    c.alias("China", "Beijing");
    c.alias("India", "New Delhi");
    c.quote("frank and constructive", "Arjun Mehta");
    c.quote("outside interference", "Wang Lei");
    c.relation("Arjun Mehta", &["meets"], "Wang Lei");
    c.stakeholder("Paul Reiner", StakeholderKind::Person);
    c.role("Paul Reiner", "spokesman");
    c.relation("Paul Reiner", &["speaks to"], "CNN");
    let passed = c.tally("diplomacy");
    assert!(passed >= FLOOR_DIPLOMACY, "diplomacy: {passed} checks pass, floor {FLOOR_DIPLOMACY}");
}

#[test]
fn held_out_police_story() {
    let a = run(
        "",
        "Police in Leeds have arrested two men after a jewellery shop was raided on Friday evening.\n\n\
         Detective Inspector Claire Hobbs said officers were still looking for a third suspect. \
         “We believe he may have left the city,” she said. “Anyone with information should call us.”\n\n\
         The shop’s owner, Sunil Varma, said the raid had lasted less than two minutes. \
         “They knew exactly what they wanted,” he told the Yorkshire Evening Post.",
    );
    let mut c = Checks::new(&a);
    c.stakeholder("Claire Hobbs", StakeholderKind::Person);
    c.role("Claire Hobbs", "inspector");
    c.stakeholder("Sunil Varma", StakeholderKind::Person);
    c.role("Sunil Varma", "owner");
    c.quote("We believe he may have left", "Claire Hobbs");
    c.quote("Anyone with information", "Claire Hobbs");
    c.quote("They knew exactly", "Sunil Varma");
    c.stakeholder("Yorkshire Evening Post", StakeholderKind::Media);
    c.relation("Sunil Varma", &["speaks to"], "Yorkshire Evening Post");
    let passed = c.tally("police");
    assert!(passed >= FLOOR_POLICE, "police: {passed} checks pass, floor {FLOOR_POLICE}");
}

const FLOOR_ELECTION: usize = 10;
const FLOOR_EARNINGS: usize = 9;
const FLOOR_DIPLOMACY: usize = 13;
const FLOOR_POLICE: usize = 9;

// Floors: the number of checks each story passes (raised as the analysis improves).
const FLOOR_BUSINESS: usize = 15;
const FLOOR_SPORT: usize = 14;
const FLOOR_LOCAL: usize = 9;
const FLOOR_INTERNATIONAL: usize = 17;
