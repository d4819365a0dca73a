//! The CV photo: only JPEG or PNG up to 5 MB is taken; it is decoded,
//! turned upright, shrunk to at most 600 px and re-encoded as a fresh JPEG,
//! so nothing of the original file (EXIF, GPS position, other metadata)
//! is kept. CPU-bound: call it from `spawn_blocking`.

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use std::io::Cursor;

pub const MAX_BYTES: usize = 5 * 1024 * 1024;
const MAX_SIDE: u32 = 600;
/// A phone's photo has about 12 megapixels; 40 leave room. A few hundred
/// kilobytes can declare 140 (11,900 × 11,900) and take 500 MB to decode:
/// the header says so before anything is decoded.
pub const MAX_PIXELS: u64 = 40_000_000;

#[derive(Debug, PartialEq, Eq)]
pub enum PhotoError {
    TooLarge,
    NotAnImage,
    Unreadable,
    TooManyPixels,
}

impl PhotoError {
    /// The refusal of the photo, in words for the person choosing it.
    pub fn refusal(&self) -> crate::error::AppError {
        match self {
            Self::TooLarge => crate::invalid!("photo", photo_too_large),
            Self::NotAnImage => crate::invalid!("photo", photo_not_an_image),
            Self::Unreadable => crate::invalid!("photo", photo_unreadable),
            Self::TooManyPixels => crate::invalid!("photo", photo_too_many_pixels),
        }
    }
}

pub fn reencode(bytes: &[u8]) -> Result<Vec<u8>, PhotoError> {
    if bytes.len() > MAX_BYTES {
        return Err(PhotoError::TooLarge);
    }
    let format = match image::guess_format(bytes) {
        Ok(f @ (ImageFormat::Jpeg | ImageFormat::Png)) => f,
        _ => return Err(PhotoError::NotAnImage),
    };
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|_| PhotoError::Unreadable)?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoError::TooManyPixels);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    // A small file can still claim a huge canvas: refuse it before allocating.
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| PhotoError::Unreadable)?;
    let orientation = decoder.orientation().ok();
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|_| PhotoError::Unreadable)?;
    if let Some(orientation) = orientation {
        picture.apply_orientation(orientation);
    }
    let picture = if picture.width() > MAX_SIDE || picture.height() > MAX_SIDE {
        picture.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Triangle)
    } else {
        picture
    };
    let mut out = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
    DynamicImage::ImageRgb8(picture.to_rgb8())
        .write_with_encoder(encoder)
        .map_err(|_| PhotoError::Unreadable)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG that declares `width` × `height` pixels and holds no picture.
    fn png_header(width: u32, height: u32) -> Vec<u8> {
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend(width.to_be_bytes());
        ihdr.extend(height.to_be_bytes());
        ihdr.extend([8, 2, 0, 0, 0]);
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        out.extend(13u32.to_be_bytes());
        out.extend(&ihdr);
        out.extend(crc32fast::hash(&ihdr).to_be_bytes());
        // An empty first data chunk: the header ends there.
        out.extend(0u32.to_be_bytes());
        out.extend(b"IDAT");
        out.extend(crc32fast::hash(b"IDAT").to_be_bytes());
        out
    }

    #[test]
    fn a_picture_of_too_many_pixels_is_refused_before_decoding() {
        assert_eq!(
            reencode(&png_header(11_900, 11_900)),
            Err(PhotoError::TooManyPixels)
        );
        // Within the limit, the same header gets as far as decoding (and fails there).
        assert_eq!(
            reencode(&png_header(4_000, 3_000)),
            Err(PhotoError::Unreadable)
        );
    }

    fn jpeg_with_gps(width: u32, height: u32) -> Vec<u8> {
        let mut plain = Vec::new();
        let picture = image::RgbImage::from_pixel(width, height, image::Rgb([200, 120, 40]));
        image::codecs::jpeg::JpegEncoder::new(&mut plain)
            .encode_image(&picture)
            .unwrap();
        // An APP1 "Exif" segment right after SOI, carrying a GPS marker.
        let payload = b"Exif\0\0MM\0*\0\0\0\x08\0\0GPSLatitude 44.1025 9.8241";
        let mut out = plain[..2].to_vec();
        out.extend([0xFF, 0xE1]);
        out.extend(u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
        out.extend(payload);
        out.extend(&plain[2..]);
        out
    }

    #[test]
    fn a_jpeg_loses_its_metadata_and_is_shrunk() {
        let original = jpeg_with_gps(1200, 900);
        assert!(original.windows(11).any(|w| w == b"GPSLatitude"));
        let photo = reencode(&original).unwrap();
        assert!(!photo.windows(4).any(|w| w == b"Exif"));
        assert!(!photo.windows(11).any(|w| w == b"GPSLatitude"));
        let back = image::load_from_memory(&photo).unwrap();
        assert_eq!((back.width(), back.height()), (600, 450));
    }

    #[test]
    fn anything_but_jpeg_or_png_is_refused() {
        assert_eq!(reencode(b"GIF89a......"), Err(PhotoError::NotAnImage));
        assert_eq!(reencode(b"%PDF-1.7"), Err(PhotoError::NotAnImage));
        let mut broken = jpeg_with_gps(10, 10);
        broken.truncate(40);
        assert_eq!(reencode(&broken), Err(PhotoError::Unreadable));
        assert_eq!(
            reencode(&vec![0u8; MAX_BYTES + 1]),
            Err(PhotoError::TooLarge)
        );
    }
}
