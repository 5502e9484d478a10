//! Nouns that describe a body by its kind ("the court", "the company"): what a description
//! of an organisation, institution or body may be headed by.

use super::Words;

/// Nouns that describe an organisation, institution or body by its kind, lower case: the
/// organisation nouns of the lexicon plus the lower-cased heads of organisation names
/// ("Court", "Council") and bodies that act as one ("bench", "government").
pub const BODY_NOUNS: Words = Words("\
    court|bench|tribunal|council|government|ministry|department|agency|authority|commission|committee|\
    board|trust|police|force|club|team|side|museum|hospital|school|university|college|institute|\
    association|federation|society|organisers|organizers|management|administration|executive|\
    parliament|assembly|senate|congress|cabinet|office|service|bureau|army|military|business|\
    airport");

/// Generic nouns that may stand for any organisation in focus (no name needed to match).
pub const GENERIC_BODY_NOUNS: Words = Words("company|firm|business|group|organisation|organization|club|team|side|operator|provider|retailer|lender|insurer");

/// Is `w` (lower case) a noun that describes a body (court, council, company)?
pub fn is_body_noun(w: &str) -> bool {
    BODY_NOUNS.contains(&w) || super::ORG_NOUNS.contains(&w) || GENERIC_BODY_NOUNS.contains(&w)
}
