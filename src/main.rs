//! One binary, two faces: the page when built for the browser, the CLI when built natively.

#[cfg(target_arch = "wasm32")]
fn main() {
    onramp::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    onramp::cli::run()
}
