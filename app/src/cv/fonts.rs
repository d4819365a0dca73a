//! The fonts the CV's PDF is typeset with: Open Sans (built into the binary)
//! for Latin, Greek and Cyrillic, then Noto for the other scripts people in
//! the province write: Arabic and Urdu, Chinese, Devanagari, Bengali,
//! Ethiopic. The Noto files come from Debian's `fonts-noto-core` and
//! `fonts-noto-cjk` (installed by `scripts/setup.sh`), found in the folders
//! of the `PDF_FONT_DIRS` setting.
//!
//! What each font covers is read once, on the first PDF; a font's file is
//! read only when a document uses it (the Chinese ones weigh 20 MB each).
//! Missing files only narrow what can be drawn: `unsupported` says which
//! character of a text no font has, so the person is told before typst is.

use std::path::{Path, PathBuf};
use std::sync::{LazyLock, OnceLock};
use typst::foundations::Bytes;
use typst::text::{is_default_ignorable, Font, FontBook, FontInfo};
use typst::utils::LazyHash;

const EMBEDDED: [&[u8]; 4] = [
    include_bytes!("../../fonts/OpenSans-Regular.ttf"),
    include_bytes!("../../fonts/OpenSans-Semibold.ttf"),
    include_bytes!("../../fonts/OpenSans-Bold.ttf"),
    include_bytes!("../../fonts/OpenSans-Italic.ttf"),
];

/// The Noto files looked for, each script in regular and bold. Noto Sans
/// covers what Open Sans lacks of Latin (Vietnamese, African letters) and
/// the combining marks; Noto Sans Arabic also writes Urdu and Persian. The
/// Chinese collections hold the simplified and traditional faces.
const FALLBACK_FILES: [&str; 15] = [
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSans-Italic.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
    "NotoSansDevanagari-Regular.ttf",
    "NotoSansDevanagari-Bold.ttf",
    "NotoSansBengali-Regular.ttf",
    "NotoSansBengali-Bold.ttf",
    "NotoSansEthiopic-Regular.ttf",
    "NotoSansEthiopic-Bold.ttf",
    "NotoSansCJK-Regular.ttc",
    "NotoSansCJK-Bold.ttc",
    "NotoSansHebrew-Regular.ttf",
    "NotoSansHebrew-Bold.ttf",
];

/// The font list of the templates, in the order typst tries them.
pub const FAMILIES: [&str; 8] = [
    "Open Sans",
    "Noto Sans",
    "Noto Sans Arabic",
    "Noto Sans Devanagari",
    "Noto Sans Bengali",
    "Noto Sans Ethiopic",
    "Noto Sans CJK SC",
    "Noto Sans Hebrew",
];

/// Where Debian puts the Noto fonts.
pub const DEFAULT_DIRS: [&str; 2] = [
    "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/opentype/noto",
];

static DIRS: OnceLock<Vec<PathBuf>> = OnceLock::new();

/// Sets the folders searched for the Noto files (the `PDF_FONT_DIRS`
/// setting) at start-up, and reads what the fonts cover on a thread of its
/// own (half a second for the Chinese collections), so that neither the
/// start nor the first PDF waits for it.
pub fn use_dirs(dirs: Vec<PathBuf>) {
    // A second call (tests building several states) keeps the first.
    if DIRS.set(dirs).is_ok() {
        std::thread::spawn(|| LazyLock::force(&FONTS));
    }
}

enum Source {
    Embedded(&'static [u8]),
    File(PathBuf),
}

struct Slot {
    source: Source,
    index: u32,
    font: OnceLock<Option<Font>>,
}

impl Slot {
    fn load(&self) -> Option<Font> {
        self.font
            .get_or_init(|| {
                let bytes = match &self.source {
                    Source::Embedded(bytes) => Bytes::new(*bytes),
                    Source::File(path) => match std::fs::read(path) {
                        Ok(bytes) => Bytes::new(bytes),
                        Err(error) => {
                            tracing::error!(%error, path = %path.display(), "a PDF font could not be read");
                            return None;
                        }
                    },
                };
                Font::new(bytes, self.index)
            })
            .clone()
    }
}

pub struct Fonts {
    pub book: LazyHash<FontBook>,
    slots: Vec<Slot>,
}

impl Fonts {
    pub fn font(&self, index: usize) -> Option<Font> {
        self.slots.get(index).and_then(Slot::load)
    }

    /// The first character of `text` that no font can draw, leaving aside
    /// spaces and the invisible characters typst skips.
    pub fn unsupported(&self, text: &str) -> Option<char> {
        let invisible = |c: char| c.is_whitespace() || c.is_control() || is_default_ignorable(c);
        let drawn = |c: char| {
            (0..self.slots.len())
                .filter_map(|i| self.book.info(i))
                .any(|info| info.coverage.contains(c as u32))
        };
        text.chars().find(|&c| !invisible(c) && !drawn(c))
    }
}

pub static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let dirs: Vec<PathBuf> = DIRS
        .get()
        .cloned()
        .unwrap_or_else(|| DEFAULT_DIRS.iter().map(PathBuf::from).collect());
    let mut book = FontBook::new();
    let mut slots = Vec::new();
    let mut add = |bytes: &[u8], source: &dyn Fn() -> Source| {
        for (index, info) in faces(bytes) {
            book.push(info);
            slots.push(Slot {
                source: source(),
                index,
                font: OnceLock::new(),
            });
        }
    };
    for bytes in EMBEDDED {
        add(bytes, &|| Source::Embedded(bytes));
    }
    for path in FALLBACK_FILES.iter().filter_map(|name| find(&dirs, name)) {
        if let Ok(bytes) = std::fs::read(&path) {
            add(&bytes, &|| Source::File(path.clone()));
        }
    }
    tracing::info!(faces = slots.len(), "fonts for the PDF ready");
    Fonts {
        book: LazyHash::new(book),
        slots,
    }
});

/// Each face of a font file (a `.ttc` holds several) with its index.
fn faces(bytes: &[u8]) -> impl Iterator<Item = (u32, FontInfo)> + '_ {
    (0..64).map_while(move |index| FontInfo::new(bytes, index).map(|info| (index, info)))
}

fn find(dirs: &[PathBuf], name: &str) -> Option<PathBuf> {
    dirs.iter().map(|d| d.join(name)).find(|p| Path::is_file(p))
}
