//! Command-line parsing (CPython's Python/getopt.c and the option handling
//! of Python/initconfig.c): the same options, in the same order of
//! precedence, with the same usage errors and exit status 2.

use rython_vm::python::pylifecycle::Config;

/// What to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    File(String),
    Command(String),
    Module(String),
    Stdin,
}

#[derive(Debug)]
pub enum Parsed {
    Run(Box<Config>, Target),
    Exit(i32, String, bool),
}

pub fn usage_line(prog: &str) -> String {
    format!("usage: {prog} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n")
}

fn usage_error(prog: &str, msg: &str) -> Parsed {
    Parsed::Exit(
        2,
        format!(
            "{msg}\n{}Try `python -h' for more information.\n",
            usage_line(prog)
        ),
        true,
    )
}

/// Options that take an argument.
const WITH_ARG: &[char] = &['c', 'm', 'W', 'X'];
/// Options accepted without an argument.
const FLAGS: &[char] = &[
    'b', 'B', 'd', 'E', 'h', 'i', 'I', 'O', 'P', 'q', 's', 'S', 'u', 'v', 'V', 'x', 'R', '?',
];

pub fn parse(args: &[String], env: &dyn Fn(&str) -> Option<String>) -> Parsed {
    let prog = args.first().cloned().unwrap_or_else(|| "rython".into());
    let mut config = Config {
        executable: std::env::current_exe()
            .map(|p| p.to_string_lossy().to_string())
            .unwrap_or_else(|_| prog.clone()),
        ..Default::default()
    };
    let mut target: Option<Target> = None;
    let mut cmdline_warnoptions: Vec<String> = Vec::new();
    let mut i = 1;
    let mut version = 0;
    let mut help = false;
    while i < args.len() && target.is_none() {
        let a = &args[i];
        if a == "-" {
            target = Some(Target::Stdin);
            break;
        }
        if a == "--" {
            i += 1;
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            match long {
                "version" => version += 1,
                "help" | "help-all" | "help-env" | "help-xoptions" => help = true,
                "check-hash-based-pycs" => i += 1,
                _ => return usage_error(&prog, &format!("unknown option --{long}")),
            }
            i += 1;
            continue;
        }
        if !a.starts_with('-') || a.len() < 2 {
            break;
        }
        let chars: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            if WITH_ARG.contains(&c) {
                let rest: String = chars[j + 1..].iter().collect();
                let value = if !rest.is_empty() {
                    rest
                } else if i + 1 < args.len() {
                    i += 1;
                    args[i].clone()
                } else {
                    return usage_error(&prog, &format!("Argument expected for the -{c} option"));
                };
                match c {
                    'c' => target = Some(Target::Command(value)),
                    'm' => target = Some(Target::Module(value)),
                    'W' => cmdline_warnoptions.push(value),
                    _ => {
                        if value == "dev" {
                            config.dev_mode = true;
                        }
                        config.xoptions.push(value)
                    }
                }
                break;
            }
            if !FLAGS.contains(&c) {
                return usage_error(&prog, &format!("Unknown option: -{c}"));
            }
            match c {
                'b' => config.bytes_warning += 1,
                'B' => config.dont_write_bytecode = true,
                'E' => config.ignore_environment = true,
                'h' | '?' => help = true,
                'i' => {
                    config.inspect = true;
                    config.interactive = true;
                }
                'I' => {
                    config.isolated = true;
                    config.ignore_environment = true;
                    config.safe_path = true;
                    config.no_user_site = true;
                }
                'O' => config.optimize += 1,
                'P' => config.safe_path = true,
                'q' => config.quiet = true,
                's' => config.no_user_site = true,
                'S' => config.no_site = true,
                'u' => config.unbuffered = true,
                'v' => config.verbose += 1,
                'V' => version += 1,
                _ => {}
            }
            j += 1;
        }
        i += 1;
    }
    if help {
        return Parsed::Exit(
            0,
            format!("{}{}", usage_line(&prog), crate::help::HELP),
            false,
        );
    }
    if version > 0 {
        return Parsed::Exit(0, "Python 3.13.0\n".into(), false);
    }
    // Arguments after the target go to sys.argv.
    let rest: Vec<String> = match &target {
        Some(Target::Command(_)) | Some(Target::Module(_)) => args[i.min(args.len())..].to_vec(),
        Some(Target::Stdin) => args[(i + 1).min(args.len())..].to_vec(),
        _ => args[i.min(args.len())..].to_vec(),
    };
    let target = match target {
        Some(t) => t,
        None => match rest.first() {
            Some(f) => Target::File(f.clone()),
            None => Target::Stdin,
        },
    };
    config.argv = match &target {
        Target::Command(_) => std::iter::once("-c".to_string()).chain(rest).collect(),
        Target::Module(_) => std::iter::once("-m".to_string()).chain(rest).collect(),
        Target::Stdin => std::iter::once(if args.iter().any(|a| a == "-") {
            "-".to_string()
        } else {
            String::new()
        })
        .chain(rest)
        .collect(),
        Target::File(_) => rest,
    };
    if !config.ignore_environment {
        if env("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty()) {
            config.unbuffered = true;
        }
        if env("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty()) {
            config.dont_write_bytecode = true;
        }
        if env("PYTHONSAFEPATH").is_some_and(|v| !v.is_empty()) {
            config.safe_path = true;
        }
        if let Some(o) = env("PYTHONOPTIMIZE").filter(|v| !v.is_empty()) {
            config.optimize = config.optimize.max(o.parse().unwrap_or(1));
        }
        if env("PYTHONINSPECT").is_some_and(|v| !v.is_empty()) {
            config.inspect = true;
        }
        if let Some(p) = env("PYTHONPATH").filter(|v| !v.is_empty()) {
            config.path.extend(p.split(':').map(|s| s.to_string()));
        }
    }
    if let Err(msg) = int_max_str_digits(&mut config, env) {
        return Parsed::Exit(
            1,
            format!("Fatal Python error: config_init_int_max_str_digits: {msg}\nPython runtime state: preinitialized\n\n"),
            true,
        );
    }
    if !config.ignore_environment {
        if let Some(v) = env("PYTHONIOENCODING").filter(|v| !v.is_empty()) {
            let (enc, errors) = match v.split_once(':') {
                Some((e, r)) => (e, Some(r)),
                None => (v.as_str(), None),
            };
            if !enc.is_empty() {
                config.stdio_encoding = Some(enc.to_string());
                // An explicit encoding makes errors strict unless given.
                config.stdio_errors = Some("strict".into());
            }
            if let Some(r) = errors.filter(|r| !r.is_empty()) {
                config.stdio_errors = Some(r.to_string());
            }
        }
    }
    // sys.warnoptions, lowest precedence first (CPython's
    // config_init_warnoptions): dev mode, PYTHONWARNINGS, -W, -b.
    let mut warnoptions = Vec::new();
    if config.dev_mode {
        warnoptions.push("default".to_string());
    }
    if !config.ignore_environment {
        if let Some(v) = env("PYTHONWARNINGS") {
            warnoptions.extend(v.split(',').filter(|s| !s.is_empty()).map(str::to_string));
        }
    }
    warnoptions.extend(cmdline_warnoptions);
    match config.bytes_warning {
        0 => {}
        1 => warnoptions.push("default::BytesWarning".into()),
        _ => warnoptions.push("error::BytesWarning".into()),
    }
    config.warnoptions = warnoptions;
    Parsed::Run(Box::new(config), target)
}

/// `-X int_max_str_digits=N` (first) or `PYTHONINTMAXSTRDIGITS`: 0 or at
/// least 640, else CPython's fatal start-up error.
fn int_max_str_digits(
    config: &mut Config,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(), String> {
    let parse = |v: &str| -> Option<usize> {
        let t = v.trim_start();
        let n: i64 = t.strip_prefix('+').unwrap_or(t).parse().ok()?;
        let n = i32::try_from(n).ok()?;
        (n == 0 || n >= 640).then_some(n as usize)
    };
    let invalid = "invalid limit; must be >= 640 or 0 for unlimited.";
    let x = config
        .xoptions
        .iter()
        .rev()
        .find(|o| o.split('=').next() == Some("int_max_str_digits"))
        .cloned();
    if let Some(x) = x {
        let v = x.split_once('=').map(|p| p.1).unwrap_or("");
        match parse(v) {
            Some(n) if x.contains('=') => config.int_max_str_digits = Some(n),
            _ => return Err(format!("-X int_max_str_digits: {invalid}")),
        }
        return Ok(());
    }
    if !config.ignore_environment {
        if let Some(v) = env("PYTHONINTMAXSTRDIGITS").filter(|v| !v.is_empty()) {
            match parse(&v) {
                Some(n) => config.int_max_str_digits = Some(n),
                None => return Err(format!("PYTHONINTMAXSTRDIGITS: {invalid}")),
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Parsed {
        let v: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        parse(&v, &|_| None)
    }

    #[test]
    fn script_and_args() {
        match run(&["rython", "-u", "x.py", "-v", "a"]) {
            Parsed::Run(c, Target::File(f)) => {
                assert_eq!(f, "x.py");
                assert_eq!(c.argv, vec!["x.py", "-v", "a"]);
                assert!(c.unbuffered);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn command_terminates_options() {
        match run(&["rython", "-c", "print(1)", "-x"]) {
            Parsed::Run(c, Target::Command(s)) => {
                assert_eq!(s, "print(1)");
                assert_eq!(c.argv, vec!["-c", "-x"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unknown_option_is_usage_error() {
        match run(&["rython", "-Z"]) {
            Parsed::Exit(2, msg, true) => {
                assert!(msg.starts_with("Unknown option: -Z\nusage: rython"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn missing_argument() {
        match run(&["rython", "-c"]) {
            Parsed::Exit(2, msg, true) => {
                assert!(msg.starts_with("Argument expected for the -c option\n"))
            }
            other => panic!("{other:?}"),
        }
    }
}
