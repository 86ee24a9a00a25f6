//! A pseudo-terminal for the interactive flows (`plan`, `minutes`): tmux, driven by keys.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // each test file uses a part

use std::process::Command as Process;
use std::time::{Duration, Instant};

/// A tmux session running one command in a pseudo-terminal.
pub struct Tmux {
    name: String,
}

impl Tmux {
    pub fn start(command: &str) -> Tmux {
        let name = format!("medtrio-test-{}-{}", std::process::id(), rand_suffix());
        let status = Process::new("tmux")
            .args(["new-session", "-d", "-s", &name, "-x", "140", "-y", "50"])
            .arg(format!("{command}; echo EXIT=$?; sleep 30"))
            .status()
            .expect("tmux is needed for this test (.ci/run installs it)");
        assert!(status.success());
        Tmux { name }
    }

    pub fn screen(&self) -> String {
        let out = Process::new("tmux")
            .args(["capture-pane", "-p", "-S", "-200", "-t", &self.name])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(15) {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the screen never showed {text:?}:\n{}", self.screen());
    }

    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            let status = Process::new("tmux")
                .args(["send-keys", "-t", &self.name, key])
                .status()
                .unwrap();
            assert!(status.success());
            std::thread::sleep(Duration::from_millis(150));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Process::new("tmux")
            .args(["kill-session", "-t", &self.name])
            .status();
    }
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
        % 1_000_000
}
