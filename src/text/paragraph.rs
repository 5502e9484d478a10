//! A field's characters and paragraphs without its sentences, tokens and words, and the
//! sentences of one paragraph at a time: for a reader that needs the sentences of a few
//! paragraphs of a long text (the widget's partial quotes' context, src/widget/state/derive.rs:
//! `FieldText::new` on a body of 740,000 characters took 48-80 ms natively, most of it tokens
//! and their lower-case words). The answers are `FieldText::new`'s.

use super::{is_wrapped, lines_of, split_paragraphs, split_sentences, FieldText, Lang, Sentence};
use crate::model::Field;

impl FieldText {
    /// The field's characters and paragraphs as [`FieldText::new`] makes them (a hard-wrapped
    /// text's line breaks inside a paragraph read as spaces); no sentences, tokens or words.
    pub fn unsegmented(field: Field, text: &str) -> FieldText {
        let mut chars: Vec<char> = text.chars().collect();
        let paragraphs = split_paragraphs(&chars);
        // a hard-wrapped text reads as running prose: its line breaks inside a paragraph are
        // spaces to every pass (one char for one, so offsets still point into the text)
        if is_wrapped(&chars, &lines_of(&chars)) {
            for &(a, b) in &paragraphs {
                for c in &mut chars[a..b] {
                    if *c == '\n' {
                        *c = ' ';
                    }
                }
            }
        }
        FieldText { field, chars, paragraphs, sentences: Vec::new(), tokens: Vec::new(), lower: Vec::new(), verbs: Vec::new(), lang: Lang::En }
    }

    /// The sentences of paragraph `p` (none past the last), as [`FieldText::new`] finds them:
    /// a sentence never crosses a paragraph.
    pub fn sentences_in(&self, p: usize) -> Vec<Sentence> {
        let Some(&para) = self.paragraphs.get(p) else { return Vec::new() };
        let mut s = split_sentences(&self.chars, &[para]);
        for x in &mut s {
            x.paragraph = p;
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_by_paragraph_gives_the_whole_fields_sentences() {
        let wrapped = (0..12).map(|i| format!("Line {i} of a text wrapped at a fixed width, Mr. Smith said")).collect::<Vec<_>>().join("\n");
        for text in [
            "Mr. Trump met U.S. officials on Monday. He said “Yes.” Then he left.\n\nA second one! And? “Quoted.” Done",
            "  Leading space. Two.\n \n\n‘Single,’ she said. (Aside.) 3 more.",
            wrapped.as_str(),
            "One line\nper paragraph. No blank lines\nat all.",
            "",
            "No terminator at all",
        ] {
            let whole = FieldText::new(Field::Body, text);
            let part = FieldText::unsegmented(Field::Body, text);
            assert_eq!((&part.chars, &part.paragraphs), (&whole.chars, &whole.paragraphs), "{text:?}");
            let each: Vec<(usize, usize, usize)> = (0..=part.paragraphs.len()).flat_map(|p| part.sentences_in(p)).map(|s| (s.start, s.end, s.paragraph)).collect();
            let want: Vec<(usize, usize, usize)> = whole.sentences.iter().map(|s| (s.start, s.end, s.paragraph)).collect();
            assert_eq!(each, want, "{text:?}");
        }
        // The wrapped text is one paragraph whose line breaks read as spaces.
        let w = FieldText::unsegmented(Field::Body, &wrapped);
        assert!(w.paragraphs.len() == 1 && !w.chars.contains(&'\n'), "{:?}", w.paragraphs);
    }
}
