//! The `gwkg` command: a thin shell over the library (see `gwkg --help`).

/// mimalloc as the allocator: the recognisers and the quad writer make many small, short-lived
/// strings and vectors, which glibc's allocator serves slowly across threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    gwkg::cli::main()
}
