//! Dialogue prompts: the shared pieces every document quotes them with (a prompt's text in
//! the output language, its sources), the rows of `list prompts`, picking N of them balanced
//! across themes, the printable prompt sheet, and the cut-out cards.

use serde::Serialize;

use crate::lang::Lang;
use crate::model::{Audience, Catalog, Level, Origin, Prompt};
use crate::report::doc::{Block, Doc, Entry, Printable, Style, Text};

/// One prompt as data: the row of `list prompts` and of the prompt sheet.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct PromptRow<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub text_en: Option<&'a str>,
    pub origin: Origin,
    /// For a seed prompt made whole: the source's own words, verbatim; else null.
    pub quote: Option<&'a str>,
    /// The ids of the findings (or programme texts) the prompt comes from.
    pub sources: Vec<&'a str>,
    pub themes: Vec<&'a str>,
    pub audiences: Vec<Audience>,
    pub levels: Vec<Level>,
    /// Where each source stands and what it says.
    pub source_texts: Vec<SourceText<'a>>,
}

/// A prompt's source as shown beside it: the section's title and the finding's text.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct SourceText<'a> {
    pub id: &'a str,
    pub section: &'a str,
    pub text: &'a str,
}

/// A prompt's text in the output language.
pub fn prompt_text(p: &Prompt, lang: Lang) -> &str {
    lang.prefer(&p.text, p.text_en.as_deref())
}

pub fn prompt_row<'a>(catalog: &Catalog<'a>, p: &'a Prompt) -> PromptRow<'a> {
    PromptRow {
        id: &p.id,
        text: &p.text,
        text_en: p.text_en.as_deref(),
        origin: p.origin,
        quote: p.quote.as_ref().map(|q| q.as_str()),
        sources: p.sources.iter().map(|s| s.as_str()).collect(),
        themes: catalog.prompt_themes(p),
        audiences: p.audiences.clone(),
        levels: p.levels.clone(),
        source_texts: p
            .sources
            .iter()
            .filter_map(|s| source_text(catalog, s))
            .collect(),
    }
}

/// A finding's or why-text's section title and text.
pub fn source_text<'a>(catalog: &Catalog<'a>, id: &'a str) -> Option<SourceText<'a>> {
    if let Some(f) = catalog.finding(id) {
        let section = catalog.section(&f.section).map_or("", |s| s.title.as_str());
        return Some(SourceText {
            id,
            section,
            text: &f.text,
        });
    }
    let programme = &catalog.data.programme;
    if let Some(why) = catalog.why(id) {
        return Some(SourceText {
            id,
            section: &programme.title,
            text: &why.title,
        });
    }
    // A strand of the programme, in the programme's own words (its theme's title).
    let theme = programme.themes.iter().find(|t| t.id.as_str() == id)?;
    Some(SourceText {
        id,
        section: &programme.title,
        text: &theme.title,
    })
}

/// Whether a prompt is written from the programme's text (its why-texts and strands) rather
/// than from the findings.
pub fn from_programme(catalog: &Catalog<'_>, prompt: &Prompt) -> bool {
    !prompt.sources.is_empty() && prompt.sources.iter().all(|s| catalog.finding(s).is_none())
}

/// Where a prompt comes from, by section alone: "Det, vi skal være opmærksomme på (2
/// punkter); Opsamlende". What a card cites when the whole citation would not fit on it.
pub fn section_citation(catalog: &Catalog<'_>, prompt: &Prompt, lang: Lang) -> String {
    let mut groups: Vec<(&str, usize)> = Vec::new();
    for source in prompt
        .sources
        .iter()
        .filter_map(|s| source_text(catalog, s))
    {
        match groups.iter_mut().find(|(s, _)| *s == source.section) {
            Some((_, n)) => *n += 1,
            None => groups.push((source.section, 1)),
        }
    }
    groups
        .into_iter()
        .map(|(section, n)| match n {
            1 => section.to_owned(),
            n => format!("{section} ({})", lang.points_count(n)),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl SourceText<'_> {
    /// "Det, vi mangler svar på – Hvad er de klare rammer og forventninger?"
    pub fn citation(&self) -> String {
        format!("{} – {}", self.section, self.text)
    }
}

/// Where a prompt comes from, as a citation: "«Tydelige rammer og forventninger – hvad er
/// råderummet?» (1. Organisation – …)". A source whose words are the prompt's own question is
/// named by its section alone, so the card does not repeat the question; sources from one
/// section share it.
pub fn citation(catalog: &Catalog<'_>, prompt: &Prompt, lang: Lang) -> String {
    let own = [prompt.text.as_str(), prompt_text(prompt, lang)];
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for source in prompt
        .sources
        .iter()
        .filter_map(|s| source_text(catalog, s))
    {
        let quoted = (!own.contains(&source.text)).then_some(source.text);
        match groups
            .iter_mut()
            .find(|(section, _)| *section == source.section)
        {
            Some((_, texts)) => texts.extend(quoted),
            None => groups.push((source.section, quoted.into_iter().collect())),
        }
    }
    groups
        .into_iter()
        .map(|(section, texts)| {
            if texts.is_empty() {
                section.to_owned()
            } else {
                let quotes: Vec<String> = texts.iter().map(|t| lang.quoted(t)).collect();
                format!("{} ({section})", quotes.join("; "))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl PromptRow<'_> {
    /// The text in the output language.
    pub fn text_in(&self, lang: Lang) -> &str {
        lang.prefer(self.text, self.text_en)
    }
}

/// SplitMix64: tiny, and fixed here so that a seed gives the same pick in every version and
/// on every machine (no dependency whose algorithm could change).
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Fisher–Yates.
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Picks `count` prompts, balanced across themes: each theme's prompts are shuffled with
/// the seed, then the themes take turns, in the order the data defines them, each giving
/// its next prompt not yet picked.
pub fn pick<'a>(
    rows: Vec<PromptRow<'a>>,
    count: usize,
    seed: u64,
    theme_order: &[&str],
) -> Vec<PromptRow<'a>> {
    let mut rng = SplitMix64(seed);
    let mut queues: Vec<Vec<usize>> = theme_order
        .iter()
        .map(|theme| {
            (0..rows.len())
                .filter(|&i| rows[i].themes.contains(theme))
                .collect::<Vec<_>>()
        })
        .filter(|q| !q.is_empty())
        .collect();
    let unthemed: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].themes.is_empty())
        .collect();
    if !unthemed.is_empty() {
        queues.push(unthemed);
    }
    for queue in &mut queues {
        rng.shuffle(queue);
        queue.reverse(); // pop from the back = take from the front
    }
    let mut taken = vec![false; rows.len()];
    let mut order = Vec::new();
    while order.len() < count.min(rows.len()) {
        let mut progressed = false;
        for queue in &mut queues {
            if order.len() == count {
                break;
            }
            while let Some(i) = queue.pop() {
                if !taken[i] {
                    taken[i] = true;
                    order.push(i);
                    progressed = true;
                    break;
                }
            }
        }
        if !progressed {
            break;
        }
    }
    let mut slots: Vec<Option<PromptRow<'a>>> = rows.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// One cut-out card.
#[derive(Clone, Debug, Serialize)]
pub struct Card {
    pub id: String,
    pub text: String,
    pub theme: String,
    /// The citation, shortened with "…" past [`MAX_CARD_SOURCE`] characters.
    pub source: String,
    /// How much the card holds, for its type size: `normal`, `long` or `longer`, so that a
    /// long question is set smaller rather than cut at the card's edge.
    pub size: &'static str,
}

/// Cards in sheets of [`CARDS_PER_SHEET`], one sheet per A4 page.
#[derive(Clone, Debug, Serialize)]
pub struct CardSheets {
    pub lang: Lang,
    pub title: String,
    pub sheets: Vec<Vec<Card>>,
}

/// Two columns of four: cards of about 95 × 69 mm.
pub const CARDS_PER_SHEET: usize = 8;

/// The longest question a card holds, in characters (a card across a row, at 10 pt):
/// `validate` warns of a longer one.
pub const MAX_CARD_TEXT: usize = 600;

/// The longest source a card prints, in characters: a longer one is shortened on purpose,
/// with "…", so that nothing is clipped by the card's edge. The lists keep the whole text.
pub const MAX_CARD_SOURCE: usize = 220;

/// `text` cut at a word before `max` characters, with "…" to show that it is shortened.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max).collect();
    if let Some(space) = cut.rfind(' ') {
        cut.truncate(space);
    }
    format!("{} …", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// The prompt sheet as cards: each with its first theme and its sources.
pub fn cards(sheet: &PromptSheet) -> CardSheets {
    let cards: Vec<Card> = sheet
        .prompts
        .iter()
        .map(|p| {
            // A citation too long for the card cites its sections instead: a quote cut in
            // the middle would lose the section, which is what anchors the card.
            let source = if p.citation.chars().count() <= MAX_CARD_SOURCE {
                p.citation.clone()
            } else {
                shorten(&p.sections, MAX_CARD_SOURCE)
            };
            // A card of 95 × 69 mm holds about 150 characters of question at its normal size.
            let load = p.text.chars().count() + source.chars().count() / 3;
            Card {
                id: p.id.clone(),
                text: p.text.clone(),
                theme: p.themes.first().cloned().unwrap_or_default(),
                source,
                // A question too long for one card at a readable size is printed across the
                // two cells of a row: never clipped at the card's edge.
                size: match load {
                    0..=150 => "normal",
                    151..=230 => "long",
                    231..=270 => "longer",
                    271..=450 => "wide",
                    _ => "widest",
                },
            }
        })
        .collect();
    // A wide card takes two of a sheet's eight cells.
    let cells = |card: &Card| if card.size.starts_with("wide") { 2 } else { 1 };
    let mut sheets: Vec<Vec<Card>> = Vec::new();
    let mut used = CARDS_PER_SHEET;
    for card in cards {
        if used + cells(&card) > CARDS_PER_SHEET {
            sheets.push(Vec::new());
            used = 0;
        }
        used += cells(&card);
        if let Some(sheet) = sheets.last_mut() {
            sheet.push(card);
        }
    }
    CardSheets {
        lang: sheet.lang,
        title: sheet.lang.words().cards.to_owned(),
        sheets,
    }
}

/// The prompts as a printable sheet: each with its themes, audience, origin and sources.
#[derive(Clone, Debug, Serialize)]
pub struct PromptSheet {
    pub lang: Lang,
    pub prompts: Vec<SheetPrompt>,
}

/// One prompt of the sheet, every word in the output language.
#[derive(Clone, Debug, Serialize)]
pub struct SheetPrompt {
    pub id: String,
    pub text: String,
    pub themes: Vec<String>,
    pub audiences: Vec<String>,
    pub origin: String,
    /// Where it comes from: "«…» (Det, vi mangler svar på)".
    pub citation: String,
    /// Where it comes from, by section alone: "Det, vi skal være opmærksomme på (2 punkter)".
    pub sections: String,
}

pub fn sheet(rows: &[PromptRow<'_>], catalog: &Catalog<'_>, lang: Lang) -> PromptSheet {
    let citation_of = |id: &str| {
        catalog
            .prompt(id)
            .map(|p| citation(catalog, p, lang))
            .unwrap_or_default()
    };
    PromptSheet {
        lang,
        prompts: rows
            .iter()
            .map(|r| SheetPrompt {
                id: r.id.to_owned(),
                text: r.text_in(lang).to_owned(),
                themes: r
                    .themes
                    .iter()
                    .map(|t| catalog.theme_title(t, lang).to_owned())
                    .collect(),
                audiences: r
                    .audiences
                    .iter()
                    .map(|a| lang.audience(*a).to_owned())
                    .collect(),
                origin: catalog
                    .prompt(r.id)
                    .map_or(lang.origin(r.origin), |p| {
                        lang.origin_of(p.origin, from_programme(catalog, p))
                    })
                    .to_owned(),
                citation: citation_of(r.id),
                sections: catalog
                    .prompt(r.id)
                    .map(|p| section_citation(catalog, p, lang))
                    .unwrap_or_default(),
            })
            .collect(),
    }
}

impl Printable for PromptSheet {
    fn doc(&self) -> Doc {
        let w = self.lang.words();
        let entries = self
            .prompts
            .iter()
            .map(|p| {
                // Under the question: the id and origin for the facilitator's screen (not
                // printed), then in small print what it is about and for whom.
                let mut notes = vec![Text::new(
                    Style::Reference,
                    format!("{} · {}", p.id, p.origin),
                )];
                notes.push(Text::new(
                    Style::Small,
                    format!(
                        "{}: {} · {}: {}",
                        self.lang.themes_label(p.themes.len()),
                        p.themes.join(", "),
                        w.audience,
                        p.audiences.join(", "),
                    ),
                ));
                if !p.citation.is_empty() {
                    notes.push(Text::new(
                        Style::Small,
                        format!("{}: {}", w.source, p.citation),
                    ));
                }
                Entry {
                    text: p.text.clone(),
                    strong: true,
                    tail: String::new(),
                    notes,
                }
            })
            .collect();
        // The title names what the sheet holds: the themes all its questions share, if any.
        let shared: Vec<&String> = self.prompts.first().map_or_else(Vec::new, |first| {
            first
                .themes
                .iter()
                .filter(|t| self.prompts.iter().all(|p| p.themes.contains(t)))
                .collect()
        });
        let title = shared
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        Doc {
            kind: w.prompts.to_owned(),
            title,
            blocks: vec![Block::List {
                numbered: true,
                entries,
            }],
            ..Doc::new(self.lang)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SplitMix64;

    #[test]
    fn a_long_source_is_shortened_at_a_word_and_marked() {
        let text = "Uklarhed om roller og samarbejde skaber tvivl, konflikter og tilbageholdenhed.";
        assert_eq!(super::shorten(text, 200), text);
        assert_eq!(
            super::shorten(text, 60),
            "Uklarhed om roller og samarbejde skaber tvivl, konflikter …"
        );
    }

    #[test]
    fn the_generator_is_fixed() {
        // The sequence must never change: seeds printed on paper must keep working.
        // Reference values from an independent implementation of SplitMix64.
        let mut rng = SplitMix64(7);
        assert_eq!(
            [rng.next(), rng.next(), rng.next()],
            [
                0x63cb_e1e4_5932_0dd7,
                0x044c_3cd7_f43c_661c,
                0xe698_4080_bab1_2a02
            ]
        );
    }
}
