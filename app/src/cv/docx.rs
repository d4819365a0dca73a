//! The CV as a Word document (DOCX), from the same layout as the PDF: real
//! heading styles (so screen readers and the navigation pane see the
//! structure), the language grid as a table, the photo when there is one.

use super::layout::{Block, CvLayout};
use super::letter::paper::LetterLayout;
use docx_rs::{
    AlignmentType, Docx, Paragraph, Pic, Run, RunFonts, Style, StyleType, Table, TableCell,
    TableRow,
};

const BLUE: &str = "0E4194";
const GREY: &str = "4A4A4A";
/// Half-points, as Word counts font sizes.
const BODY: usize = 21;

#[derive(Debug, thiserror::Error)]
#[error("the DOCX could not be written: {0}")]
pub struct DocxError(String);

fn text(value: &str) -> Run {
    Run::new().add_text(value).size(BODY)
}

fn styles(docx: Docx) -> Docx {
    docx.add_style(
        Style::new("Heading1", StyleType::Paragraph)
            .name("Heading 1")
            .size(44)
            .bold()
            .color(BLUE),
    )
    .add_style(
        Style::new("Heading2", StyleType::Paragraph)
            .name("Heading 2")
            .size(26)
            .bold()
            .color(BLUE),
    )
}

pub fn render(layout: &CvLayout, photo: Option<(Vec<u8>, u32, u32)>) -> Result<Vec<u8>, DocxError> {
    let mut docx =
        styles(Docx::new().default_fonts(RunFonts::new().ascii("Open Sans").hi_ansi("Open Sans")));
    if let Some((jpeg, width, height)) = photo {
        // 3 cm wide, in English Metric Units (360 000 per cm).
        let w = 3 * 360_000;
        let h =
            u32::try_from(u64::from(w) * u64::from(height) / u64::from(width.max(1))).unwrap_or(w);
        docx = docx.add_paragraph(Paragraph::new().add_run(
            Run::new().add_image(Pic::new_with_dimensions(jpeg, width, height).size(w, h)),
        ));
    }
    docx = docx.add_paragraph(
        Paragraph::new()
            .style("Heading1")
            .add_run(Run::new().add_text(&layout.name)),
    );
    if !layout.headline.is_empty() {
        docx = docx.add_paragraph(Paragraph::new().add_run(text(&layout.headline).bold().size(26)));
    }
    for c in &layout.contacts {
        docx = docx.add_paragraph(
            Paragraph::new()
                .add_run(text(&format!("{}: ", c.label)).color(GREY))
                .add_run(text(&c.value)),
        );
    }
    for section in &layout.sections {
        docx = docx.add_paragraph(
            Paragraph::new()
                .style("Heading2")
                .add_run(Run::new().add_text(section.title.to_uppercase())),
        );
        for block in &section.blocks {
            docx = match block {
                Block::Text { paragraphs } => paragraphs.iter().fold(docx, |d, p| {
                    d.add_paragraph(Paragraph::new().add_run(text(p)))
                }),
                Block::Pairs { pairs } => pairs.iter().fold(docx, |d, p| {
                    d.add_paragraph(
                        Paragraph::new()
                            .add_run(text(&format!("{}: ", p.label)).color(GREY))
                            .add_run(text(&p.value)),
                    )
                }),
                Block::Entries { entries } => entries.iter().fold(docx, |mut d, e| {
                    if !e.when.is_empty() {
                        d = d.add_paragraph(
                            Paragraph::new().add_run(text(&e.when).size(18).color(GREY)),
                        );
                    }
                    if !e.title.is_empty() {
                        d = d.add_paragraph(Paragraph::new().add_run(text(&e.title).bold()));
                    }
                    if !e.subtitle.is_empty() {
                        d = d.add_paragraph(Paragraph::new().add_run(text(&e.subtitle).italic()));
                    }
                    e.lines.iter().fold(d, |d, line| {
                        d.add_paragraph(
                            Paragraph::new()
                                .indent(Some(360), None, None, None)
                                .add_run(text(&format!("• {line}"))),
                        )
                    })
                }),
                Block::Grid { headers, rows } => {
                    let cell = |value: &str, bold: bool| {
                        let run = if bold {
                            text(value).bold()
                        } else {
                            text(value)
                        };
                        TableCell::new().add_paragraph(
                            Paragraph::new().align(AlignmentType::Center).add_run(run),
                        )
                    };
                    let mut table_rows = vec![TableRow::new(
                        headers.iter().map(|h| cell(h, true)).collect(),
                    )];
                    table_rows.extend(
                        rows.iter()
                            .map(|r| TableRow::new(r.iter().map(|v| cell(v, false)).collect())),
                    );
                    docx.add_table(Table::new(table_rows))
                }
            };
        }
    }
    docx = docx.add_paragraph(Paragraph::new().add_run(text(&layout.privacy).size(16)));
    pack(docx)
}

fn pack(docx: Docx) -> Result<Vec<u8>, DocxError> {
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .map_err(|e| DocxError(e.to_string()))?;
    Ok(out.into_inner())
}

/// A cover letter as a Word document, laid out as its PDF: the sender, the
/// recipient and the date on the right, the subject in bold, the paragraphs.
pub fn render_letter(letter: &LetterLayout) -> Result<Vec<u8>, DocxError> {
    let letter_text = |value: &str| Run::new().add_text(value).size(22);
    let mut docx =
        Docx::new().default_fonts(RunFonts::new().ascii("Open Sans").hi_ansi("Open Sans"));
    for (i, line) in letter.sender.iter().enumerate() {
        let run = if i == 0 {
            letter_text(line).bold().color(BLUE).size(26)
        } else {
            letter_text(line).color(GREY)
        };
        docx = docx.add_paragraph(Paragraph::new().add_run(run));
    }
    docx = docx.add_paragraph(Paragraph::new());
    for line in &letter.recipient {
        docx = docx.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Right)
                .add_run(letter_text(line)),
        );
    }
    docx = docx.add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Right)
            .add_run(letter_text(&letter.dateline)),
    );
    if !letter.subject.is_empty() {
        docx =
            docx.add_paragraph(Paragraph::new().add_run(
                letter_text(&format!("{}: {}", letter.subject_label, letter.subject)).bold(),
            ));
    }
    for p in &letter.paragraphs {
        docx = docx.add_paragraph(Paragraph::new().add_run(letter_text(p)));
    }
    docx = docx.add_paragraph(Paragraph::new());
    for line in &letter.closing {
        docx = docx.add_paragraph(Paragraph::new().add_run(letter_text(line)));
    }
    pack(docx)
}
