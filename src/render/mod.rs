//! Renderers: pure functions from [`crate::Article`] to text, Markdown and JSON.

pub mod json;
pub mod markdown;
pub mod text;
