//! `medtrio mail invitation|referat MEETING`: a meeting's e-mail as a draft to send (an .eml
//! file that Outlook and Thunderbird open ready to send, `X-Unsent: 1`).
//!
//! The MIME is mail-builder's (RFC 2047 for Danish in headers, RFC 2231 for file names,
//! quoted-printable or base64 bodies within the line limits); the calendar part is written by
//! `render::ics`, as the calendar is, with the calendar's UID of the meeting.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Result;
use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::date::Date;
use mail_builder::headers::raw::Raw;
use mail_builder::mime::MimePart;

use crate::cli::{MailArgs, MailOptions, MailWhat};
use crate::cmd::write::{self, Change};
use crate::cmd::{Context, agenda_error, output};
use crate::edit::{Edit, Value};
use crate::error::Failure;
use crate::model::{Catalog, Invited, Meeting, Role, Status};
use crate::render::{Document, Format, Renderer, ics};
use crate::report::agenda::{self, Agenda, AgendaOptions};
use crate::report::{calendar, minutes};

pub fn run(ctx: &Context, args: &MailArgs, out: &mut dyn Write) -> Result<()> {
    match &args.what {
        MailWhat::Invitation(o) => invitation(ctx, o, out),
        MailWhat::Referat(o) => referat(ctx, o, out),
    }
}

/// A sender or recipient: a name and an address.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Person {
    name: String,
    address: String,
}

/// `--from`: `name@example.org` or `Name <name@example.org>`.
fn parse_from(given: &str) -> Result<Person, Failure> {
    let given = given.trim();
    let (name, address) = match given.rsplit_once('<') {
        Some((name, rest)) if rest.ends_with('>') => (
            name.trim().trim_matches('"').trim(),
            rest.trim_end_matches('>').trim(),
        ),
        _ => ("", given),
    };
    if !crate::validate::is_email(address) {
        return Err(Failure::usage_with_help(
            format!("--from `{given}` is not an e-mail address"),
            "give --from name@example.org, or --from \"Name <name@example.org>\"",
        ));
    }
    Ok(Person {
        name: name.to_owned(),
        address: address.to_owned(),
    })
}

/// The meeting `id`, with its forum and day: who receives its e-mail depends on both.
fn meeting<'a>(
    catalog: &Catalog<'a>,
    id: &str,
) -> Result<(&'a Meeting, &'a str, chrono::NaiveDate)> {
    let Some(m) = catalog.meeting(id) else {
        return Err(write::unknown_meeting(
            id,
            catalog
                .data
                .programme
                .meetings
                .iter()
                .map(|m| m.id.as_str()),
        )
        .into());
    };
    let Some(forum) = m.forum_id() else {
        return Err(Failure::operation(
            format!("`{id}` has no forum, so it has no members to write to"),
            "give the meeting a `forum:` whose members are in members.yaml",
        )
        .into());
    };
    let Some(day) = m.date.day() else {
        return Err(Failure::operation(
            format!("`{id}` has no exact date, so its members on the day are not known"),
            "give the meeting a `date:` (YYYY-MM-DD)",
        )
        .into());
    };
    Ok((m, forum, day))
}

/// The forum's members on the day who have an e-mail address; a member without one is named
/// on stderr, so that nobody is left out unnoticed.
fn recipients(catalog: &Catalog<'_>, forum: &str, day: chrono::NaiveDate) -> Result<Vec<Person>> {
    let mut to = Vec::new();
    for m in catalog.members_on(forum, day) {
        match m.email() {
            Some(address) => to.push(Person {
                name: m.name.value.clone(),
                address: address.to_owned(),
            }),
            None => eprintln!(
                "note: {} has no e-mail address in members.yaml, and is not among the recipients",
                m.name.value
            ),
        }
    }
    if to.is_empty() {
        return Err(Failure::operation(
            format!(
                "no member of `{forum}` on {} has an e-mail address",
                day.format("%Y-%m-%d")
            ),
            "add the members to members.yaml, each with `email:`",
        )
        .into());
    }
    Ok(to)
}

/// The sender: `--from`, else the forum's sekretær, else its formand, with an address.
fn sender(
    catalog: &Catalog<'_>,
    forum: &str,
    day: chrono::NaiveDate,
    from: Option<&str>,
) -> Result<Person> {
    if let Some(from) = from {
        return Ok(parse_from(from)?);
    }
    for role in [Role::Sekretaer, Role::Formand] {
        if let Some((m, address)) = catalog
            .members_on(forum, day)
            .filter(|m| m.has_role(role))
            .find_map(|m| Some((m, m.email()?)))
        {
            return Ok(Person {
                name: m.name.value.clone(),
                address: address.to_owned(),
            });
        }
    }
    Err(Failure::usage_with_help(
        "say who sends the e-mail: no sekretær or formand of the forum has an e-mail address",
        "give --from name@example.org, or an `email:` to the forum's sekretær or formand in members.yaml",
    )
    .into())
}

/// The seconds since 1970 now: the e-mail's Date.
fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// A file name for an attachment: no folder separators, no control characters.
fn file_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect()
}

/// The e-mail: headers, the body's alternatives, and the files attached.
struct Mail {
    /// What the Message-ID says before the time: `invitation.lmu-december.0`.
    what: String,
    from: Person,
    to: Vec<Person>,
    subject: String,
    alternatives: Vec<MimePart<'static>>,
    files: Vec<(String, &'static str, Vec<u8>)>,
}

impl Mail {
    fn bytes(self) -> Result<Vec<u8>> {
        let to: Vec<Address<'static>> = self
            .to
            .into_iter()
            .map(|p| Address::new_address(Some(p.name).filter(|n| !n.is_empty()), p.address))
            .collect();
        let from = Address::new_address(
            Some(self.from.name).filter(|n| !n.is_empty()),
            self.from.address,
        );
        let mut parts = vec![MimePart::new("multipart/alternative", self.alternatives)];
        for (name, kind, bytes) in self.files {
            parts.push(MimePart::new(kind, bytes).attachment(name));
        }
        let message = MessageBuilder::new()
            .from(from)
            .to(Address::new_list(to))
            .subject(self.subject)
            .date(Date::new(now()))
            // Our own Message-ID: mail-builder's would carry the machine's name.
            .message_id(format!("{}.{}@medtrio.invalid", self.what, now()))
            // Outlook opens a message with X-Unsent: 1 as a draft, ready to send.
            .header("X-Unsent", Raw::new("1"))
            .body(MimePart::new("multipart/mixed", parts));
        Ok(message.write_to_vec()?)
    }
}

/// Writes the e-mail to the file of `-o` (never over a file without --force), else to `out`.
fn write_mail(o: &MailOptions, bytes: &[u8], out: &mut dyn Write) -> Result<()> {
    match &o.output {
        Some(path) => output::write_file(path, bytes, o.force),
        None => Ok(out.write_all(bytes)?),
    }
}

/// What the invitation says of the event, as a fingerprint: a change is a new SEQUENCE.
fn fingerprint(event: &calendar::Event, cancel: bool, to: &[Person]) -> String {
    let mut text = format!(
        "{cancel}|{}|{:?}|{:?}|{}",
        event.start, event.end, event.location, event.summary
    );
    for p in to {
        text.push('|');
        text.push_str(&p.address);
    }
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

/// "LMU-møde tirsdag den 15. december 2026 kl. 13.00"
fn meeting_words(ctx: &Context, agenda: &Agenda, m: &Meeting) -> String {
    let lang = ctx.lang;
    let what = agenda
        .level
        .map_or_else(|| agenda.title.clone(), |l| lang.level_meeting(l));
    let mut out = what;
    if let Some(day) = m.date.day() {
        out.push(' ');
        out.push_str(&lang.long_date(day));
    }
    if let Some(start) = &m.start {
        out.push(' ');
        out.push_str(&lang.clock(start.0));
    }
    out
}

fn invitation(ctx: &Context, o: &MailOptions, out: &mut dyn Write) -> Result<()> {
    write::data_dir(&ctx.source)?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let id = o.meeting.as_str();
    let (m, forum, day) = meeting(&catalog, id)?;
    let lang = ctx.lang;
    let w = lang.words();
    let options = AgendaOptions {
        today: Some(ctx.today),
        ..AgendaOptions::default()
    };
    let agenda =
        agenda::agenda(&catalog, id, lang, options).map_err(|e| agenda_error(&catalog, id, e))?;
    let Some(event) = calendar::meeting_event(&catalog, m, lang) else {
        return Err(Failure::operation(
            format!("`{id}` has no start time, so it cannot be put in a calendar"),
            "give the meeting a `start:` (HH:MM)",
        )
        .into());
    };
    let to = recipients(&catalog, forum, day)?;
    let from = sender(&catalog, forum, day, o.from.as_deref())?;
    let cancel = catalog.meeting_status(m) == Status::Cancelled;
    let print = fingerprint(&event, cancel, &to);
    let sequence = match &m.invited {
        None => 0,
        Some(i) if i.fingerprint == print => i.sequence,
        Some(i) => i.sequence.saturating_add(1),
    };
    let attendees: Vec<(String, String)> = to
        .iter()
        .map(|p| (p.name.clone(), p.address.clone()))
        .collect();
    let mut ics_text = Vec::new();
    ics::invitation(
        &ics::Invitation {
            event: &event,
            cancel,
            sequence,
            organizer: (&from.name, &from.address),
            attendees: &attendees,
            stamp: ctx.today.and_time(chrono::NaiveTime::MIN).and_utc(),
        },
        &mut ics_text,
    )?;
    let renderer = ctx
        .renderer(false)?
        .for_mail()
        .with_created(ctx.stamp_day(&catalog));
    let doc = Document::Agenda(&agenda);
    let text = rendered(ctx, &renderer, &doc, Format::Txt)?;
    let html = rendered(ctx, &renderer, &doc, Format::Html)?;
    let mut pdf = Vec::new();
    ctx.render(&renderer, &doc, Format::Pdf, &mut pdf)?;
    let method = if cancel { "CANCEL" } else { "REQUEST" };
    let calendar_part = MimePart::new(
        ContentType::new("text/calendar")
            .attribute("method", method)
            .attribute("charset", "utf-8"),
        String::from_utf8_lossy(&ics_text).into_owned(),
    );
    let mut files = vec![(
        format!("{} – {}.pdf", agenda.kind_word(), file_name(&agenda.title)),
        "application/pdf",
        pdf,
    )];
    files.extend(attachment_files(&agenda)?);
    let prefix = if cancel {
        w.mail_cancelled
    } else {
        w.mail_invitation
    };
    let mail = Mail {
        what: format!("invitation.{id}.{sequence}"),
        from,
        to,
        subject: format!("{prefix}: {}", meeting_words(ctx, &agenda, m)),
        alternatives: vec![
            MimePart::new("text/plain", text),
            MimePart::new("text/html", html),
            calendar_part,
        ],
        files,
    };
    write_mail(o, &mail.bytes()?, out)?;
    let invited = Invited {
        sequence,
        fingerprint: print,
    };
    if m.invited.as_ref() != Some(&invited) {
        remember(ctx, &loaded, id, &invited, out)?;
    }
    Ok(())
}

/// A document rendered as text.
fn rendered(
    ctx: &Context,
    renderer: &Renderer,
    doc: &Document<'_>,
    format: Format,
) -> Result<String> {
    let mut bytes = Vec::new();
    ctx.render(renderer, doc, format, &mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The agenda's attachments as files of the e-mail: "Bilag 2.1 – Referat fra ….pdf".
fn attachment_files(agenda: &Agenda) -> Result<Vec<(String, &'static str, Vec<u8>)>> {
    let w = agenda.lang.words();
    let mut files = Vec::new();
    for a in agenda.attachments() {
        let Some(path) = &a.path else { continue };
        let bytes = crate::load::attachments::read(path).map_err(|e| {
            Failure::operation(
                format!("cannot read the attachment `{}`: {e}", a.file),
                "check the file, then run the command again",
            )
        })?;
        let ext = a
            .format
            .as_deref()
            .map(|f| format!(".{}", f.to_lowercase()))
            .unwrap_or_default();
        let kind = if a.pages.is_some() {
            "application/pdf"
        } else {
            "application/octet-stream"
        };
        files.push((
            file_name(&format!("{} {} – {}{ext}", w.attachment, a.number, a.title)),
            kind,
            bytes,
        ));
    }
    Ok(files)
}

/// Keeps the invitation's SEQUENCE and fingerprint in the meeting (`invited:`), through the
/// write seat, so that the next invitation of a changed meeting comes after it.
fn remember(
    ctx: &Context,
    loaded: &crate::load::Loaded,
    id: &str,
    invited: &Invited,
    out: &mut dyn Write,
) -> Result<()> {
    let Some(path) = write::meeting_file(loaded, id) else {
        return Ok(());
    };
    let before = write::read(&path)?;
    let file = Edit::parse(&path.display().to_string(), &before).map_err(write::edit_error)?;
    let entry = file.entry("meetings", id).map_err(write::edit_error)?;
    entry.set(
        "invited",
        &Value::Map(vec![
            (
                "sequence".into(),
                Value::plain(invited.sequence.to_string()),
            ),
            ("fingerprint".into(), Value::text(&invited.fingerprint)),
        ]),
        &["issued", "items", "status"],
    );
    let what = format!(
        "{}: the invitation of `{id}` is SEQUENCE {}",
        path.display(),
        invited.sequence
    );
    let change = Change {
        path,
        before: Some(before),
        after: file.text(),
    };
    write::apply(ctx, &[change], &what, false, out)
}

fn referat(ctx: &Context, o: &MailOptions, out: &mut dyn Write) -> Result<()> {
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let id = o.meeting.as_str();
    let (m, forum, day) = meeting(&catalog, id)?;
    let lang = ctx.lang;
    let w = lang.words();
    let referat = minutes::referat(&catalog, id, lang).map_err(|e| match e {
        minutes::ReferatError::Agenda(e) => agenda_error(&catalog, id, e),
        e @ minutes::ReferatError::NoMinutes(_) => Failure::operation(
            e.to_string(),
            format!("`medtrio --data DIR minutes {id}` writes them to fill in"),
        )
        .into(),
    })?;
    let agenda = agenda::agenda(&catalog, id, lang, AgendaOptions::default())
        .map_err(|e| agenda_error(&catalog, id, e))?;
    let to = recipients(&catalog, forum, day)?;
    let from = sender(&catalog, forum, day, o.from.as_deref())?;
    let renderer = ctx.renderer(false)?.for_mail();
    let doc = Document::Referat(&referat);
    let mut text = String::new();
    if let Some(due) = catalog.deadlines_of(m).comments_due {
        text.push_str(&format!("{} {}.\n\n", w.comments_due, lang.long_date(due)));
    }
    text.push_str(&rendered(ctx, &renderer, &doc, Format::Txt)?);
    let mut pdf = Vec::new();
    ctx.render(&renderer, &doc, Format::Pdf, &mut pdf)?;
    let title = crate::report::doc::Printable::doc(&referat).full_title();
    let mail = Mail {
        what: format!("referat.{id}"),
        from,
        to,
        subject: format!("{}: {}", w.mail_referat, meeting_words(ctx, &agenda, m)),
        alternatives: vec![MimePart::new("text/plain", text)],
        files: vec![(format!("{}.pdf", file_name(&title)), "application/pdf", pdf)],
    };
    write_mail(o, &mail.bytes()?, out)
}
