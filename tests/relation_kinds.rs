//! The action relations by verb class (issue 9, item 4): accuses, praises, sanctions, sues and
//! negotiates with, each in active and passive voice where English uses both, with a near miss.
//! Every sentence is invented.

mod common;
use common::*;
use stakeholder_map::model::{RelationKind, Stance};

#[test]
fn accusing_and_blaming_make_an_accusation() {
    let a = run("", "Maria Torres accused Daniel Okafor of misleading voters. The union blamed Harwick Rail for the delays.");
    assert!(has_rel(&a, "Maria Torres", RelationKind::Accuses, "Daniel Okafor"), "{:?}", a.relations);
    assert!(a.relations.iter().any(|r| r.kind == RelationKind::Accuses && r.stance == Stance::Negative));
    // passive: "X was accused by Y"
    let a = run("", "Daniel Okafor was accused by Maria Torres of misleading voters.");
    assert!(has_rel(&a, "Maria Torres", RelationKind::Accuses, "Daniel Okafor"), "{:?}", a.relations);
    // near miss: an accusation denied names no accuser
    let a = run("", "Daniel Okafor denied the accusations on Monday.");
    assert!(a.relations.iter().all(|r| r.kind != RelationKind::Accuses), "{:?}", a.relations);
}

#[test]
fn praising_hailing_and_thanking_are_praise() {
    let a = run("", "Mayor Lena Brandt praised Tom Whitby for his work. Lena Brandt later thanked the firefighters.");
    assert!(has_rel(&a, "Lena Brandt", RelationKind::Praises, "Tom Whitby"), "{:?}", a.relations);
    assert!(a.relations.iter().any(|r| r.kind == RelationKind::Praises && r.stance == Stance::Positive));
    // near miss: backing is support, not praise
    let a = run("", "Lena Brandt backed Tom Whitby in the vote.");
    assert!(has_rel(&a, "Lena Brandt", RelationKind::Supports, "Tom Whitby"), "{:?}", a.relations);
}

#[test]
fn fines_and_sanctions_are_sanctions() {
    let a = run("", "The regulator Ofcast fined Brightline Telecom £2m. The European Union imposed sanctions on Belarus.");
    assert!(has_rel(&a, "Ofcast", RelationKind::Sanctions, "Brightline Telecom"), "{:?}", a.relations);
    assert!(has_rel(&a, "European Union", RelationKind::Sanctions, "Belarus"), "{:?}", a.relations);
    // near miss: a fine paid names no one who fined
    let a = run("", "Brightline Telecom paid the fine last year.");
    assert!(a.relations.iter().all(|r| r.kind != RelationKind::Sanctions), "{:?}", a.relations);
}

#[test]
fn suing_and_charging_go_to_court() {
    let a = run("", "Kestrel Foods sued Norvale Farms over the contract. Prosecutors charged Sam Pike with fraud.");
    assert!(has_rel(&a, "Kestrel Foods", RelationKind::Sues, "Norvale Farms"), "{:?}", a.relations);
    // near miss: a lawsuit mentioned without who brings it
    let a = run("", "Norvale Farms said the lawsuit was baseless.");
    assert!(a.relations.iter().all(|r| r.kind != RelationKind::Sues), "{:?}", a.relations);
}

#[test]
fn negotiating_with_is_its_own_kind_and_meeting_is_not() {
    let a = run("", "Prime Minister Ewa Lind negotiated with Jonas Berg for a week.");
    assert!(has_rel(&a, "Ewa Lind", RelationKind::NegotiatesWith, "Jonas Berg"), "{:?}", a.relations);
    // near miss: meeting is meeting
    let a = run("", "Prime Minister Ewa Lind met Jonas Berg in Oslo.");
    assert!(has_rel(&a, "Ewa Lind", RelationKind::Meets, "Jonas Berg"), "{:?}", a.relations);
}

#[test]
fn a_passive_agent_after_the_and_a_progressive_verb_keep_their_relation() {
    let a = run("", "Sam Pike was fined by the Kestrel Conduct Authority.");
    assert!(has_rel(&a, "Kestrel Conduct Authority", RelationKind::Sanctions, "Sam Pike"), "{:?}", a.relations);
    let a = run("", "Kestrel Foods is suing Norvale Farms.");
    assert!(has_rel(&a, "Kestrel Foods", RelationKind::Sues, "Norvale Farms"), "{:?}", a.relations);
    // near miss: a passive with no agent names no one
    let a = run("", "Sam Pike was fined last year.");
    assert!(a.relations.is_empty(), "{:?}", a.relations);
}

#[test]
fn a_person_who_joins_signs_for_or_works_for_an_organisation_is_affiliated_with_it() {
    for body in ["Sam Pike joined Kestrel Corp last year.", "Sam Pike signed for Kestrel Rovers FC.", "Sam Pike, who works for Kestrel Corp, criticised the plan."] {
        let a = run("", body);
        let org = a.stakeholders.iter().find(|s| s.name.starts_with("Kestrel")).unwrap_or_else(|| panic!("{body}: {:?}", a.stakeholders));
        assert!(has_rel(&a, "Sam Pike", RelationKind::AffiliatedWith, &org.name), "{body}: {:?}", a.relations);
    }
    // near miss: a country joining another in a protest is no affiliation
    let a = run("", "Germany joined France in condemning the attack.");
    assert!(a.relations.iter().all(|r| r.kind != RelationKind::AffiliatedWith), "{:?}", a.relations);
}

#[test]
fn a_particle_after_a_stance_verb_makes_another_verb() {
    let a = run("", "Health Secretary Sam Pike said he would not back down in the dispute with Kestrel Trust.");
    assert!(a.relations.iter().all(|r| r.kind != RelationKind::Supports), "{:?}", a.relations);
    // near miss: "back" with its object is support
    let a = run("", "Sam Pike said he would back Kestrel Trust in the dispute.");
    assert!(has_rel(&a, "Sam Pike", RelationKind::Supports, "Kestrel Trust"), "{:?}", a.relations);
}

#[test]
fn a_legislators_party_and_state_is_an_affiliation_and_no_break_before_the_verb() {
    let a = run("", "Rep. Dana Pell, D-Ore., accused Republicans of holding families hostage.");
    assert!(has_rel(&a, "Dana Pell", RelationKind::AffiliatedWith, "Democratic Party"), "{:?}", a.relations);
    assert!(has_rel(&a, "Dana Pell", RelationKind::Accuses, "Republican Party"), "{:?}", a.relations);
    let a = run("", "Tom Butz, 49, criticised Kestrel Foods.");
    assert!(has_rel(&a, "Tom Butz", RelationKind::Criticises, "Kestrel Foods"), "{:?}", a.relations);
    // near miss: a hyphenated word that is no party and state
    let a = run("", "Dana Pell, X-ray technician, said the scan was fine.");
    assert!(a.relations.iter().all(|r| r.kind != RelationKind::AffiliatedWith), "{:?}", a.relations);
}

#[test]
fn a_spokesman_for_a_person_works_for_no_body_in_focus() {
    let a = run("", "Democrats proposed a bill. Democrats said it would pass. Pell's spokesman, Raj Shaw, said the speaker was confident.\n\nSpeaker Dana Pell met them.");
    let raj = by_name(&a, "Raj Shaw");
    assert!(a.relations.iter().all(|r| !(r.source == raj.id && r.kind == RelationKind::AffiliatedWith)), "{:?}", a.relations);
}

#[test]
fn a_description_means_a_body_its_noun_heads_not_one_it_modifies() {
    // "the government" is no "Government House" (a building); "the court" is "Kestrel High Court"
    let a = run("", "Sam Pike spoke at the Government House in Alausa. Chief Ola Dare urged the government to act.");
    assert!(a.relations.iter().all(|r| r.kind != RelationKind::Demands), "{:?}", a.relations);
    let a = run("", "Kestrel High Court heard the case. Sam Pike criticised the court.");
    assert!(has_rel(&a, "Sam Pike", RelationKind::Criticises, "Kestrel High Court"), "{:?}", a.relations);
}

#[test]
fn a_national_newspaper_told_is_spoken_to() {
    let a = run("", "Neighbour Dave Hale told the Mirror: 'It has gone on for years.' A source close to him told The Sun it was over.");
    assert!(has_rel(&a, "Dave Hale", RelationKind::SpeaksTo, "Daily Mirror"), "{:?}", a.relations);
    // near miss: the star is no newspaper
    let a = run("", "Dave Hale watched the sun rise over the hills.");
    assert!(a.stakeholders.iter().all(|s| s.kind != stakeholder_map::model::StakeholderKind::Media), "{:?}", a.stakeholders);
}

#[test]
fn a_participle_alone_before_a_comma_names_a_part_in_a_trial_not_an_act() {
    let a = run("", "Jordan Pike admitted wounding at Kestrel Crown Court.\n\nProsecuting, Amelia Hart told the court that Pike had punched the victim.");
    assert!(a.relations.iter().all(|r| r.kind != RelationKind::Sues), "{:?}", a.relations);
    // near miss: a participle with its object before the comma still acts
    let a = run("", "After meeting Kestrel Foods, Sam Pike said it was fine.");
    assert!(has_rel(&a, "Sam Pike", RelationKind::Meets, "Kestrel Foods"), "{:?}", a.relations);
}

#[test]
fn an_employer_named_before_the_office_stays_an_affiliation_when_the_person_speaks_of_it() {
    let a = run("", "KPMG chief executive Jon Holt said the firm would grow.");
    assert!(has_rel(&a, "Jon Holt", RelationKind::AffiliatedWith, "KPMG"), "{:?}", a.relations);
    assert!(a.relations.iter().all(|r| r.kind != RelationKind::SaysAbout), "{:?}", a.relations);
    // near miss: a body the person speaks of without working for it stays says-about
    let a = run("", "Jon Holt said Kestrel Foods would grow.");
    assert!(a.relations.iter().all(|r| r.kind != RelationKind::AffiliatedWith), "{:?}", a.relations);
}
