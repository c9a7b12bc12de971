//! The doctor's Web Worker, the page's second wasm module (`index.html` has Trunk build it):
//! the checker loads only when the page needs it. Natively there is nothing to run; the
//! command line is `onramp`.

#[cfg(target_arch = "wasm32")]
fn main() {
    onramp::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("onramp-doctor runs in the browser as the page's Web Worker; use `onramp check`");
    std::process::ExitCode::from(2)
}
