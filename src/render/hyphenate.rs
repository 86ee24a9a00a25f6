//! Where a word may break at the end of a printed line, decided before typesetting.
//!
//! typst's own hyphenation follows TeX's patterns, which know nothing of Danish compounds:
//! it prints "persona-leplanlægningen" and "arbejdsmiljøre-præsentanten", carries two letters
//! to a line of their own ("ueni-" / "ge?"), and splits forum names in table cells. So the
//! PDF is set with typst's hyphenation off, and the break points are given in the text as
//! soft hyphens (U+00AD), which typst breaks at, with a visible hyphen, only where a line
//! needs it. The rules:
//!
//! - the patterns (hypher, the same TeX patterns typst uses) propose the breaks;
//! - at least [`MIN_LEFT`] letters stay and [`MIN_RIGHT`] letters are carried over;
//! - the domain's compounds ([`JOINTS`]) break at their joint and nowhere inside the part;
//! - a capitalised word (a name: "Familiehuset", "Sundhed og omsorg") breaks only at such a
//!   joint, a word in capitals or with digits, `-`, `/`, `@` or `:` (an abbreviation, a date,
//!   an address) never;
//! - the last word of a text never breaks, so that no line holds only its tail.

use crate::report::doc::{Block, Doc, Entry, Fact, Text};

/// Letters that stay before a break.
const MIN_LEFT: usize = 3;
/// Letters carried over to the next line.
const MIN_RIGHT: usize = 3;
/// Words shorter than this are never broken.
const MIN_WORD: usize = MIN_LEFT + MIN_RIGHT + 1;

/// Parts of the domain's Danish compounds: a word that contains one breaks at its edges and
/// not inside it ("personale-planlægningen", "arbejdsmiljø-repræsentanten",
/// "familie-området", "Familie-huset").
const JOINTS: &[&str] = &[
    "aktørskab",
    "arbejds",
    "arbejdsmiljø",
    "budget",
    "børne",
    "dagsorden",
    "dagtilbud",
    "familie",
    "fællesskab",
    "gruppe",
    "handlings",
    "handleplan",
    "huset",
    "ledelse",
    "leder",
    "medarbejder",
    "møde",
    "område",
    "opfølgning",
    "personale",
    "planlægning",
    "repræsentant",
    "skole",
    "sundhed",
    "sygefravær",
    "tillids",
    "trivsels",
    "udvalg",
    "vuggestue",
];

/// Endings after which a Danish compound takes a joining s.
const LINKING_S: &[&str] = &["hed", "ning", "else", "skab", "ion", "dom"];

const SOFT_HYPHEN: char = '\u{ad}';

/// `doc` with soft hyphens where its body text may break; titles and headings are never
/// hyphenated and are left as they are.
pub fn doc(doc: &Doc) -> Doc {
    let lang = language(doc.lang);
    let mut out = doc.clone();
    for block in &mut out.blocks {
        in_block(block, lang);
    }
    out
}

fn language(tag: &str) -> hypher::Lang {
    if tag.starts_with("en") {
        hypher::Lang::English
    } else {
        hypher::Lang::Danish
    }
}

fn in_block(block: &mut Block, lang: hypher::Lang) {
    match block {
        Block::Facts { facts } => {
            for Fact { value, .. } in facts {
                *value = text(value, lang);
            }
        }
        Block::Item { body, .. } => {
            for b in body {
                in_block(b, lang);
            }
        }
        Block::Paragraph { text: t } => in_text(t, lang),
        Block::List { entries, .. } => {
            for Entry {
                text: t,
                tail,
                notes,
                ..
            } in entries
            {
                *t = text(t, lang);
                *tail = text(tail, lang);
                for n in notes {
                    in_text(n, lang);
                }
            }
        }
        Block::Table { rows, .. } => {
            for cell in rows.iter_mut().flatten() {
                *cell = text(cell, lang);
            }
        }
        Block::Notice { .. } | Block::Heading { .. } | Block::WriteIn { .. } => {}
    }
}

fn in_text(t: &mut Text, lang: hypher::Lang) {
    t.text = text(&t.text, lang);
}

/// `text` with soft hyphens at the places its words may break.
pub fn text(text: &str, lang: hypher::Lang) -> String {
    let last_word = text
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphabetic())
        .map(|(i, _)| word_start(text, i));
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut rest = text;
    let mut offset = 0;
    while let Some(start) = rest.find(|c: char| c.is_alphabetic()) {
        out.push_str(&rest[..start]);
        let word_len = rest[start..]
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + word_len];
        let before = rest[..start].chars().next_back();
        let after = rest[start + word_len..].chars().next();
        let at = offset + start;
        let glued = |c: Option<char>| {
            c.is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '@' | ':' | '.' | '_'))
        };
        // A word glued to digits or to the parts of an address is not a word to break; a
        // full stop before is a URL or an abbreviation ("intra.havnekoebing"), after it ends
        // a sentence, which is fine.
        let breakable =
            Some(at) != last_word && !glued(before) && !(glued(after) && after != Some('.'));
        if breakable {
            push_word(&mut out, word, lang);
        } else {
            out.push_str(word);
        }
        offset = at + word_len;
        rest = &rest[start + word_len..];
    }
    out.push_str(rest);
    out
}

/// The byte index where the word holding byte `i` starts.
fn word_start(text: &str, i: usize) -> usize {
    text[..i]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(i, |(j, _)| j)
}

fn push_word(out: &mut String, word: &str, lang: hypher::Lang) {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < MIN_WORD || chars.iter().skip(1).any(|c| c.is_uppercase()) {
        out.push_str(word);
        return;
    }
    let name = chars[0].is_uppercase();
    let lower: Vec<char> = word.to_lowercase().chars().collect();
    if lower.len() != chars.len() {
        out.push_str(word);
        return;
    }
    let lower_text: String = lower.iter().collect();

    // Breaks as char positions: after the pattern's syllables, unless the word is a name.
    let mut breaks: Vec<usize> = Vec::new();
    if !name {
        let mut at = 0;
        for syllable in hypher::hyphenate(word, lang) {
            at += syllable.chars().count();
            breaks.push(at);
        }
        breaks.pop();
    }
    if lang == hypher::Lang::Danish {
        let mut parts: Vec<(usize, usize)> = Vec::new();
        for part in JOINTS {
            for (byte, _) in lower_text.match_indices(part) {
                let start = lower_text[..byte].chars().count();
                let mut end = start + part.chars().count();
                // The joining s of "sundheds-plejen", "planlægnings-møde".
                if LINKING_S.iter().any(|e| part.ends_with(e)) && lower.get(end) == Some(&'s') {
                    end += 1;
                }
                parts.push((start, end));
            }
        }
        breaks.retain(|b| !parts.iter().any(|(s, e)| s < b && b < e));
        for (s, e) in &parts {
            for b in [*s, *e] {
                if !parts.iter().any(|(s2, e2)| s2 < &b && &b < e2) {
                    breaks.push(b);
                }
            }
        }
    }
    breaks.retain(|b| *b >= MIN_LEFT && *b + MIN_RIGHT <= chars.len());
    breaks.sort_unstable();
    breaks.dedup();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && breaks.binary_search(&i).is_ok() {
            out.push(SOFT_HYPHEN);
        }
        out.push(*c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(t: &str) -> String {
        text(t, hypher::Lang::Danish).replace(SOFT_HYPHEN, "|")
    }

    #[test]
    fn compounds_break_at_their_joint_and_not_inside_a_part() {
        assert_eq!(
            shown("personaleplanlægningen blev drøftet"),
            "personale|planlægningen blev drøftet"
        );
        assert_eq!(
            shown("arbejdsmiljørepræsentanten var med"),
            "arbejdsmiljø|repræsentanten var med"
        );
        assert_eq!(shown("personalegruppen og os"), "personale|gruppen og os");
    }

    #[test]
    fn names_break_only_at_a_joint() {
        assert_eq!(
            shown("Familiehuset og Sundhedsplejen kom"),
            "Familie|huset og Sundheds|plejen kom"
        );
    }

    #[test]
    fn the_last_word_of_a_text_never_breaks() {
        assert_eq!(shown("Hvornår er vi uenige?"), "Hvornår er vi uenige?");
        assert_eq!(shown("følelsesmæssige."), "følelsesmæssige.");
    }

    #[test]
    fn three_letters_stay_and_three_are_carried_over() {
        let shown = shown("koordineret garderoben uenige tilliden følelsesmæssige ja");
        assert!(shown.contains('|'), "nothing may break: {shown}");
        // A line breaks a word once: at each break, what stays and what is carried over.
        for word in shown.split(' ').filter(|w| w.contains('|')) {
            for (at, _) in word.match_indices('|') {
                let (stays, over) = (&word[..at], &word[at + 1..]);
                let letters = |t: &str| t.chars().filter(|c| c.is_alphabetic()).count();
                assert!(letters(stays) >= 3 && letters(over) >= 3, "{word}");
            }
        }
    }

    #[test]
    fn addresses_abbreviations_and_dates_are_left_alone() {
        let url = "https://intra.havnekoebing.example/lmu-havnen/arbejdsmiljoe slut";
        assert_eq!(shown(url), url);
        assert_eq!(shown("MED-trioen og AMR i dag"), "MED-trioen og AMR i dag");
    }
}
