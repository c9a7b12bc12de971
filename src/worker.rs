//! The doctor's Web Worker: the page's second wasm module. It reads each message, a
//! [`doctor::Message`] as JSON text: the relay's profile, kept for the requests after it, or
//! a [`doctor::Request`], answered with a [`doctor::Answer`] as JSON text. It says `ready`
//! once it listens. A panic ends this module only; the page sees the worker's `error` event,
//! starts a new one and says so.

use crate::doctor::{self, Message};
use crate::profile::Profile;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// The message that tells the page the worker listens: messages sent before it would be lost.
pub const READY: &str = "ready";

pub fn start() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    // The page sends its relay's profile before its first request (web/checker.rs). A
    // request before it cannot be answered: the built-in profile is not linked in here, its
    // symptoms alone would make this module 16 KB (gzip) larger.
    let profile = RefCell::new(None::<Profile>);
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(text) = event.data().as_string() else {
            return;
        };
        let answer = match serde_json::from_str::<Message>(&text) {
            Ok(Message::Profile(relay)) => {
                *profile.borrow_mut() = Some(*relay);
                return;
            }
            Ok(Message::Request(request)) => match &*profile.borrow() {
                Some(profile) => doctor::answer(&request, profile),
                None => doctor::unreadable(request.id),
            },
            Err(_) => doctor::unreadable(0),
        };
        if let Ok(json) = serde_json::to_string(&answer) {
            reply.post_message(&JsValue::from_str(&json)).ok();
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    scope.post_message(&JsValue::from_str(READY)).ok();
}
