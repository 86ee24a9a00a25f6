//! The content-addressed cache of the checked model, a private shortcut of [`super::load`]: parse and validate a large data folder
//! once, and read the result back in a fraction of the time while no byte of it changes.
//!
//! **The key** is a 128-bit xxh3 of everything the answer depends on: each input file's name
//! as shown in messages and its exact bytes, in the order of the folder's one list of inputs
//! ([`Inputs`]: the files the loader reads and the programmes above that the tree's checks
//! read; a new kind of file joins the key by joining that list), medtrio's version, the data-format version, this cache's own
//! format, and the identity of the running executable (its path, size and modification time:
//! a rebuilt medtrio never reads what another build wrote, even at the same version number).
//! A changed byte changes the key, so it can never give a stale answer; it gives a miss.
//!
//! **What is stored** is only data that validated with no error: the model, which file each
//! merged meeting came from, and the warnings validation printed, so that a hit prints them
//! the same. Data with errors is never stored, so every error message comes from a real parse.
//!
//! **The encoding** is rkyv. `Located<T>` serializes through serde as the bare value (the JSON
//! contract), and the model's serde derives skip empty fields (`skip_serializing_if`), which a
//! non-self-describing serde format such as postcard or bincode cannot read back; so the cache
//! needs an encoding of its own that the model derives beside serde's. rkyv derives one that
//! keeps every field, positions (`Pos`) included: nothing reads a position after validation
//! today, but a cached model is then the same model as a parsed one, and a later check that
//! points at `file:line:col` cannot silently get `0:0` from the cache. rkyv is maintained
//! (bincode ceased development after 2.0) and validates an archive (bytecheck) before it is
//! read. Decoding into the owned model costs what allocating its strings costs; see
//! benches/RESULTS.md for the figures.
//!
//! **Never trusted blindly.** A file is used only if its magic and cache-format version, its
//! key, its length and an xxh3 checksum of its payload all match and rkyv's validation and
//! decoding succeed (dates and times are checked again); anything else is a miss, silently,
//! and the data is parsed as if there were no cache. Writes go to a temporary file in the
//! cache folder and are renamed into place, so readers and a second writer only ever see a
//! whole file; a write that fails is silent. After a write, all but the [`KEEP`] most
//! recently used entries are removed.
//!
//! The folder is the user's cache folder (`$XDG_CACHE_HOME/medtrio`, `~/.cache/medtrio`), or
//! `MEDTRIO_CACHE_DIR`; never the data folder. It is trusted as the user's own files are: the
//! checks catch accidents (a full disk, a crash, another version), not a forger.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use chrono::{NaiveDate, NaiveTime, Timelike};
use rkyv::rancor::{self, Fallible, Source};
use rkyv::util::AlignedVec;
use xxhash_rust::xxh3::{Xxh3, xxh3_64, xxh3_128};

use super::verdict::{Checked, check};
use crate::diagnostic::Diagnostic;
use crate::load::{self, Input, Inputs, Loaded, Provenance};
use crate::model::when::Month;
use crate::model::{ClockTime, Dataset, Period, Quarter, When};
use crate::validate::validate_today;

/// Data folders smaller than this (all input files together) are parsed without the cache.
/// Measured (benches/RESULTS.md, "Where the cache pays"): a hit costs about 2 ms of CPU
/// whatever the size, a parse about 0.13 ms per KiB, so the cache wins from a few KiB on; but
/// below 64 KiB the win is a few milliseconds, less than the process's own start, and small
/// folders (the seed data is 46 KiB, a committee's own data less) leave no entries behind.
pub const DEFAULT_MIN_BYTES: u64 = 64 * 1024;

/// How many entries the folder keeps: the most recently used, and at least every entry this
/// run used (a `rollup` of a tree uses one a folder).
pub const KEEP: usize = 4;

/// The entries this process has read or written.
static USED: AtomicUsize = AtomicUsize::new(0);

/// The first bytes of every cache file; the digit is the cache format, raised when the layout
/// of the file (not of the model: that is in the key) changes.
const MAGIC: &[u8; 16] = b"medtrio cache 1\n";

/// magic, key (16), payload length (8), payload checksum (8), then zeros up to 64, so that the
/// payload starts aligned as rkyv needs.
const HEADER_LEN: usize = 64;

/// The name every entry ends with.
const SUFFIX: &str = ".medtrio-cache";

/// Temporary files a writer died leaving behind are removed after this long.
const STALE_TEMP: Duration = Duration::from_secs(3600);

/// Where the cache is and when it is used.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The cache folder; `None` when the cache is off.
    pub dir: Option<PathBuf>,
    /// Inputs below this many bytes are not cached.
    pub min_bytes: u64,
}

impl Settings {
    /// The settings in force: off when `enabled` is false (`--no-cache`, `MEDTRIO_NO_CACHE`);
    /// the folder from `MEDTRIO_CACHE_DIR` or the platform's cache folder; the threshold from
    /// `MEDTRIO_CACHE_MIN_BYTES` or [`DEFAULT_MIN_BYTES`].
    pub fn from_env(enabled: bool) -> Settings {
        let dir = enabled
            .then(|| match std::env::var_os("MEDTRIO_CACHE_DIR") {
                Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
                _ => dirs::cache_dir().map(|d| d.join("medtrio")),
            })
            .flatten();
        let min_bytes = std::env::var("MEDTRIO_CACHE_MIN_BYTES")
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(DEFAULT_MIN_BYTES);
        Settings { dir, min_bytes }
    }
}

/// What a cache entry holds; the sources (file names and paths) follow from the key's inputs.
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
struct Entry {
    dataset: Dataset,
    provenance: Provenance,
    warnings: Vec<Diagnostic>,
}

/// Loads and validates the data of `inputs`, from the cache when an entry for exactly these
/// bytes exists and the settings allow it. Errors come back as every problem found, warnings
/// included, exactly as without a cache.
pub(super) fn load(
    inputs: &Inputs,
    settings: &Settings,
    today: NaiveDate,
) -> Result<Checked, Vec<Diagnostic>> {
    let cache_dir = match (&inputs.dir, &settings.dir) {
        (Some(_), Some(cache)) => cache.as_path(),
        _ => {
            let loaded = load::load_inputs(inputs, &mut |_, _| {})?;
            return check(loaded, today).map(|(checked, _)| checked);
        }
    };
    if let Some(mut hit) = lookup(inputs, cache_dir, settings.min_bytes) {
        let today = validate_today(&hit.loaded, today);
        hit.warnings.extend(today);
        return Ok(hit);
    }
    let mut key = KeyBuilder::new();
    let loaded = load::load_inputs(inputs, &mut |name, bytes| key.add(name, bytes))?;
    let (checked, of_today) = check(loaded, today)?;
    // The key is of the bytes that were parsed, so that a file changed since the lookup is
    // stored under its new content, never under the old. The warnings of the day are not
    // stored: a hit gives the day's own.
    match key.finish() {
        Some((key, bytes)) if bytes >= settings.min_bytes => {
            Ok(store(cache_dir, key, checked, of_today))
        }
        _ => Ok(checked),
    }
}

/// The files of `inputs` that the key covers, each with its name, in order; `None` when a
/// file is not on disk or a folder cannot be listed (the loader then reports why).
fn key_files(inputs: &Inputs) -> Option<Vec<(&str, &Path)>> {
    if !inputs.all_on_disk() {
        return None;
    }
    Some(
        inputs
            .files
            .iter()
            .filter_map(|input| match input {
                Input::File { name, origin, .. } => Some((name.as_str(), origin.path()?)),
                Input::Above { name, path } => Some((name.as_str(), path.as_path())),
                Input::Unlisted(_) => None,
            })
            .collect(),
    )
}

/// The entry for the data folder as it is now, if one is stored and sound.
fn lookup(inputs: &Inputs, cache_dir: &Path, min_bytes: u64) -> Option<Checked> {
    let files = key_files(inputs)?;
    // Small data is not worth a read of the cache; the sizes say so without reading a byte.
    let size: u64 = files
        .iter()
        .map(|(_, path)| fs::metadata(path).map_or(0, |m| m.len()))
        .sum();
    if size < min_bytes {
        return None;
    }
    let mut key = KeyBuilder::new();
    let mut buffer = vec![0u8; 256 * 1024];
    for (name, path) in &files {
        let (len, hash) = hash_file(path, &mut buffer)?;
        key.add_hashed(name, len, hash);
    }
    let (key, _) = key.finish()?;
    let entry = read_entry(&entry_path(cache_dir, key), key, size)?;
    Some(Checked {
        loaded: Loaded {
            dataset: entry.dataset,
            sources: inputs.sources(),
            provenance: entry.provenance,
            ancestry: inputs.ancestry.clone(),
        },
        warnings: entry.warnings,
    })
}

/// The length and xxh3-128 of a file's bytes, read through `buffer` rather than into memory
/// whole. `None` for what the loader would refuse to read (not a regular file, over the size
/// limit) or cannot read: the miss that follows reports it.
fn hash_file(path: &Path, buffer: &mut [u8]) -> Option<(u64, u128)> {
    let max = load::max_file_bytes();
    let meta = fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > max {
        return None;
    }
    let mut file = fs::File::open(path).ok()?;
    let mut hasher = Xxh3::new();
    let mut len = 0u64;
    loop {
        match file.read(buffer) {
            Ok(0) => break,
            Ok(n) => {
                hasher.update(buffer.get(..n)?);
                len += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
        if len > max {
            return None;
        }
    }
    Some((len, hasher.digest128()))
}

/// Builds a key from the input files, one at a time.
struct KeyBuilder {
    hasher: Xxh3,
    bytes: u64,
    /// False when something the key must cover is not known (the executable's identity).
    sound: bool,
}

impl KeyBuilder {
    fn new() -> Self {
        let mut hasher = Xxh3::new();
        hasher.update(MAGIC);
        hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
        hasher.update(&[0]);
        hasher.update(&load::FORMAT_VERSION.to_le_bytes());
        let build = build_identity();
        if let Some(build) = &build {
            hasher.update(build);
        }
        KeyBuilder {
            hasher,
            bytes: 0,
            sound: build.is_some(),
        }
    }

    fn add(&mut self, name: &str, bytes: &[u8]) {
        self.add_hashed(name, bytes.len() as u64, xxh3_128(bytes));
    }

    /// A file by its name, its length and the xxh3-128 of its bytes.
    fn add_hashed(&mut self, name: &str, len: u64, hash: u128) {
        // Lengths first, so that no two different lists of files hash the same stream.
        self.hasher.update(&(name.len() as u64).to_le_bytes());
        self.hasher.update(name.as_bytes());
        self.hasher.update(&len.to_le_bytes());
        self.hasher.update(&hash.to_le_bytes());
        self.bytes += len;
    }

    /// The key and the number of input bytes it covers.
    fn finish(&self) -> Option<(u128, u64)> {
        self.sound.then(|| (self.hasher.digest128(), self.bytes))
    }
}

/// The running executable's path, size and modification time: what tells one build from
/// another without reading the binary (a debug build is over 100 MB).
fn build_identity() -> Option<Vec<u8>> {
    let exe = std::env::current_exe().ok()?;
    let meta = fs::metadata(&exe).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()?;
    let mut id = exe.as_os_str().as_encoded_bytes().to_vec();
    id.push(0);
    id.extend_from_slice(&meta.len().to_le_bytes());
    id.extend_from_slice(&modified.as_nanos().to_le_bytes());
    Some(id)
}

/// The largest entry the inputs' `input_bytes` can make: the stored data is smaller than
/// the YAML it was parsed from, so anything much larger is not medtrio's.
fn max_entry_bytes(input_bytes: u64) -> u64 {
    input_bytes
        .saturating_mul(16)
        .saturating_add(16 * 1024 * 1024)
}

/// The start of the name of a temporary file the cache writes: the clean-up removes only
/// files named so whose first bytes are an entry's (or that are empty).
const TEMP_PREFIX: &str = ".medtrio-cache-tmp-";

fn entry_path(cache_dir: &Path, key: u128) -> PathBuf {
    cache_dir.join(format!("{key:032x}{SUFFIX}"))
}

/// The entry in `path` if every check passes; `None` for anything missing, short, foreign or
/// damaged.
fn read_entry(path: &Path, key: u128, input_bytes: u64) -> Option<Entry> {
    // A FIFO would block the open, a device never end: only a regular file is opened, and
    // only one of a size the inputs can make (a sparse file may claim a terabyte).
    let meta = fs::symlink_metadata(path).ok()?;
    if !meta.is_file() || meta.len() > max_entry_bytes(input_bytes) {
        return None;
    }
    let mut file = fs::File::open(path).ok()?;
    let mut header = [0u8; HEADER_LEN];
    file.read_exact(&mut header).ok()?;
    let field = |at: usize, len: usize| header.get(at..at + len);
    if field(0, 16)? != MAGIC || field(16, 16)? != key.to_le_bytes() {
        return None;
    }
    let len = u64::from_le_bytes(field(32, 8)?.try_into().ok()?);
    let sum = u64::from_le_bytes(field(40, 8)?.try_into().ok()?);
    // A damaged length must not make a huge allocation: the file says how much there is.
    let on_disk = file.metadata().ok()?.len();
    if on_disk != (HEADER_LEN as u64).checked_add(len)? || len > max_entry_bytes(input_bytes) {
        return None;
    }
    // Read in chunks, each checksummed while it is in the processor's cache, and copied into
    // the aligned buffer that rkyv reads (a buffer filled by `read` directly would be zeroed
    // first: one more pass over every byte).
    let mut payload = AlignedVec::<16>::with_capacity(usize::try_from(len).ok()?);
    let mut checksum = Xxh3::new();
    let mut chunk = vec![0u8; 256 * 1024];
    loop {
        let n = match file.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return None,
        };
        let read = chunk.get(..n)?;
        checksum.update(read);
        payload.extend_from_slice(read);
    }
    if payload.len() as u64 != len || checksum.digest() != sum {
        return None;
    }
    let entry = rkyv::from_bytes::<Entry, rancor::Error>(&payload).ok()?;
    USED.fetch_add(1, Ordering::Relaxed);
    // Used: keep it among the last few. A read-only folder keeps the old time.
    let _ = file.set_modified(SystemTime::now());
    Some(entry)
}

/// Stores the checked data under `key`, silently giving up on any failure, and hands it back
/// with the warnings of the day (`of_today`, the last of its warnings) left out of the entry.
fn store(cache_dir: &Path, key: u128, checked: Checked, of_today: usize) -> Checked {
    let Checked {
        loaded,
        mut warnings,
    } = checked;
    let Loaded {
        dataset,
        sources,
        provenance,
        ancestry,
    } = loaded;
    let today = warnings.split_off(warnings.len().saturating_sub(of_today));
    let entry = Entry {
        dataset,
        provenance,
        warnings,
    };
    if write_entry(cache_dir, key, &entry).is_ok() {
        USED.fetch_add(1, Ordering::Relaxed);
    }
    prune(cache_dir);
    let Entry {
        dataset,
        provenance,
        mut warnings,
    } = entry;
    warnings.extend(today);
    Checked {
        loaded: Loaded {
            dataset,
            sources,
            provenance,
            ancestry,
        },
        warnings,
    }
}

fn write_entry(cache_dir: &Path, key: u128, entry: &Entry) -> io::Result<()> {
    let payload = rkyv::to_bytes::<rancor::Error>(entry).map_err(io::Error::other)?;
    let mut header = [0u8; HEADER_LEN];
    header[0..16].copy_from_slice(MAGIC);
    header[16..32].copy_from_slice(&key.to_le_bytes());
    header[32..40].copy_from_slice(&(payload.len() as u64).to_le_bytes());
    header[40..48].copy_from_slice(&xxh3_64(&payload).to_le_bytes());
    fs::create_dir_all(cache_dir)?;
    // A temporary file beside the entry, renamed over it: a reader sees the old file or the
    // new one, never half of one, and of two writers the last rename wins with a whole file.
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(cache_dir)?;
    temp.write_all(&header)?;
    temp.write_all(&payload)?;
    temp.persist(entry_path(cache_dir, key))
        .map_err(|e| e.error)?;
    Ok(())
}

/// Removes all but the [`KEEP`] most recently used entries, and temporary files left by a
/// writer that died. Errors are ignored: another process may be pruning too.
fn prune(cache_dir: &Path) {
    let Ok(listing) = fs::read_dir(cache_dir) else {
        return;
    };
    let now = SystemTime::now();
    let mut entries = Vec::new();
    for item in listing.flatten() {
        let name = item.file_name();
        let name = name.to_string_lossy();
        // `DirEntry::metadata` does not follow links: a link is never one of ours.
        let Some((meta, modified)) = item
            .metadata()
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|m| m.modified().ok().map(|t| (m, t)))
        else {
            continue;
        };
        if is_entry_name(&name) {
            entries.push((modified, item.path()));
        } else if name.starts_with(TEMP_PREFIX)
            && now.duration_since(modified).unwrap_or_default() > STALE_TEMP
            && (meta.len() == 0 || starts_with_magic(&item.path()))
        {
            let _ = fs::remove_file(item.path());
        }
    }
    entries.sort_by_key(|e| std::cmp::Reverse(e.0));
    // A tree's folders are each an entry: the ones this run used stay, however many.
    let keep = KEEP.max(USED.load(Ordering::Relaxed));
    for (_, path) in entries.into_iter().skip(keep) {
        let _ = fs::remove_file(path);
    }
}

/// Whether `name` is an entry's: 32 hexadecimal digits and the suffix, as [`entry_path`]
/// names them.
fn is_entry_name(name: &str) -> bool {
    name.strip_suffix(SUFFIX)
        .is_some_and(|key| key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whether the file at `path` begins as medtrio's entries do.
fn starts_with_magic(path: &Path) -> bool {
    let mut start = [0u8; MAGIC.len()];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut start))
        .is_ok_and(|()| &start == MAGIC)
}

// --- When and ClockTime ------------------------------------------------------------------------
// They hold chrono values, which rkyv does not know: they are stored as plain numbers and
// checked on the way back (a day that does not exist is a damaged entry, not a panic).

/// A [`Period`]: `kind` 0 a day (`value` its number from the common era), 1 a month and 2 a
/// quarter (`value` the year, `number` the month or quarter).
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct PeriodCode {
    kind: u8,
    value: i32,
    number: u8,
}

/// A [`When`]: `kind` 0 unknown, 1 at `first`, 2 from `first` to `last`.
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct WhenCode {
    kind: u8,
    first: PeriodCode,
    last: PeriodCode,
}

#[derive(Debug, thiserror::Error)]
#[error("the cache holds a date or time that cannot be")]
struct ImpossibleValue;

impl From<Period> for PeriodCode {
    fn from(period: Period) -> Self {
        use chrono::Datelike;
        match period {
            Period::Day(day) => PeriodCode {
                kind: 0,
                value: day.num_days_from_ce(),
                number: 0,
            },
            Period::Month(m) => PeriodCode {
                kind: 1,
                value: m.year,
                number: m.number,
            },
            Period::Quarter(q) => PeriodCode {
                kind: 2,
                value: q.year,
                number: q.number,
            },
        }
    }
}

impl ArchivedPeriodCode {
    fn period(&self) -> Option<Period> {
        let value = self.value.to_native();
        let number = self.number;
        match self.kind {
            0 => NaiveDate::from_num_days_from_ce_opt(value).map(Period::Day),
            1 if (1..=12).contains(&number) && NaiveDate::from_ymd_opt(value, 1, 1).is_some() => {
                Some(Period::Month(Month {
                    year: value,
                    number,
                }))
            }
            2 if (1..=4).contains(&number) && NaiveDate::from_ymd_opt(value, 1, 1).is_some() => {
                Some(Period::Quarter(Quarter {
                    year: value,
                    number,
                }))
            }
            _ => None,
        }
    }
}

impl From<When> for WhenCode {
    fn from(when: When) -> Self {
        let none = || PeriodCode {
            kind: 0,
            value: 0,
            number: 0,
        };
        match when {
            When::Unknown => WhenCode {
                kind: 0,
                first: none(),
                last: none(),
            },
            When::At(p) => WhenCode {
                kind: 1,
                first: p.into(),
                last: none(),
            },
            When::Span(a, b) => WhenCode {
                kind: 2,
                first: a.into(),
                last: b.into(),
            },
        }
    }
}

impl ArchivedWhenCode {
    fn when(&self) -> Option<When> {
        match self.kind {
            0 => Some(When::Unknown),
            1 => self.first.period().map(When::At),
            2 => Some(When::Span(self.first.period()?, self.last.period()?)),
            _ => None,
        }
    }
}

impl rkyv::Archive for When {
    type Archived = ArchivedWhenCode;
    type Resolver = WhenCodeResolver;

    fn resolve(&self, resolver: Self::Resolver, out: rkyv::Place<Self::Archived>) {
        WhenCode::from(*self).resolve(resolver, out);
    }
}

impl<S: Fallible + ?Sized> rkyv::Serialize<S> for When {
    fn serialize(&self, serializer: &mut S) -> Result<Self::Resolver, S::Error> {
        rkyv::Serialize::serialize(&WhenCode::from(*self), serializer)
    }
}

impl<D: Fallible + ?Sized> rkyv::Deserialize<When, D> for ArchivedWhenCode
where
    D::Error: Source,
{
    fn deserialize(&self, _: &mut D) -> Result<When, D::Error> {
        self.when().ok_or_else(|| D::Error::new(ImpossibleValue))
    }
}

/// A [`ClockTime`]: seconds since midnight.
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct ClockCode {
    seconds: u32,
}

impl rkyv::Archive for ClockTime {
    type Archived = ArchivedClockCode;
    type Resolver = ClockCodeResolver;

    fn resolve(&self, resolver: Self::Resolver, out: rkyv::Place<Self::Archived>) {
        let seconds = self.0.num_seconds_from_midnight();
        ClockCode { seconds }.resolve(resolver, out);
    }
}

impl<S: Fallible + ?Sized> rkyv::Serialize<S> for ClockTime {
    fn serialize(&self, serializer: &mut S) -> Result<Self::Resolver, S::Error> {
        let seconds = self.0.num_seconds_from_midnight();
        rkyv::Serialize::serialize(&ClockCode { seconds }, serializer)
    }
}

impl<D: Fallible + ?Sized> rkyv::Deserialize<ClockTime, D> for ArchivedClockCode
where
    D::Error: Source,
{
    fn deserialize(&self, _: &mut D) -> Result<ClockTime, D::Error> {
        NaiveTime::from_num_seconds_from_midnight_opt(self.seconds.to_native(), 0)
            .map(ClockTime)
            .ok_or_else(|| D::Error::new(ImpossibleValue))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_come_back_as_they_went_in() {
        let day = |s: &str| s.parse::<Period>().unwrap_or(Period::Day(NaiveDate::MIN));
        for when in [
            When::Unknown,
            When::At(day("2026-03-03")),
            When::At(day("2025-11")),
            When::At(day("2026-Q1")),
            When::Span(day("2026-Q3"), day("2027-01-31")),
        ] {
            let bytes = rkyv::to_bytes::<rancor::Error>(&when).ok();
            let back = bytes
                .as_ref()
                .and_then(|b| rkyv::from_bytes::<When, rancor::Error>(b).ok());
            assert_eq!(back, Some(when));
        }
        let time = ClockTime(NaiveTime::from_hms_opt(13, 45, 0).unwrap_or(NaiveTime::MIN));
        let bytes = rkyv::to_bytes::<rancor::Error>(&time).ok();
        let back = bytes
            .as_ref()
            .and_then(|b| rkyv::from_bytes::<ClockTime, rancor::Error>(b).ok());
        assert_eq!(back, Some(time));
    }

    #[test]
    fn an_impossible_date_is_a_damaged_entry_not_a_panic() {
        let code = WhenCode {
            kind: 1,
            first: PeriodCode {
                kind: 2,
                value: 2026,
                number: 0,
            },
            last: PeriodCode {
                kind: 0,
                value: 0,
                number: 0,
            },
        };
        let bytes = rkyv::to_bytes::<rancor::Error>(&code).ok();
        let back = bytes
            .as_ref()
            .map(|b| rkyv::from_bytes::<When, rancor::Error>(b).is_err());
        assert_eq!(back, Some(true));
    }

    #[test]
    fn positions_survive_the_cache() {
        let located = crate::model::Located {
            value: String::from("lmu-april"),
            pos: crate::model::Pos {
                line: 14,
                column: 5,
            },
        };
        let bytes = rkyv::to_bytes::<rancor::Error>(&located).ok();
        let back = bytes
            .as_ref()
            .and_then(|b| rkyv::from_bytes::<crate::model::Located<String>, rancor::Error>(b).ok());
        assert_eq!(
            back.map(|l| (l.value, l.pos)),
            Some((located.value, located.pos))
        );
    }

    /// The entry reader on mutated entries (see `crate::mutate`): never a panic, never a huge
    /// allocation, and a damaged entry is a miss. Half the runs fix the checksum after
    /// mutating the payload, so that rkyv's checks are reached, not only the header's.
    #[test]
    fn the_entry_reader_survives_mutated_entries() {
        use crate::mutate::{Rng, mutate, runs};
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        let inputs = Inputs::of(&load::DataSource::Dir(dir)).unwrap();
        let loaded = load::load_inputs(&inputs, &mut |_, _| {}).unwrap();
        let entry = Entry {
            dataset: loaded.dataset,
            provenance: loaded.provenance,
            warnings: Vec::new(),
        };
        let cache = tempfile::tempdir().unwrap();
        let key = 0x0123_4567_89ab_cdef_u128;
        write_entry(cache.path(), key, &entry).unwrap();
        let path = entry_path(cache.path(), key);
        let seed = fs::read(&path).unwrap();
        let input_bytes = 4096;
        assert!(read_entry(&path, key, input_bytes).is_some());
        let mut rng = Rng::new(crate::mutate::seed(0xcac4_e0e7));
        let (mut hits, mut misses) = (0, 0);
        for _ in 0..runs(2_000) {
            let mut bytes = mutate(&seed, &mut rng);
            if rng.below(2) == 0 && bytes.len() >= HEADER_LEN {
                let mut payload = mutate(&seed[HEADER_LEN..], &mut rng);
                payload.truncate(payload.len() & !0xf);
                bytes.truncate(HEADER_LEN);
                bytes[..HEADER_LEN].copy_from_slice(&seed[..HEADER_LEN]);
                bytes[32..40].copy_from_slice(&(payload.len() as u64).to_le_bytes());
                bytes[40..48].copy_from_slice(&xxh3_64(&payload).to_le_bytes());
                bytes.extend_from_slice(&payload);
            }
            fs::write(&path, &bytes).unwrap();
            match read_entry(&path, key, input_bytes) {
                Some(_) => hits += 1,
                None => misses += 1,
            }
        }
        assert!(misses > 0, "{hits} hits, {misses} misses");
    }
}
