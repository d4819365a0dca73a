//! The same complete CV as a PDF, two ways, timed in one run:
//! - in the portal: typst in-process (`cv::pdf::render`, the Europass template);
//! - as HTML (the live preview, with the portal's stylesheet) printed by
//!   `chromium --headless --print-to-pdf`, a fresh browser per document as a
//!   server without a warm browser pool would do.
//!
//! Prints both medians and their ratio. Target: typst p50 ≤ 50 ms and at
//! least 20 times faster than Chromium. Run with `scripts/bench-cv.sh`,
//! which builds the stylesheet first (figures in BENCHMARKS.md).

use app::cv::domain::{CvLanguage, Template};
use app::cv::layout::build;
use app::cv::pages::CvPreview;
use app::cv::pdf::render;
use app::cv::sample::complete;
use leptos::prelude::*;
use std::time::{Duration, Instant};

const TYPST_RUNS: usize = 60;
const CHROMIUM_RUNS: usize = 12;

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn percentile(mut times: Vec<Duration>, p: f64) -> f64 {
    times.sort();
    let i = ((times.len() as f64 - 1.0) * p).round() as usize;
    times[i].as_secs_f64() * 1000.0
}

/// The portal's built stylesheet (`target/site/pkg/*.css`).
fn stylesheet() -> String {
    let dir = std::env::var("SITE_PKG").unwrap_or_else(|_| "target/site/pkg".into());
    let css = std::fs::read_dir(&dir)
        .unwrap_or_else(|_| {
            panic!("{dir} missing: build the site first (scripts/bench-cv.sh does)")
        })
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "css"))
        .expect("a stylesheet in the site's pkg folder");
    std::fs::read_to_string(css).unwrap()
}

fn main() {
    let layout = build(&complete(), CvLanguage::It, "La Spezia");

    for _ in 0..5 {
        render(&layout, Template::Europass, None).unwrap();
    }
    // Cold: typst's memo cache emptied before each render, as for a CV the
    // server has never seen (the fonts stay loaded, as in the running portal).
    let mut typst = Vec::with_capacity(TYPST_RUNS);
    for _ in 0..TYPST_RUNS {
        comemo::evict(0);
        let started = Instant::now();
        let pdf = render(&layout, Template::Europass, None).unwrap();
        typst.push(started.elapsed());
        assert!(pdf.starts_with(b"%PDF-"));
    }
    // Warm: the same CV again (a second download), memo cache kept.
    let mut again = Vec::with_capacity(TYPST_RUNS);
    for _ in 0..TYPST_RUNS {
        let started = Instant::now();
        render(&layout, Template::Europass, None).unwrap();
        again.push(started.elapsed());
    }

    let owner = Owner::new();
    let body = owner.with(|| {
        let layout = layout.clone();
        view! { <CvPreview layout=Signal::stored(layout) photo=Signal::stored(None) label="CV"/> }
            .to_html()
    });
    let page = format!(
        "<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>CV</title><style>{}</style></head><body>{body}</body></html>",
        stylesheet()
    );
    let dir = std::env::temp_dir().join(format!("cv-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join("cv.html");
    std::fs::write(&html, page).unwrap();
    let chromium = std::env::var("CHROMIUM_PATH").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let mut browser = Vec::with_capacity(CHROMIUM_RUNS);
    for run in 0..CHROMIUM_RUNS + 1 {
        let out = dir.join(format!("cv-{run}.pdf"));
        let started = Instant::now();
        let status = std::process::Command::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", dir.join("profile").display()))
            .arg(format!("--print-to-pdf={}", out.display()))
            .arg(format!("file://{}", html.display()))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .expect("chromium");
        let elapsed = started.elapsed();
        assert!(status.success() && out.exists(), "chromium printed no PDF");
        // The first start fills the profile folder: not counted.
        if run > 0 {
            browser.push(elapsed);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);

    let (typst_p50, typst_p90) = (median(typst.clone()), percentile(typst, 0.9));
    let chromium_p50 = median(browser);
    println!("typst in-process      p50 {typst_p50:7.1} ms   p90 {typst_p90:7.1} ms   ({TYPST_RUNS} runs, cold memo cache)");
    println!(
        "typst, same CV again  p50 {:7.1} ms   ({TYPST_RUNS} runs, warm memo cache)",
        median(again)
    );
    println!("chromium print-to-pdf p50 {chromium_p50:7.1} ms   ({CHROMIUM_RUNS} runs)");
    println!(
        "ratio (chromium / typst, medians): {:.1}×",
        chromium_p50 / typst_p50
    );
    println!(
        "targets: typst p50 ≤ 50 ms {}, ≥ 20× faster {}",
        if typst_p50 <= 50.0 { "met" } else { "MISSED" },
        if chromium_p50 / typst_p50 >= 20.0 {
            "met"
        } else {
            "MISSED"
        }
    );
}
