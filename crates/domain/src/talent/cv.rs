//! A candidate's CV: PDF only, at most [`MAX_CV_BYTES`]. Checked by content, not by the name
//! or type the browser claims, and never served inline (see the web layer).

/// 5 MiB: plenty for a CV, small enough to keep in the database.
pub const MAX_CV_BYTES: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CvProblem {
    #[error("the CV is empty")]
    Empty,
    #[error("the CV is larger than 5 MB")]
    TooLarge,
    #[error("the CV is not a PDF document")]
    NotPdf,
}

impl CvProblem {
    /// The message key suffix, like the field problems of forms.
    pub fn code(self) -> &'static str {
        match self {
            CvProblem::Empty => "empty",
            CvProblem::TooLarge => "too-large",
            CvProblem::NotPdf => "not-pdf",
        }
    }
}

/// A PDF starts with `%PDF-` and ends with `%%EOF` (perhaps followed by line breaks).
pub fn check(bytes: &[u8]) -> Result<(), CvProblem> {
    if bytes.is_empty() {
        return Err(CvProblem::Empty);
    }
    if bytes.len() > MAX_CV_BYTES {
        return Err(CvProblem::TooLarge);
    }
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let has_end = tail.windows(5).any(|w| w == b"%%EOF");
    if bytes.starts_with(b"%PDF-") && has_end {
        Ok(())
    } else {
        Err(CvProblem::NotPdf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_pdf_within_the_limit_is_accepted() {
        assert_eq!(
            check(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n"),
            Ok(())
        );
        assert_eq!(check(b""), Err(CvProblem::Empty));
        assert_eq!(check(b"PK\x03\x04 a word document"), Err(CvProblem::NotPdf));
        assert_eq!(
            check(b"<html>%PDF-1.4 %%EOF</html>"),
            Err(CvProblem::NotPdf)
        );
        assert_eq!(check(b"%PDF-1.4 but cut off"), Err(CvProblem::NotPdf));
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(MAX_CV_BYTES + 1, b' ');
        assert_eq!(check(&big), Err(CvProblem::TooLarge));
    }
}
