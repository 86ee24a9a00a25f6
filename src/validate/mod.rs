//! Every check over the loaded data that parsing alone cannot make. Returns all problems.
//! The checks of the minutes are in [`minutes`], of the members and attendance in [`members`].

mod confidential;
mod cycle;
mod members;
pub use members::is_email;
mod minutes;
pub mod tree;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use chrono::{LocalResult, NaiveDate, TimeZone};
use chrono_tz::Europe::Copenhagen;

use crate::diagnostic::{Diagnostic, SourceLines, backticked, did_you_mean, nearest};
use crate::lang::Lang;
use crate::load::{FileKind, Loaded};
use crate::model::timing::{self, Frame, TimingError};
use crate::model::when::hhmm;
use crate::model::{
    AgendaItem, Catalog, FOLLOW_UP_MINUTES, FindingKind, Id, ItemRole, Kind, Level, Located,
    MAX_ITEM_MINUTES, Meeting, Origin, Pos, Status, Template, is_valid_id, suggest_id,
    with_follow_up,
};

/// The most minutes a meeting's own items may leave unplanned at its end before `validate`
/// warns: a short afrunding is normal, a long one is a gap in the plan.
const MAX_UNPLANNED_MINUTES: i64 = 15;

/// The noun with its article: "a meeting", "an action point".
fn a_noun(kind: Kind) -> String {
    let noun = kind.noun();
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

struct Checker<'a> {
    loaded: &'a Loaded,
    ids: HashMap<&'a str, (Kind, FileKind, Pos)>,
    /// Ids in order of definition, per kind, for suggestions.
    by_kind: HashMap<&'static str, Vec<&'a str>>,
    /// Ids given twice. What refers to one of them is not checked further: which of the two
    /// it means is unknown, and the duplicate's own error says all there is to say.
    duplicated: HashSet<&'a str>,
    suggestions: Suggestions<'a>,
    /// Each file's line index, made when a problem first quotes the file.
    lines: HashMap<FileKind, SourceLines<'a>>,
    /// Each forum's level, and each template; the first of an id wins.
    forum_levels: HashMap<&'a str, Level>,
    templates: HashMap<&'a str, &'a Template>,
    out: Vec<Diagnostic>,
    /// The day taken as today, for minutes of a meeting that has not been held yet.
    today: Option<NaiveDate>,
    /// The meetings whose forum has earlier minutes: their agenda gets the follow-up item.
    followed_up: HashSet<&'a str>,
    /// The ids of the cycle's tasks, a namespace of their own.
    tasks: HashMap<&'a str, Pos>,
}

/// The help for unknown references. Validation stays linear in the data: the known ids of a
/// set of kinds are gathered once, and the nearest of them is searched once per distinct wrong
/// name, however often it is written (4 000 meetings with one unknown forum took 8.8 s).
#[derive(Default)]
struct Suggestions<'a> {
    candidates: HashMap<&'static [Kind], Vec<&'a str>>,
    helps: HashMap<&'static [Kind], HashMap<String, String>>,
}

impl Suggestions<'_> {
    /// How many helps were computed: one per set of kinds and wrong name.
    #[cfg(test)]
    fn computed(&self) -> usize {
        self.helps.values().map(HashMap::len).sum()
    }
}

/// Checks everything; the result is empty when the data is clean.
pub fn validate(loaded: &Loaded) -> Vec<Diagnostic> {
    validate_on(loaded, None)
}

/// Checks everything, with `today` for the checks that need it (minutes of a meeting that
/// lies ahead are a warning); the result is empty when the data is clean.
pub fn validate_on(loaded: &Loaded, today: Option<NaiveDate>) -> Vec<Diagnostic> {
    check(loaded, today).out
}

/// The checks that depend on the day: the part of [`validate_on`] that [`validate`] leaves
/// out, for data whose other checks are already known (the cache).
pub fn validate_today(loaded: &Loaded, today: NaiveDate) -> Vec<Diagnostic> {
    let mut c = Checker::new(loaded, Some(today));
    c.check_minutes_ahead();
    c.out
}

fn check(loaded: &Loaded, today: Option<NaiveDate>) -> Checker<'_> {
    let mut c = Checker::new(loaded, today);
    c.register_ids();
    c.check_programme();
    c.check_roadmap();
    c.check_findings();
    c.check_tree();
    c.check_minutes();
    c.check_cycle();
    c.check_members();
    c.check_confidential();
    // Last, so that the checks of the day come after the rest, as from the cache.
    c.check_minutes_ahead();
    c
}

impl<'a> Checker<'a> {
    fn new(loaded: &'a Loaded, today: Option<NaiveDate>) -> Self {
        let d = &loaded.dataset;
        let mut forum_levels = HashMap::new();
        for f in &d.roadmap.forums {
            forum_levels.entry(f.id.as_str()).or_insert(f.level);
        }
        let mut templates = HashMap::new();
        for t in &d.programme.templates {
            templates.entry(t.id.as_str()).or_insert(&t.value);
        }
        let followed_up = if d.minutes.is_empty() {
            HashSet::new()
        } else {
            let catalog = Catalog::new(d);
            d.programme
                .meetings
                .iter()
                .map(|m| m.id.as_str())
                .filter(|id| catalog.follows_up(id))
                .collect()
        };
        Checker {
            tasks: HashMap::new(),
            followed_up,
            loaded,
            ids: HashMap::new(),
            by_kind: HashMap::new(),
            duplicated: HashSet::new(),
            suggestions: Suggestions::default(),
            lines: HashMap::new(),
            forum_levels,
            templates,
            out: Vec::new(),
            today,
        }
    }
}

impl<'a> Checker<'a> {
    fn emit(&mut self, diagnostic: Diagnostic, file: FileKind) {
        let sources = &self.loaded.sources;
        let lines = self
            .lines
            .entry(file)
            .or_insert_with(|| SourceLines::new(sources.get(file).text()));
        self.out.push(diagnostic.with_line(lines));
    }

    fn error(&mut self, file: FileKind, pos: Pos, message: String, help: Option<String>) {
        let name = &self.loaded.sources.get(file).name;
        let mut d = Diagnostic::error(name, pos, message);
        if let Some(help) = help {
            d = d.with_help(help);
        }
        self.emit(d, file);
    }

    fn register(&mut self, id: &'a Located<Id>, kind: Kind, file: FileKind) {
        if id.trim().is_empty() {
            self.error(
                file,
                id.pos,
                format!("empty {} id", kind.noun()),
                Some("give it a short id such as `temamoede-1`".into()),
            );
            return;
        }
        if !is_valid_id(id) {
            self.error(
                file,
                id.pos,
                not_a_slug(kind.noun(), id),
                Some(slug_help(id)),
            );
        }
        if let Some((first_kind, first_file, first_pos)) = self.ids.get(id.as_str()).copied() {
            let first_name = self.loaded.sources.get(first_file).name.clone();
            self.error(
                file,
                id.pos,
                format!(
                    "duplicate id `{}`: {} at {first_name}:{first_pos} already has it",
                    id.value,
                    a_noun(first_kind)
                ),
                Some("ids must be unique across all data files; rename one of them".into()),
            );
            self.duplicated.insert(id.as_str());
            return;
        }
        self.ids.insert(id.as_str(), (kind, file, id.pos));
        self.by_kind
            .entry(kind.noun())
            .or_default()
            .push(id.as_str());
    }

    fn register_ids(&mut self) {
        let d = &self.loaded.dataset;
        use FileKind::*;
        // The files' own ids name the calendar's UIDs and the export; the same rule holds.
        for (id, file, noun) in [
            (&d.programme.id, Programme, "programme"),
            (&d.roadmap.id, Roadmap, "roadmap"),
            (&d.findings.id, Findings, "findings"),
        ] {
            if !id.trim().is_empty() && !is_valid_id(id) {
                self.error(file, id.pos, not_a_slug(noun, id), Some(slug_help(id)));
            }
        }
        for t in &d.programme.themes {
            self.register(&t.id, Kind::Theme, Programme);
        }
        for w in &d.programme.why {
            self.register(&w.id, Kind::Text, Programme);
        }
        let provenance = &self.loaded.provenance;
        for (m, file) in d.programme.meetings.iter().zip(&provenance.meetings) {
            self.register(&m.id, Kind::Meeting, *file);
        }
        for (t, file) in d.programme.templates.iter().zip(&provenance.templates) {
            self.register(&t.id, Kind::Template, *file);
        }
        for (f, file) in d.roadmap.forums.iter().zip(&provenance.forums) {
            self.register(&f.id, Kind::Forum, *file);
        }
        for a in &d.roadmap.activities {
            self.register(&a.id, Kind::Activity, Roadmap);
        }
        for t in &d.findings.themes {
            self.register(&t.id, Kind::Theme, Findings);
        }
        for s in &d.findings.sections {
            self.register(&s.id, Kind::Section, Findings);
        }
        for f in &d.findings.findings {
            self.register(&f.id, Kind::Finding, Findings);
        }
        for p in &d.findings.prompts {
            self.register(&p.id, Kind::Prompt, Findings);
        }
        for (i, m) in d.minutes.iter().enumerate() {
            for a in &m.actions {
                self.register(&a.id, Kind::Action, Minutes(i));
            }
        }
        // The cycle's tasks have ids of their own: only an item's `cycle:` names one, so a
        // task may share its id with a theme (`sygefravaer`).
        for rule in d.cycle.iter().flat_map(|c| &c.rules) {
            self.register_task(&rule.id);
        }
    }

    fn register_task(&mut self, id: &'a Located<Id>) {
        let file = FileKind::Cycle;
        if !is_valid_id(id) {
            let noun = Kind::Task.noun();
            self.error(file, id.pos, not_a_slug(noun, id), Some(slug_help(id)));
        }
        if let Some(first) = self.tasks.get(id.as_str()).copied() {
            self.error(
                file,
                id.pos,
                format!(
                    "duplicate task id `{}`: the task at line {} already has it",
                    id.value, first.line
                ),
                Some("a task's id is unique in cycle.yaml; rename one of them".into()),
            );
            return;
        }
        self.tasks.insert(id.as_str(), id.pos);
    }

    /// Checks that `reference` names a thing of one of the `accepted` kinds.
    fn reference(&mut self, file: FileKind, reference: &Located<Id>, accepted: &'static [Kind]) {
        let found = self.ids.get(reference.as_str()).map(|(kind, ..)| *kind);
        if found.is_some_and(|k| accepted.contains(&k)) {
            return;
        }
        let noun = accepted[0].noun();
        let message = match found {
            Some(other) => format!(
                "`{}` is {}, but {} is expected here",
                reference.value,
                a_noun(other),
                a_noun(accepted[0])
            ),
            None => format!("unknown {noun} `{}`", reference.value),
        };
        let help = self.help(reference, accepted);
        self.error(file, reference.pos, message, Some(help));
    }

    /// What to write instead of `wrong` where one of `accepted` is expected; see [`Suggestions`].
    fn help(&mut self, wrong: &str, accepted: &'static [Kind]) -> String {
        let Suggestions { candidates, helps } = &mut self.suggestions;
        let helps = helps.entry(accepted).or_default();
        if let Some(help) = helps.get(wrong) {
            return help.clone();
        }
        let by_kind = &self.by_kind;
        let known = candidates.entry(accepted).or_insert_with(|| {
            accepted
                .iter()
                .flat_map(|k| by_kind.get(k.noun()).into_iter().flatten().copied())
                .collect()
        });
        let noun = accepted[0].noun();
        let help = match did_you_mean(nearest(wrong, known.iter().copied())) {
            Some(mean) => mean,
            None if known.is_empty() => format!("no {noun} is defined; add one first"),
            None if known.len() <= 12 => {
                format!(
                    "the known {noun}s are {}",
                    backticked(known.iter().copied())
                )
            }
            None => format!(
                "there are {} {noun}s; `medtrio list` shows them",
                known.len()
            ),
        };
        helps.insert(wrong.to_owned(), help.clone());
        help
    }

    fn references(&mut self, file: FileKind, refs: &[Located<Id>], accepted: &'static [Kind]) {
        for r in refs {
            self.reference(file, r, accepted);
        }
    }

    fn title(&mut self, file: FileKind, title: &Located<String>, what: &str) {
        if title.trim().is_empty() {
            self.error(
                file,
                title.pos,
                format!("empty {what}"),
                Some(format!("write the {what}; it is what people see")),
            );
        }
    }

    fn url(&mut self, file: FileKind, url: &Located<String>) {
        if let Err(why) = check_url(url) {
            self.error(
                file,
                url.pos,
                format!("`{}` is not a web address: {why}", url.value),
                Some("write the whole address, e.g. `https://example.dk/tilmelding`".into()),
            );
        }
    }

    fn check_programme(&mut self) {
        use FileKind::Programme as P;
        let programme = &self.loaded.dataset.programme;
        self.title(P, &programme.title, "programme title");
        self.reference(P, &programme.owner, &[Kind::Forum]);
        if let Some(url) = programme.announcement.as_ref().and_then(|a| a.url.as_ref()) {
            self.url(P, url);
        }
        for theme in &programme.themes {
            self.title(P, &theme.title, "theme title");
        }
        for why in &programme.why {
            self.title(P, &why.title, "heading");
            self.references(P, &why.themes, &[Kind::Theme]);
        }
        let provenance = &self.loaded.provenance;
        for (meeting, file) in programme.meetings.iter().zip(&provenance.meetings) {
            self.check_meeting(meeting, *file);
        }
        for (template, file) in programme.templates.iter().zip(&provenance.templates) {
            let file = *file;
            self.title(file, &template.title, "template title");
            self.references(file, &template.themes, &[Kind::Theme]);
            if template.items.is_empty() {
                self.error(
                    file,
                    template.pos,
                    format!("template `{}` has no items", template.id.value),
                    Some("add at least one agenda item under `items:`".into()),
                );
            }
            self.check_items(&template.items, file);
        }
    }

    fn warning(&mut self, file: FileKind, pos: Pos, message: String, help: String) {
        let name = self.loaded.sources.get(file).name.clone();
        self.emit(
            Diagnostic::warning(&name, pos, message).with_help(help),
            file,
        );
    }

    /// Warns when a meeting or activity of one level uses a template made for another: an
    /// LMU template's items and recommendations speak of an LMU.
    fn template_level(
        &mut self,
        file: FileKind,
        (noun, id): (&str, &str),
        forum: Option<&str>,
        template: Option<&Located<Id>>,
    ) {
        let Some(level) = forum.and_then(|f| self.forum_levels.get(f).copied()) else {
            return;
        };
        let Some((template, made_for)) = template.and_then(|t| {
            self.templates
                .get(t.as_str())
                .and_then(|x| x.level)
                .map(|l| (t, l))
        }) else {
            return;
        };
        if made_for != level {
            self.warning(
                file,
                template.pos,
                format!(
                    "{noun} `{id}` is for {}, but its template `{}` is made for {}",
                    level_name(level),
                    template.value,
                    level_name(made_for)
                ),
                format!(
                    "choose a template made for {} (or one without `level:`): this one's items speak of {}",
                    level_name(level),
                    level_name(made_for)
                ),
            );
        }
    }

    fn check_meeting(&mut self, meeting: &Located<Meeting>, p: FileKind) {
        self.title(p, &meeting.title, "meeting title");
        if let Some(forum) = &meeting.forum {
            self.reference(p, forum, &[Kind::Forum]);
        }
        if meeting.status == Status::NotRecorded {
            self.error(
                p,
                meeting.pos,
                format!(
                    "meeting `{}` has status `not-recorded`, which is only for roadmap activities",
                    meeting.id.value
                ),
                Some(
                    "give the meeting one of `provisional`, `planned`, `confirmed`, `cancelled`, `held`"
                        .into(),
                ),
            );
        }
        self.references(p, &meeting.themes, &[Kind::Theme]);
        if let Some(template) = &meeting.template {
            self.reference(p, template, &[Kind::Template]);
        }
        self.template_level(
            p,
            ("meeting", &meeting.id),
            meeting.forum_id(),
            meeting.template.as_ref(),
        );
        if let Some(url) = &meeting.signup_url {
            self.url(p, url);
        }
        self.check_items(&meeting.items, p);
        if meeting.items.is_empty() && meeting.template.is_none() {
            let name = self.loaded.sources.get(p).name.clone();
            self.emit(
                Diagnostic::warning(
                    &name,
                    meeting.pos,
                    format!(
                        "meeting `{}` has neither agenda items nor a template",
                        meeting.id.value
                    ),
                )
                .with_help("add `items:` or `template:` so that `medtrio agenda` can print it"),
                p,
            );
        }
        if let (Some(start), Some(end)) = (&meeting.start, &meeting.end)
            && end.value <= start.value
        {
            self.error(
                p,
                end.pos,
                format!(
                    "the meeting ends at `{}`, which is not after its start `{}`",
                    end.value, start.value
                ),
                Some("an end time comes after the start time".into()),
            );
        }
        self.meeting_timing(meeting, p);
        if let Some(day) = meeting.date.day() {
            for time in [&meeting.start, &meeting.end].into_iter().flatten() {
                match Copenhagen.from_local_datetime(&day.and_time(time.0)) {
                    LocalResult::Single(_) => {}
                    LocalResult::None => self.error(
                        p,
                        time.pos,
                        format!(
                            "`{}` on {day} does not exist in Europe/Copenhagen: the clocks go forward that night",
                            time.value
                        ),
                        Some("choose a time outside the hour the clocks skip (02:00–03:00)".into()),
                    ),
                    LocalResult::Ambiguous(..) => {
                        let name = self.loaded.sources.get(p).name.clone();
                        self.emit(
                            Diagnostic::warning(
                                &name,
                                time.pos,
                                format!(
                                    "`{}` on {day} happens twice in Europe/Copenhagen, as the clocks go back; the first is used",
                                    time.value
                                ),
                            ),
                            p,
                        );
                    }
                }
            }
        }
    }

    /// Whether the meeting's agenda fits its time, by the rule `medtrio agenda` applies.
    fn meeting_timing(&mut self, meeting: &Located<Meeting>, p: FileKind) {
        let template = meeting
            .template
            .as_ref()
            .and_then(|t| self.templates.get(t.as_str()).map(|x| (t, *x)));
        let (items, from_template) = match template {
            _ if !meeting.items.is_empty() => (meeting.items.as_slice(), false),
            Some((_, t)) => (t.items.as_slice(), true),
            None => return,
        };
        // The agenda follows up on the forum's earlier minutes, and so is timed with it.
        let follow_up = Lang::Da.words().follow_up;
        let (items, added) = if self.followed_up.contains(meeting.id.as_str()) {
            let (all, _) = with_follow_up(items, follow_up);
            let added = all.len() > items.len();
            (all, added)
        } else {
            (Cow::Borrowed(items), false)
        };
        let items = &*items;
        let with = if added {
            format!(
                ", with the {FOLLOW_UP_MINUTES} minutes of the item `{follow_up}` that the earlier minutes add,"
            )
        } else {
            ",".to_owned()
        };
        let own_item = if added {
            format!("give the agenda its own item `{follow_up}` with the minutes it needs, ")
        } else {
            String::new()
        };
        // An item of no minutes or of more than a day has its own error; a sum says no more.
        if !items
            .iter()
            .all(|i| (1..=MAX_ITEM_MINUTES).contains(&i.minutes.value))
        {
            return;
        }
        let frame = Frame {
            items,
            from_template,
            start: meeting.start.as_ref().map(|t| t.0),
            end: meeting.end.as_ref().map(|t| t.0),
            template_start: template.and_then(|(_, t)| t.start.as_ref().map(|s| s.0)),
        };
        let e = match timing::timing(&frame, Default::default()) {
            Ok(clock) => {
                self.unplanned_time(meeting, &clock, from_template, p);
                return;
            }
            Err(e) => e,
        };
        let id = &meeting.id.value;
        // The follow-up item that earlier minutes add never blocks the folder: the agenda
        // runs over, and says which items to shorten before it is issued.
        if let (true, TimingError::Overrun { total, length }) = (added, &e) {
            let over = total - length;
            let longest = items
                .iter()
                .filter(|i| !i.fixed && i.role() != Some(ItemRole::FollowUp))
                .max_by_key(|i| i.minutes.value)
                .map(|i| format!("`{}` ({} min.)", i.title.value, i.minutes.value))
                .unwrap_or_else(|| "an item".to_owned());
            self.warning(
                p,
                meeting.pos,
                format!(
                    "the agenda of `{id}` runs {over} minutes over: its items add up to {total} minutes{with} but the meeting lasts {length}"
                ),
                format!(
                    "shorten {longest} or another item by {over} minutes, or move the end time, before the agenda is issued"
                ),
            );
            return;
        }
        let (pos, message, help) = match (e, &meeting.start, &meeting.end, template) {
            (TimingError::Overrun { total, length }, Some(start), Some(end), _) => (
                meeting.pos,
                format!(
                    "the agenda items add up to {total} minutes{with} but the meeting lasts {length} ({}–{})",
                    start.value, end.value
                ),
                format!("{own_item}shorten the items or move the end time"),
            ),
            (
                TimingError::TooShort {
                    minutes,
                    fixed,
                    flexible,
                    needed,
                },
                Some(start),
                Some(end),
                Some((name, _)),
            ) => (
                end.pos,
                format!(
                    "meeting `{id}` lasts {minutes} minutes ({}–{}), but its template `{}` needs at least {needed}",
                    start.value, end.value, name.value
                ),
                format!(
                    "the template's fixed items take {fixed} minutes{} and each of its {flexible} other items at least {}; move the end time, or give the meeting its own `items:`",
                    if added {
                        format!(" (with the item `{follow_up}` that the earlier minutes add)")
                    } else {
                        String::new()
                    },
                    timing::MIN_ITEM_MINUTES
                ),
            ),
            (TimingError::PastMidnight { start, minutes }, Some(own), ..) => (
                own.pos,
                format!(
                    "meeting `{id}` would run past midnight: it starts at {start} and its items take {minutes} minutes"
                ),
                "an agenda ends by midnight: start earlier, or shorten the items".to_owned(),
            ),
            (TimingError::PastMidnight { start, minutes }, None, _, Some((name, _))) => (
                name.pos,
                past_midnight_by_template("meeting", id, &name.value, &start, minutes),
                "an agenda ends by midnight: give the meeting its own `start:`, or shorten the items"
                    .to_owned(),
            ),
            // The rule gives no other error for what a meeting can have.
            (e, ..) => (meeting.pos, format!("meeting `{id}`: {e}"), String::new()),
        };
        self.error(p, pos, message, (!help.is_empty()).then_some(help));
    }

    /// A meeting whose own items end well before its own end: the agenda prints the rest as
    /// "Afrunding", which hides a gap in the plan. A template is scaled to fit, so only a
    /// meeting's own items can leave one.
    fn unplanned_time(
        &mut self,
        meeting: &Located<Meeting>,
        clock: &timing::Timing,
        from_template: bool,
        p: FileKind,
    ) {
        let (Some(start), Some(end)) = (clock.start, clock.end) else {
            return;
        };
        let Some(own_end) = meeting.end.as_ref().filter(|_| !from_template) else {
            return;
        };
        let items_end = start + chrono::TimeDelta::minutes(clock.total);
        let gap = (end - items_end).num_minutes();
        if gap <= MAX_UNPLANNED_MINUTES {
            return;
        }
        let id = &meeting.id.value;
        self.warning(
            p,
            own_end.pos,
            format!(
                "meeting `{id}` has {gap} minutes ({}–{}) after its last item that no item takes; the agenda prints them as \"Afrunding\"",
                hhmm(items_end),
                hhmm(end)
            ),
            format!(
                "give the time to the items, add an item for it, or end the meeting at {}",
                hhmm(items_end)
            ),
        );
    }

    fn check_items(&mut self, items: &[Located<AgendaItem>], p: FileKind) {
        for item in items {
            self.title(p, &item.title, "agenda item title");
            if item.minutes.value <= 0 {
                self.error(
                    p,
                    item.minutes.pos,
                    format!(
                        "an agenda item needs a positive number of minutes, not `{}`",
                        item.minutes.value
                    ),
                    Some("give the item the minutes it takes, e.g. `minutes: 15`".into()),
                );
            } else if item.minutes.value > MAX_ITEM_MINUTES {
                self.error(
                    p,
                    item.minutes.pos,
                    format!(
                        "an agenda item cannot last more than a day ({MAX_ITEM_MINUTES} minutes), not `{}`",
                        item.minutes.value
                    ),
                    Some("give the minutes the item takes, or split it over several meetings".into()),
                );
            }
            self.references(p, &item.prompts, &[Kind::Prompt]);
            if let Some(task) = &item.cycle {
                self.cycle_reference(p, task);
            }
        }
    }

    /// An item's `cycle:` names a task of `cycle.yaml`; without the file, it names nothing.
    fn cycle_reference(&mut self, p: FileKind, task: &Located<Id>) {
        if self.loaded.dataset.cycle.is_some() {
            if self.tasks.contains_key(task.as_str()) {
                return;
            }
            // In the order of cycle.yaml, for a stable help.
            let known = self
                .loaded
                .dataset
                .cycle
                .iter()
                .flat_map(|c| &c.rules)
                .map(|r| r.id.as_str());
            let help = did_you_mean(nearest(task, known.clone())).unwrap_or_else(|| {
                if self.tasks.is_empty() {
                    "cycle.yaml has no tasks; add the task there".to_owned()
                } else {
                    format!("the tasks of cycle.yaml are {}", backticked(known))
                }
            });
            let message = format!("unknown cycle task `{}`", task.value);
            return self.error(p, task.pos, message, Some(help));
        }
        self.error(
            p,
            task.pos,
            format!(
                "the item names the cycle task `{}`, but the data has no cycle.yaml",
                task.value
            ),
            Some(
                "add cycle.yaml with the task (`medtrio init DIR` writes one to start from), or leave `cycle:` out"
                    .into(),
            ),
        );
    }

    fn check_roadmap(&mut self) {
        use FileKind::Roadmap as R;
        let roadmap = &self.loaded.dataset.roadmap;
        self.title(R, &roadmap.title, "roadmap title");
        for forum in &roadmap.forums {
            self.title(R, &forum.name, "forum name");
        }
        for activity in &roadmap.activities {
            self.title(R, &activity.title, "activity title");
            if let Some(forum) = &activity.forum {
                self.reference(R, forum, &[Kind::Forum]);
            }
            self.references(R, &activity.themes, &[Kind::Theme]);
            if let Some(template) = &activity.template {
                self.reference(R, template, &[Kind::Template]);
            }
            if activity.is_meeting() {
                self.activity_timing(activity.id.as_str(), activity.template.as_ref());
            }
            self.template_level(
                R,
                ("roadmap activity", &activity.id),
                activity.forum_id(),
                activity.template.as_ref(),
            );
        }
    }

    /// The agenda of a roadmap activity that is a meeting is its template's, from the
    /// template's start: it too must end by midnight, by the rule `medtrio agenda` applies.
    fn activity_timing(&mut self, id: &str, template: Option<&Located<Id>>) {
        let Some((name, t)) =
            template.and_then(|t| self.templates.get(t.as_str()).map(|x| (t, *x)))
        else {
            return;
        };
        if !t
            .items
            .iter()
            .all(|i| (1..=MAX_ITEM_MINUTES).contains(&i.minutes.value))
        {
            return;
        }
        let frame = Frame {
            items: &t.items,
            from_template: true,
            start: None,
            end: None,
            template_start: t.start.as_ref().map(|s| s.0),
        };
        if let Err(TimingError::PastMidnight { start, minutes }) =
            timing::timing(&frame, Default::default())
        {
            self.error(
                FileKind::Roadmap,
                name.pos,
                past_midnight_by_template("roadmap activity", id, &name.value, &start, minutes),
                Some(format!(
                    "an agenda ends by midnight: give the template `{}` an earlier `start:`, or shorten its items",
                    name.value
                )),
            );
        }
    }

    fn check_findings(&mut self) {
        use FileKind::Findings as F;
        let findings = &self.loaded.dataset.findings;
        self.title(F, &findings.title, "title");
        for theme in &findings.themes {
            self.title(F, &theme.title, "theme title");
        }
        for section in &findings.sections {
            self.title(F, &section.title, "section title");
            if let Some(theme) = &section.theme {
                self.reference(F, theme, &[Kind::Theme]);
            }
        }
        for finding in &findings.findings {
            self.title(F, &finding.text, "finding text");
            self.reference(F, &finding.section, &[Kind::Section]);
            self.references(F, &finding.themes, &[Kind::Theme]);
            if finding.kind == FindingKind::Barrier
                && finding.title.as_deref().is_none_or(|t| t.trim().is_empty())
            {
                self.error(
                    F,
                    finding.pos,
                    format!("barrier `{}` has no title", finding.id.value),
                    Some("add `title:` with the barrier's heading".into()),
                );
            }
        }
        for prompt in &findings.prompts {
            self.title(F, &prompt.text, "prompt text");
            let length = prompt.text.value.chars().count();
            if length > crate::report::prompts::MAX_CARD_TEXT {
                self.warning(
                    F,
                    prompt.text.pos,
                    format!(
                        "prompt `{}` is {length} characters long: a printed card holds {}",
                        prompt.id.value,
                        crate::report::prompts::MAX_CARD_TEXT
                    ),
                    "shorten the question, or make it two prompts: a card cannot hold it at a readable size".to_owned(),
                );
            }
            if let Some(quote) = &prompt.quote {
                if prompt.origin == Origin::Authored {
                    self.error(
                        F,
                        quote.pos,
                        format!(
                            "prompt `{}` is authored, so it has no quote",
                            prompt.id.value
                        ),
                        Some(
                            "a quote is the source's own words of a seed prompt: remove `quote:`, or make the prompt `origin: seed`"
                                .into(),
                        ),
                    );
                } else if quote.trim().is_empty() {
                    self.error(
                        F,
                        quote.pos,
                        format!("prompt `{}` has an empty quote", prompt.id.value),
                        Some(
                            "write the source's words as they stand, or remove `quote:` when the text is them"
                                .into(),
                        ),
                    );
                }
            }
            // A strand of the programme (one of its themes, in its own words) is a source too.
            let strands = &self.loaded.dataset.programme.themes;
            let sources: Vec<Located<Id>> = prompt
                .sources
                .iter()
                .filter(|s| !strands.iter().any(|t| t.id.as_str() == s.as_str()))
                .cloned()
                .collect();
            self.references(F, &sources, &[Kind::Finding, Kind::Text]);
            self.references(F, &prompt.themes, &[Kind::Theme]);
            let missing = [
                (
                    prompt.sources.is_empty(),
                    "sources",
                    "the finding ids it comes from",
                ),
                (
                    prompt.audiences.is_empty(),
                    "audiences",
                    "who it is for, e.g. `[tr, amr]`",
                ),
                (
                    prompt.levels.is_empty(),
                    "levels",
                    "where it is used, e.g. `[lmu]`",
                ),
            ];
            for (empty, field, what) in missing {
                if empty {
                    self.error(
                        F,
                        prompt.pos,
                        format!("prompt `{}` has no {field}", prompt.id.value),
                        Some(format!("add `{field}:` with {what}")),
                    );
                }
            }
        }
    }
}

/// A forum level as a warning names it: "an OMU".
fn level_name(level: Level) -> &'static str {
    match level {
        Level::Hu => "HU",
        Level::Omu => "an OMU",
        Level::Lmu => "an LMU",
        Level::Other => "a forum outside HU, OMU and LMU",
    }
}

fn past_midnight_by_template(
    noun: &str,
    id: &str,
    template: &str,
    start: &str,
    minutes: i64,
) -> String {
    format!(
        "{noun} `{id}` would run past midnight: its template `{template}` starts it at {start} and its items take {minutes} minutes"
    )
}

/// The message for an id that breaks the one rule for ids.
fn not_a_slug(noun: &str, id: &str) -> String {
    format!("invalid {noun} id `{}`", id.escape_debug())
}

/// What to write instead: the rule, and the slug of what was written.
pub fn slug_help(written: &str) -> String {
    let rule =
        "ids are 1 to 64 lower-case letters a-z, digits and hyphens, not starting with a hyphen";
    match suggest_id(written) {
        Some(slug) => format!("{rule}: write `{slug}`"),
        None => format!("{rule}, such as `temamoede-1`"),
    }
}

/// A light check that a text is an absolute http(s) address with a host.
fn check_url(url: &str) -> Result<(), &'static str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("it must start with `https://` or `http://`")?;
    if url.chars().any(char::is_whitespace) {
        return Err("it contains a space");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    if host.is_empty() || !(host.contains('.') || host == "localhost") {
        return Err("it has no host name");
    }
    if !host
        .chars()
        .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
    {
        return Err("its host name has characters a host name cannot have");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;
    use std::fs;
    use std::path::Path;

    use super::{check, check_url};
    use crate::load::{DataSource, load};

    /// The minimal fixture with `n` more meetings whose forum is `forum`.
    fn with_meetings(n: usize, forum: &str) -> tempfile::TempDir {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        let dir = tempfile::tempdir().unwrap();
        for name in ["roadmap.yaml", "findings.yaml"] {
            fs::copy(fixture.join(name), dir.path().join(name)).unwrap();
        }
        let mut programme = fs::read_to_string(fixture.join("programme.yaml")).unwrap();
        for i in 0..n {
            write!(
                programme,
                "  - id: m-{i}\n    title: \"Møde {i}\"\n    forum: {forum}\n    status: planned\n    date: \"2026-05-05\"\n    template: t\n"
            )
            .unwrap();
        }
        programme.push_str("templates:\n  - id: t\n    title: \"T\"\n    items:\n      - title: \"Punkt\"\n        minutes: 10\n");
        fs::write(dir.path().join("programme.yaml"), programme).unwrap();
        dir
    }

    #[test]
    fn validate_4000_meetings_with_one_unknown_forum_computes_one_suggestion() {
        let dir = with_meetings(4000, "lmu-testhusett");
        let loaded = load(&DataSource::Dir(dir.path().to_owned())).unwrap();
        let checker = check(&loaded, None);
        assert_eq!(checker.out.len(), 4000);
        for (i, d) in checker.out.iter().enumerate() {
            assert_eq!(d.message, "unknown forum `lmu-testhusett`");
            assert_eq!(d.help.as_deref(), Some("did you mean `lmu-testhuset`?"));
            assert_eq!(d.line as usize, 32 + 6 * i, "the forum line of meeting {i}");
            assert_eq!(d.source_line.as_deref(), Some("    forum: lmu-testhusett"));
        }
        // The old code searched the forums once per meeting, and scanned the file from its
        // start for every quoted line.
        assert_eq!(checker.suggestions.computed(), 1);
        assert_eq!(checker.lines.len(), 1);
    }

    #[test]
    fn each_distinct_wrong_name_gets_its_own_suggestion() {
        let dir = with_meetings(0, "x");
        let mut programme = fs::read_to_string(dir.path().join("programme.yaml")).unwrap();
        programme = programme.replace(
            "templates:",
            "  - id: a\n    title: A\n    forum: lmu-testhus\n    status: planned\n    template: tt\n  - id: b\n    title: B\n    forum: zzz\n    status: planned\n    template: t\ntemplates:",
        );
        fs::write(dir.path().join("programme.yaml"), programme).unwrap();
        let loaded = load(&DataSource::Dir(dir.path().to_owned())).unwrap();
        let checker = check(&loaded, None);
        let helps: Vec<_> = checker
            .out
            .iter()
            .map(|d| (d.message.as_str(), d.help.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            helps,
            [
                (
                    "unknown forum `lmu-testhus`",
                    "did you mean `lmu-testhuset`?"
                ),
                ("unknown template `tt`", "did you mean `t`?"),
                (
                    "unknown forum `zzz`",
                    "the known forums are `lmu-testhuset`"
                ),
            ]
        );
        assert_eq!(checker.suggestions.computed(), 3);
    }

    #[test]
    fn urls() {
        assert!(check_url("https://medtrio-i-buf.kk.dk/indflydelse").is_ok());
        assert!(check_url("medtrio-i-buf.kk.dk").is_err());
        assert!(check_url("https://").is_err());
        assert!(check_url("https://a b.dk").is_err());
        assert!(check_url("https://localhost:8080/x").is_ok());
    }
}
