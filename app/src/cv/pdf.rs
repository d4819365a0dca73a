//! The CV as a PDF, typeset in-process by typst: A4, one column, real text
//! in reading order with embedded fonts, tagged as PDF/UA-1.
//!
//! The templates (`templates/*.typ`) read the layout from a virtual file
//! `/cv.json`; the photo, when there is one, is `/photo.jpg`. Fonts and
//! the standard library are loaded once per process.

use super::domain::Template;
use super::layout::CvLayout;
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

const FONTS: [&[u8]; 4] = [
    include_bytes!("../../fonts/OpenSans-Regular.ttf"),
    include_bytes!("../../fonts/OpenSans-Semibold.ttf"),
    include_bytes!("../../fonts/OpenSans-Bold.ttf"),
    include_bytes!("../../fonts/OpenSans-Italic.ttf"),
];

const COMMON: &str = include_str!("templates/common.typ");
const EUROPASS: &str = include_str!("templates/europass.typ");
const MODERNO: &str = include_str!("templates/moderno.typ");

/// A file of the virtual project. The paths are fixed: typst interns every
/// path it sees for the life of the process.
fn file_id(path: &str) -> FileId {
    let path = VirtualPath::new(path).expect("a valid fixed path");
    RootedPath::new(VirtualRoot::Project, path).intern()
}

struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    common: Source,
    europass: Source,
    moderno: Source,
    data: FileId,
    photo: FileId,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONTS
        .iter()
        .flat_map(|bytes| Font::iter(Bytes::new(*bytes)))
        .collect();
    Shared {
        library: LazyHash::new(Library::builder().build()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        common: Source::new(file_id("/common.typ"), COMMON.to_string()),
        europass: Source::new(file_id("/europass.typ"), EUROPASS.to_string()),
        moderno: Source::new(file_id("/moderno.typ"), MODERNO.to_string()),
        data: file_id("/cv.json"),
        photo: file_id("/photo.jpg"),
    }
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
        &SHARED.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        [&SHARED.common, &SHARED.europass, &SHARED.moderno]
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
        SHARED.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

#[derive(Debug, thiserror::Error)]
#[error("the CV could not be typeset: {0}")]
pub struct PdfError(String);

#[derive(serde::Serialize)]
struct Input<'a> {
    layout: &'a CvLayout,
    photo: bool,
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
    };
    let data = serde_json::to_vec(&input).map_err(|e| PdfError(e.to_string()))?;
    let main = match template {
        Template::Europass => SHARED.europass.id(),
        Template::Moderno => SHARED.moderno.id(),
    };
    let world = CvWorld {
        main,
        data: Bytes::new(data),
        photo: photo_jpeg.map(Bytes::new),
    };
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| PdfError(format!("{errors:?}")))?;
    let options = PdfOptions {
        standards: PdfStandards::new(&[PdfStandard::Ua_1])
            .map_err(|e| PdfError(format!("{e:?}")))?,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| PdfError(format!("{errors:?}")));
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
        let mut file = tempfile();
        file.1.write_all(pdf).unwrap();
        let out = std::process::Command::new("pdftotext")
            .args(["-raw", "-enc", "UTF-8"])
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
}
