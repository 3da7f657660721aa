//! gwkg: a time-anchored knowledge graph of Chinese government work reports.
//!
//! The modules follow the data flow: corpus → text → extraction → resolution → graph → outputs.
//! See ARCHITECTURE.md for the map.

/// `print!` to stdout that ends the process quietly when the reader has gone (`gwkg entities |
/// head`), as a Unix filter does, instead of panicking as `print!` would.
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::write_stdout(format_args!($($arg)*)) };
}
/// `println!` with the same behaviour as [`out!`].
macro_rules! outln {
    ($($arg:tt)*) => { $crate::cli::write_stdout(format_args!("{}\n", format_args!($($arg)*))) };
}

pub mod bench;
pub mod cli;
pub mod corpus;
pub mod decode;
pub mod dot;
pub mod error;
pub mod eval;
pub mod extract;
pub mod lexicon;
pub mod lineage;
pub mod lineage_graph;
pub mod metadata;
pub mod normalize;
pub mod pipeline;
pub mod rdf;
pub mod report;
pub mod resolve;
pub mod results;
pub mod script;
pub mod sections;
pub mod sentences;
pub mod serve;
pub mod store;
pub mod table;
pub mod trace;

pub use error::{Error, Result};
