//! The `gwkg` command: a thin shell over the library (see `gwkg --help`).

fn main() -> std::process::ExitCode {
    gwkg::cli::main()
}
