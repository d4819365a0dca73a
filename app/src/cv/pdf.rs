//! The CV as a PDF, typeset in-process by typst: A4, one column, real text
//! in reading order with embedded fonts, tagged as PDF/UA-1.
//!
//! The templates (`templates/*.typ`) read the layout from a virtual file
//! `/cv.json`; the photo, when there is one, is `/photo.jpg`. Fonts (see
//! `fonts`) and the standard library are loaded once per process.
//!
//! Emoji are left out (the wizard says so beside the field); a character
//! no font draws is refused before typst sees it, so the person gets a
//! message naming it rather than a failed download.

use super::checks::without_pictographs;
use super::domain::Template;
use super::fonts::{FAMILIES, FONTS};
use super::layout::CvLayout;
use super::letter::paper::LetterLayout;
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

const COMMON: &str = include_str!("templates/common.typ");
const EUROPASS: &str = include_str!("templates/europass.typ");
const MODERNO: &str = include_str!("templates/moderno.typ");
const LETTERA: &str = include_str!("templates/lettera.typ");

/// A file of the virtual project. The paths are fixed: typst interns every
/// path it sees for the life of the process.
fn file_id(path: &str) -> FileId {
    let path = VirtualPath::new(path).expect("a valid fixed path");
    RootedPath::new(VirtualRoot::Project, path).intern()
}

struct Shared {
    library: LazyHash<Library>,
    common: Source,
    europass: Source,
    moderno: Source,
    lettera: Source,
    data: FileId,
    photo: FileId,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| Shared {
    library: LazyHash::new(Library::builder().build()),
    common: Source::new(file_id("/common.typ"), COMMON.to_string()),
    europass: Source::new(file_id("/europass.typ"), EUROPASS.to_string()),
    moderno: Source::new(file_id("/moderno.typ"), MODERNO.to_string()),
    lettera: Source::new(file_id("/lettera.typ"), LETTERA.to_string()),
    data: file_id("/cv.json"),
    photo: file_id("/photo.jpg"),
});

/// One document to typeset.
struct CvWorld {
    main: FileId,
    data: Bytes,
    photo: Option<Bytes>,
}

impl World for CvWorld {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        [
            &SHARED.common,
            &SHARED.europass,
            &SHARED.moderno,
            &SHARED.lettera,
        ]
        .into_iter()
        .find(|s| s.id() == id)
        .cloned()
        .ok_or(FileError::NotSource)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == SHARED.data {
            Ok(self.data.clone())
        } else if id == SHARED.photo {
            self.photo.clone().ok_or(FileError::AccessDenied)
        } else {
            self.source(id)
                .map(|s| Bytes::from_string(s.text().to_string()))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A character of the CV that no font has.
    #[error("no font draws {0:?}")]
    Undrawable(char),
    #[error("the CV could not be typeset: {0}")]
    Failed(String),
}

#[derive(serde::Serialize)]
struct Input<'a> {
    layout: &'a CvLayout,
    photo: bool,
    fonts: &'a [&'a str],
}

/// Every string of the input, emoji left out; the first character no font
/// draws refuses the whole.
fn printable(value: &mut serde_json::Value) -> Result<(), PdfError> {
    match value {
        serde_json::Value::String(text) => {
            if let std::borrow::Cow::Owned(kept) = without_pictographs(text) {
                *text = kept;
            }
            match FONTS.unsupported(text) {
                Some(c) => Err(PdfError::Undrawable(c)),
                None => Ok(()),
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().try_for_each(printable),
        serde_json::Value::Object(map) => map.values_mut().try_for_each(printable),
        _ => Ok(()),
    }
}

/// Typesets the layout with the template. CPU-bound (tens of milliseconds):
/// call it from `spawn_blocking`.
pub fn render(
    layout: &CvLayout,
    template: Template,
    photo_jpeg: Option<Vec<u8>>,
) -> Result<Vec<u8>, PdfError> {
    let input = Input {
        layout,
        photo: photo_jpeg.is_some(),
        fonts: &FAMILIES,
    };
    let main = match template {
        Template::Europass => SHARED.europass.id(),
        Template::Moderno => SHARED.moderno.id(),
    };
    compile(main, &input, photo_jpeg)
}

#[derive(serde::Serialize)]
struct LetterInput<'a> {
    letter: &'a LetterLayout,
    fonts: &'a [&'a str],
}

/// Typesets a cover letter, in the CV's fonts; CPU-bound like `render`.
pub fn render_letter(letter: &LetterLayout) -> Result<Vec<u8>, PdfError> {
    let input = LetterInput {
        letter,
        fonts: &FAMILIES,
    };
    compile(SHARED.lettera.id(), &input, None)
}

/// Typesets the template `main` reading `input` as `/cv.json`, as PDF/UA-1.
fn compile(
    main: FileId,
    input: &impl serde::Serialize,
    photo_jpeg: Option<Vec<u8>>,
) -> Result<Vec<u8>, PdfError> {
    let mut input = serde_json::to_value(input).map_err(|e| PdfError::Failed(e.to_string()))?;
    printable(&mut input)?;
    let data = serde_json::to_vec(&input).map_err(|e| PdfError::Failed(e.to_string()))?;
    let world = CvWorld {
        main,
        data: Bytes::new(data),
        photo: photo_jpeg.map(Bytes::new),
    };
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| PdfError::Failed(format!("{errors:?}")))?;
    let options = PdfOptions {
        standards: PdfStandards::new(&[PdfStandard::Ua_1])
            .map_err(|e| PdfError::Failed(format!("{e:?}")))?,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options)
        .map_err(|errors| PdfError::Failed(format!("{errors:?}")));
    // typst memoises what it computed; keep what the last few documents used
    // (the templates, the fonts) and drop the rest, so memory stays flat.
    typst::comemo::evict(10);
    pdf
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cv::domain::CvLanguage;
    use crate::cv::layout::build;
    use crate::cv::sample::complete;

    #[test]
    fn both_templates_typeset_the_complete_cv() {
        let layout = build(&complete(), CvLanguage::It, "La Spezia");
        for template in Template::ALL {
            let pdf = render(&layout, template, None).expect("typeset");
            assert!(pdf.starts_with(b"%PDF-"));
            if let Ok(dir) = std::env::var("CV_PDF_OUT") {
                std::fs::write(format!("{dir}/{}.pdf", template.code()), &pdf).unwrap();
            }
        }
    }
}

/// Tests that read the PDF back with poppler's `pdftotext` (Debian's
/// poppler-utils, installed by `scripts/setup.sh`).
#[cfg(test)]
mod text_tests {
    use super::*;
    use crate::cv::domain::CvLanguage;
    use crate::cv::layout::build;
    use crate::cv::sample::complete;
    use std::io::Write;

    fn pdftotext(pdf: &[u8]) -> String {
        pdftotext_with(pdf, &["-raw", "-enc", "UTF-8"])
    }

    fn pdftotext_with(pdf: &[u8], args: &[&str]) -> String {
        let mut file = tempfile();
        file.1.write_all(pdf).unwrap();
        let out = std::process::Command::new("pdftotext")
            .args(args)
            .arg(&file.0)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) must be installed");
        std::fs::remove_file(&file.0).ok();
        String::from_utf8(out.stdout).unwrap()
    }

    fn tempfile() -> (std::path::PathBuf, std::fs::File) {
        let path = std::env::temp_dir().join(format!(
            "cv-{}-{:?}.pdf",
            std::process::id(),
            std::thread::current().id()
        ));
        let file = std::fs::File::create(&path).unwrap();
        (path, file)
    }

    fn squash(text: &str) -> String {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }

    #[test]
    fn every_field_is_in_the_pdf_text_in_reading_order() {
        for language in [CvLanguage::It, CvLanguage::En] {
            let layout = build(&complete(), language, "La Spezia");
            for template in Template::ALL {
                let text = squash(&pdftotext(&render(&layout, template, None).unwrap()));
                let mut from = 0;
                for piece in layout.reading_order() {
                    let piece = squash(&piece);
                    let Some(at) = text[from..].find(&piece) else {
                        panic!("{template:?}/{language:?}: {piece:?} missing after byte {from} of {text:?}");
                    };
                    from += at + piece.len();
                }
            }
        }
    }

    /// A name and a job in each script people in the province write.
    const SCRIPTS: [(&str, &str, &str, &str); 13] = [
        ("Romanian", "Ștefan", "Țăranu", "Șofer de tir în București"),
        ("Albanian", "Ëndrit", "Çela", "Kuzhinier në Durrës"),
        ("Polish", "Łukasz", "Źdźbłowski", "Spawacz w Łodzi"),
        ("Turkish", "Güneş", "Şahin", "Aşçı yardımcısı İzmir"),
        ("Cyrillic", "Олена", "Шевченко", "Бухгалтер у Києві"),
        ("Greek", "Γιώργος", "Παπαδόπουλος", "Μάγειρας στην Αθήνα"),
        // Two combining marks stacked on one letter (ễ written as e + ̂ + ̃).
        (
            "Stacked",
            "Nguye\u{302}\u{303}n",
            "Thị Hương",
            "Thợ may ở Hội An",
        ),
        // No lam-alef ligature here: poppler reads its two letters back
        // reversed in right-to-left text, though the PDF maps it in order.
        ("Arabic", "محمد", "حسن", "عامل مستودع في الدار البيضاء"),
        ("Urdu", "عائشہ", "خان", "ڈرائیور کراچی میں"),
        ("Chinese", "王", "小明", "厨师助理，上海"),
        ("Hindi", "राजेश", "कुमार", "बिक्री सहायक, दिल्ली"),
        ("Bengali", "রহিম", "উদ্দিন", "রান্নার সহকারী, ঢাকা"),
        ("Ethiopic", "ሰላም", "ተስፋይ", "ናይ ኽሽነ ሰራሕተኛ ኣስመራ"),
    ];

    fn cv_in(first: &str, last: &str, role: &str) -> crate::cv::domain::CvDocument {
        let mut doc = complete();
        doc.personal.first_name = first.into();
        doc.personal.last_name = last.into();
        doc.experience[0].role = role.into();
        doc
    }

    /// pdftotext's words in its reading order (its layout analysis, which
    /// puts right-to-left lines in logical order), spaces squeezed, without
    /// the bidirectional marks it wraps them in.
    fn read_back(pdf: &[u8]) -> String {
        let text = pdftotext_with(pdf, &["-enc", "UTF-8"]);
        squash(&text.replace(
            ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}'],
            "",
        ))
    }

    fn compact(text: &str) -> String {
        text.split_whitespace().collect::<String>().to_lowercase()
    }

    #[test]
    fn every_script_reads_back_in_reading_order() {
        for (script, first, last, role) in SCRIPTS {
            let layout = build(&cv_in(first, last, role), CvLanguage::It, "La Spezia");
            for template in Template::ALL {
                let pdf = render(&layout, template, None)
                    .unwrap_or_else(|e| panic!("{script}/{template:?}: {e}"));
                if let Ok(dir) = std::env::var("CV_PDF_OUT") {
                    let name = format!("{dir}/{script}-{}.pdf", template.code());
                    std::fs::write(name, &pdf).unwrap();
                }
                // Without spaces: pdftotext splits Indic words where a vowel
                // sign has no width of its own.
                let text = compact(&read_back(&pdf));
                let name = text.find(&compact(&format!("{first} {last}")));
                let job = text.find(&compact(role));
                assert!(
                    matches!((name, job), (Some(n), Some(j)) if n < j),
                    "{script}/{template:?}: name {name:?}, job {job:?} in {text:?}"
                );
            }
        }
    }

    /// A cover letter reads back whole and in order, in Italian from the
    /// sample CV and with a name and a paragraph in other scripts.
    #[test]
    fn a_letter_reads_back_in_reading_order() {
        use crate::cv::letter::paper::layout;
        use crate::cv::letter::prefill::{prefill, OfferFacts};
        let offer = OfferFacts {
            id: 7,
            title: "Magazziniere".into(),
            organisation: "Logistica Spezzina".into(),
            comune: "Sarzana".into(),
        };
        let letter = prefill(&complete(), CvLanguage::It, "La Spezia", Some(&offer));
        let paper = layout(&letter, CvLanguage::It, 1_796_000_000);
        let text = squash(&pdftotext(&render_letter(&paper).unwrap()));
        let mut from = 0;
        for piece in paper.reading_order() {
            let piece = squash(&piece);
            let Some(at) = text[from..].find(&piece) else {
                panic!("{piece:?} missing after byte {from} of {text:?}");
            };
            from += at + piece.len();
        }
        for (script, first, last, role) in SCRIPTS {
            let mut letter = prefill(&cv_in(first, last, role), CvLanguage::It, "", None);
            letter.who_i_am = role.to_string();
            let pdf = render_letter(&layout(&letter, CvLanguage::It, 1_796_000_000))
                .unwrap_or_else(|e| panic!("{script}: {e}"));
            let text = compact(&read_back(&pdf));
            let name = text.find(&compact(&format!("{first} {last}")));
            let job = text.find(&compact(role));
            assert!(
                matches!((name, job), (Some(n), Some(j)) if n < j),
                "{script}: name {name:?}, paragraph {job:?} in {text:?}"
            );
        }
    }

    #[test]
    fn every_font_is_embedded_as_a_subset_and_the_file_stays_small() {
        let mut doc = complete();
        let names: Vec<String> = SCRIPTS
            .iter()
            .map(|(_, f, l, _)| format!("{f} {l}"))
            .collect();
        doc.profile = names.join("\n");
        let pdf = render(
            &build(&doc, CvLanguage::It, "La Spezia"),
            Template::Europass,
            None,
        )
        .unwrap();
        let path = tempfile();
        std::fs::write(&path.0, &pdf).unwrap();
        let out = std::process::Command::new("pdffonts")
            .arg(&path.0)
            .output()
            .expect("pdffonts (poppler-utils)");
        std::fs::remove_file(&path.0).ok();
        let listing = String::from_utf8(out.stdout).unwrap();
        let fonts: Vec<&str> = listing.lines().skip(2).collect();
        // Open Sans and Noto: Sans, Arabic, Devanagari, Bengali, Ethiopic, CJK.
        assert!(fonts.len() >= 7, "{listing}");
        for line in &fonts {
            let columns: Vec<&str> = line.split_whitespace().collect();
            // name type encoding emb sub uni object ID: emb and sub are "yes".
            let n = columns.len();
            assert_eq!(
                &columns[n - 5..n - 3],
                ["yes", "yes"],
                "not embedded as a subset: {line}"
            );
        }
        // Subsets: a page in twelve scripts weighs less than 400 KB (the
        // Chinese font alone is 20 MB).
        assert!(pdf.len() < 400_000, "{} bytes", pdf.len());
    }

    #[test]
    fn emoji_are_left_out_and_a_character_no_font_has_is_named() {
        let doc = cv_in("Anna 😀", "Neri 👩‍🔧", "Cuoca 🍝 e 👍🏽 pasticcera");
        let pdf = render(
            &build(&doc, CvLanguage::It, "La Spezia"),
            Template::Moderno,
            None,
        )
        .unwrap();
        let text = read_back(&pdf);
        assert!(text.contains("anna neri"), "{text}");
        assert!(text.contains("cuoca e pasticcera"), "{text}");
        let doc = cv_in("Anna", "Neri", "Scriba 𓀀");
        match render(
            &build(&doc, CvLanguage::It, "La Spezia"),
            Template::Europass,
            None,
        ) {
            Err(PdfError::Undrawable(c)) => assert_eq!(c, '𓀀'),
            other => panic!("{:?}", other.map(|p| p.len())),
        }
    }
}
